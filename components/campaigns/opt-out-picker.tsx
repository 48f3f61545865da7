"use client";
// Whose message ends with the org's opt-out language: the first marketing text a contact gets from
// the org (CTIA's rule, the default), every one, or none. The org's wording is shown as it will be sent.
import { useId } from "react";
import type { OptOutChoice } from "@/lib/campaigns/campaign-input";

const CHOICES: { value: OptOutChoice; label: string; hint: string }[] = [
  { value: "first", label: "First text only", hint: "To contacts who have never had a marketing text from you" },
  { value: "every", label: "Every recipient", hint: "Everyone's text ends with it" },
  { value: "off", label: "Off", hint: "Carriers expect it in a subscriber's first marketing text" },
];

export function OptOutPicker({ value, onChange, language }: { value: OptOutChoice; onChange: (v: OptOutChoice) => void; language: string | undefined }) {
  const id = useId();
  return (
    <fieldset className="space-y-2">
      <legend className="text-sm font-medium text-zinc-700 dark:text-zinc-300">Opt-out language</legend>
      <p className="text-xs text-zinc-500">
        {language ? <>&ldquo;{language}&rdquo;</> : "Your org's wording"}, added on a line of its own. Change it in Settings → Sending rules.
      </p>
      <div className="grid gap-2 sm:grid-cols-3">
        {CHOICES.map((c) => (
          <label
            key={c.value}
            className="flex cursor-pointer gap-2 rounded-md border border-zinc-200 p-2.5 text-sm has-[:checked]:border-brand-500 has-[:checked]:bg-brand-50 dark:border-zinc-700 dark:has-[:checked]:bg-brand-700/20"
          >
            <input type="radio" name={`${id}-opt-out`} className="mt-0.5" checked={value === c.value} onChange={() => onChange(c.value)} />
            <span>
              <span className="block font-medium">{c.label}</span>
              <span className="block text-xs text-zinc-500">{c.hint}</span>
            </span>
          </label>
        ))}
      </div>
    </fieldset>
  );
}
