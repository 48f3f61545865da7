"use client";
// The inbox's keys: j/k the next or previous conversation, e close (or reopen), a assign to me,
// r the reply box, / search, ? this list. Not while typing in a field (Escape leaves it).
import { useEffect } from "react";
import { Dialog } from "@/components/ui/dialog";

export const SHORTCUTS = [
  ["j", "Next conversation"],
  ["k", "Previous conversation"],
  ["e", "Close (or reopen) the conversation"],
  ["a", "Assign the conversation to me"],
  ["r", "Reply"],
  ["/", "Search"],
  ["?", "Show these shortcuts"],
  ["Enter", "Send the reply (Shift+Enter: a new line)"],
] as const;

export type ShortcutKey = "j" | "k" | "e" | "a" | "r" | "/" | "?";

function typingIn(target: EventTarget | null): boolean {
  const el = target as HTMLElement | null;
  return !!el && (el.isContentEditable || ["INPUT", "TEXTAREA", "SELECT"].includes(el.tagName));
}

export function useShortcuts(onKey: (key: ShortcutKey) => void) {
  useEffect(() => {
    function down(event: KeyboardEvent) {
      if (event.key === "Escape" && typingIn(event.target)) {
        (event.target as HTMLElement).blur();
        return;
      }
      if (event.metaKey || event.ctrlKey || event.altKey || typingIn(event.target)) return;
      if (["j", "k", "e", "a", "r", "/", "?"].includes(event.key)) {
        event.preventDefault();
        onKey(event.key as ShortcutKey);
      }
    }
    window.addEventListener("keydown", down);
    return () => window.removeEventListener("keydown", down);
  }, [onKey]);
}

export function ShortcutsHelp({ open, onClose }: { open: boolean; onClose: () => void }) {
  return (
    <Dialog open={open} onClose={onClose} title="Keyboard shortcuts">
      <dl className="grid grid-cols-[auto_1fr] gap-x-4 gap-y-2 text-sm">
        {SHORTCUTS.map(([key, what]) => (
          <div key={key} className="contents">
            <dt>
              <kbd className="rounded border border-zinc-300 bg-zinc-50 px-1.5 py-0.5 font-mono text-xs dark:border-zinc-700 dark:bg-zinc-800">{key}</kbd>
            </dt>
            <dd>{what}</dd>
          </div>
        ))}
      </dl>
    </Dialog>
  );
}
