"use client";
// Several values as removable chips: picked from a menu for fixed sets, typed (Enter or comma adds)
// for open ones. Every chip's remove button is labelled, so the picker works by keyboard alone.
import { X } from "lucide-react";
import { useState } from "react";
import type { ChoiceOption } from "@/components/segments/choice-options";
import { Input, Select } from "@/components/ui/input";

export function ValuesPicker({
  values,
  onChange,
  options,
  placeholder,
  normalise,
  label,
  invalid,
  describedBy,
}: {
  values: readonly string[];
  onChange: (values: string[]) => void;
  /** Fixed choices, or "free" for typed values. */
  options: readonly ChoiceOption[] | "free";
  placeholder: string;
  normalise: (text: string) => string;
  label: string;
  invalid?: boolean;
  describedBy?: string;
}) {
  const [draft, setDraft] = useState("");
  const labelOf = (value: string) => (options === "free" ? value : (options.find((o) => o.value === value)?.label ?? value));
  const add = (value: string) => {
    if (value && !values.includes(value)) onChange([...values, value]);
  };
  function commitDraft() {
    for (const part of draft.split(",")) add(normalise(part));
    setDraft("");
  }

  return (
    <div className="min-w-0 flex-1 space-y-1.5">
      {values.length > 0 && (
        <ul className="flex flex-wrap gap-1" aria-label={`${label}: chosen`}>
          {values.map((value) => (
            <li
              key={value}
              className="inline-flex items-center gap-1 rounded-full bg-brand-100 py-0.5 pl-2 pr-1 text-xs font-medium text-brand-700 dark:bg-brand-700/30 dark:text-brand-100"
            >
              {labelOf(value)}
              <button
                type="button"
                className="rounded-full p-0.5 hover:bg-brand-200 focus:outline-none focus-visible:ring-2 focus-visible:ring-brand-500 dark:hover:bg-brand-700/50"
                aria-label={`Remove ${labelOf(value)}`}
                onClick={() => onChange(values.filter((v) => v !== value))}
              >
                <X className="h-3 w-3" aria-hidden />
              </button>
            </li>
          ))}
        </ul>
      )}
      {options === "free" ? (
        <Input
          aria-label={label}
          aria-invalid={invalid || undefined}
          aria-describedby={describedBy}
          placeholder={placeholder}
          value={draft}
          onChange={(e) => setDraft(e.target.value)}
          onKeyDown={(e) => {
            if (e.key === "Enter" || e.key === ",") {
              e.preventDefault();
              commitDraft();
            } else if (e.key === "Backspace" && draft === "" && values.length > 0) {
              onChange(values.slice(0, -1));
            }
          }}
          onBlur={commitDraft}
        />
      ) : (
        <Select
          aria-label={label}
          aria-invalid={invalid || undefined}
          aria-describedby={describedBy}
          value=""
          onChange={(e) => add(e.target.value)}
        >
          <option value="">{values.length ? "Add another…" : "Choose…"}</option>
          {options
            .filter((o) => !values.includes(o.value))
            .map((o) => (
              <option key={o.value} value={o.value}>
                {o.label}
              </option>
            ))}
        </Select>
      )}
    </div>
  );
}
