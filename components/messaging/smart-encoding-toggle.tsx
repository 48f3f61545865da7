"use client";
// The smart-encoding switch of the compose box, saying what it replaces (or would, when off) before
// anything is sent: "3 characters will be replaced: ’ → '".
import { useMemo } from "react";
import { visibleCharacter } from "@/components/messaging/segment-meter";
import { SMART_REPLACEMENTS, smartEncode } from "@/lib/sms/smart-encoding";

export function SmartEncodingToggle({ body, checked, onChange, disabled }: { body: string; checked: boolean; onChange: (checked: boolean) => void; disabled?: boolean }) {
  const { replacements } = useMemo(() => smartEncode(body), [body]);
  const replaceable = useMemo(() => [...body].some((c) => SMART_REPLACEMENTS.has(c)), [body]);
  const count = replacements.reduce((sum, r) => sum + r.count, 0);

  let detail: string;
  if (count > 0) detail = `${count} ${count === 1 ? "character" : "characters"} ${checked ? "will be" : "would be"} replaced:`;
  else if (replaceable) detail = "Nothing is replaced: other characters need UCS-2 anyway.";
  else detail = "Replaces look-alike characters (curly quotes, dashes, odd spaces) with GSM-7 ones.";

  return (
    <div className="text-xs text-zinc-600 dark:text-zinc-400">
      <label className="inline-flex items-center gap-2 text-sm font-medium text-zinc-700 dark:text-zinc-300">
        <input type="checkbox" className="h-4 w-4 accent-brand-600" checked={checked} disabled={disabled} onChange={(e) => onChange(e.target.checked)} />
        Smart encoding
      </label>
      <p className="mt-1" data-testid="smart-encoding-detail">
        {detail}
        {replacements.map((r) => (
          <span key={r.from} className="ml-2 inline-block font-mono">
            <span className="rounded bg-zinc-100 px-1 dark:bg-zinc-800">{visibleCharacter(r.from)}</span> →{" "}
            <span className="rounded bg-zinc-100 px-1 dark:bg-zinc-800">{r.to === "" ? "nothing" : visibleCharacter(r.to)}</span>
            {r.count > 1 && <span className="text-zinc-500"> ×{r.count}</span>}
          </span>
        ))}
      </p>
    </div>
  );
}
