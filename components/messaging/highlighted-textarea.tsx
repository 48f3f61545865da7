"use client";
// A textarea whose characters that force UCS-2 are highlighted where they stand: a backdrop with
// the same text, font and wrapping sits behind the transparent textarea and marks those runs.
// Both layers share one class list, and the textarea grows with its text (field-sizing), so the
// backdrop never needs to track a scrollbar.
import { forwardRef, useMemo, useRef, type TextareaHTMLAttributes } from "react";
import { cn } from "@/components/ui/cn";
import { isGsmCharacter } from "@/lib/sms/segments";

const LAYER = "block w-full whitespace-pre-wrap break-words rounded-md border px-3 py-2 font-sans text-sm leading-6";

/** The text cut into runs of GSM-7 and of other characters, for the backdrop. */
function runs(text: string): { text: string; gsm: boolean }[] {
  const out: { text: string; gsm: boolean }[] = [];
  for (const char of text) {
    const gsm = isGsmCharacter(char);
    const last = out.at(-1);
    if (last && last.gsm === gsm) last.text += char;
    else out.push({ text: char, gsm });
  }
  return out;
}

type Props = Omit<TextareaHTMLAttributes<HTMLTextAreaElement>, "value"> & { value: string };

export const HighlightedTextarea = forwardRef<HTMLTextAreaElement, Props>(function HighlightedTextarea({ value, className, onScroll, ...props }, ref) {
  const backdrop = useRef<HTMLDivElement>(null);
  const parts = useMemo(() => runs(value), [value]);
  return (
    <div className="relative rounded-md bg-white dark:bg-zinc-900">
      <div ref={backdrop} aria-hidden className={cn(LAYER, "pointer-events-none absolute inset-0 overflow-hidden border-transparent text-transparent")}>
        {parts.map((part, i) =>
          part.gsm ? (
            <span key={i}>{part.text}</span>
          ) : (
            <mark key={i} className="rounded-sm bg-amber-200 text-transparent dark:bg-amber-500/40">
              {part.text}
            </mark>
          ),
        )}
        {/* A trailing newline needs a character after it to take up its line, as it does in the textarea. */}
        {value.endsWith("\n") && " "}
      </div>
      <textarea
        ref={ref}
        value={value}
        onScroll={(event) => {
          if (backdrop.current) backdrop.current.scrollTop = event.currentTarget.scrollTop;
          onScroll?.(event);
        }}
        className={cn(
          LAYER,
          "relative min-h-28 resize-none border-zinc-300 bg-transparent shadow-sm [field-sizing:content] placeholder:text-zinc-400 focus:border-brand-500 focus:outline-none focus:ring-2 focus:ring-brand-500/30 aria-[invalid=true]:border-red-500 dark:border-zinc-700",
          className,
        )}
        {...props}
      />
    </div>
  );
});
