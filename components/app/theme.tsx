"use client";
// Light / dark / system theme, kept in localStorage and applied as a class on <html>.
import { Monitor, Moon, Sun } from "lucide-react";
import { useSyncExternalStore } from "react";
import { Button } from "@/components/ui/button";

type Theme = "light" | "dark" | "system";
const KEY = "textstack-theme";

// Runs before paint (inlined in <head>) so the page never flashes the wrong theme.
export const themeScript = `(()=>{try{const t=localStorage.getItem("${KEY}")||"system";const d=t==="dark"||(t==="system"&&matchMedia("(prefers-color-scheme: dark)").matches);document.documentElement.classList.toggle("dark",d)}catch{}})()`;

function apply(theme: Theme) {
  const dark = theme === "dark" || (theme === "system" && matchMedia("(prefers-color-scheme: dark)").matches);
  document.documentElement.classList.toggle("dark", dark);
}

const NEXT: Record<Theme, Theme> = { system: "light", light: "dark", dark: "system" };
const ICONS = { light: Sun, dark: Moon, system: Monitor };

// The stored theme as an external store: other tabs' changes arrive through "storage" events.
const CHANGED = "textstack-theme-change";
function subscribe(onChange: () => void) {
  window.addEventListener("storage", onChange);
  window.addEventListener(CHANGED, onChange);
  return () => {
    window.removeEventListener("storage", onChange);
    window.removeEventListener(CHANGED, onChange);
  };
}
const storedTheme = () => (localStorage.getItem(KEY) as Theme | null) ?? "system";

export function ThemeToggle() {
  const theme = useSyncExternalStore(subscribe, storedTheme, () => "system" as Theme);
  const Icon = ICONS[theme];
  return (
    <Button
      variant="ghost"
      size="icon"
      aria-label={`Theme: ${theme}. Switch to ${NEXT[theme]}`}
      title={`Theme: ${theme}`}
      onClick={() => {
        const next = NEXT[theme];
        localStorage.setItem(KEY, next);
        apply(next);
        window.dispatchEvent(new Event(CHANGED));
      }}
    >
      <Icon className="h-4 w-4" />
    </Button>
  );
}
