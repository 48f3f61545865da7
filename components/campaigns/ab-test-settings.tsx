"use client";
// How an A/B campaign uses its variants: split the whole audience evenly, or test on a share and
// send the winner (by click or reply rate) to the rest after a wait, in minutes or hours.
import { useId, useState } from "react";
import { Field } from "@/components/ui/field";
import { Input, Select } from "@/components/ui/input";
import { MAX_SHARE_PERCENT, MIN_SHARE_PERCENT, type AbTest } from "@/lib/campaigns/campaign-input";

export const DEFAULT_WINNER_TEST: AbTest = { mode: "winner", sharePercent: 20, waitMinutes: 240, metric: "clicks" };

const MODES = [
  { mode: "winner", label: "Test, then send the winner", hint: "A share gets the variants; after the wait the best one goes to everyone else" },
  { mode: "split", label: "Split evenly", hint: "Everyone gets one of the variants, in equal shares" },
] as const;

type Errors = Record<string, string | undefined>;

export function AbTestSettings({ value, onChange, errors, withoutLinks }: { value: AbTest; onChange: (v: AbTest) => void; errors: Errors; withoutLinks: string[] }) {
  const id = useId();
  const winner = value.mode === "winner" ? value : null;
  const [unit, setUnit] = useState<"minutes" | "hours">(winner && winner.waitMinutes % 60 !== 0 ? "minutes" : "hours");
  const per = unit === "hours" ? 60 : 1;
  return (
    <div className="space-y-3">
      <fieldset className="space-y-2">
        <legend className="text-sm font-medium text-zinc-700 dark:text-zinc-300">How to use the variants</legend>
        <div className="grid gap-2 sm:grid-cols-2">
          {MODES.map((m) => (
            <label
              key={m.mode}
              className="flex cursor-pointer gap-2 rounded-md border border-zinc-200 p-2.5 text-sm has-[:checked]:border-brand-500 has-[:checked]:bg-brand-50 dark:border-zinc-700 dark:has-[:checked]:bg-brand-700/20"
            >
              <input
                type="radio"
                name={`${id}-mode`}
                className="mt-0.5"
                checked={value.mode === m.mode}
                onChange={() => onChange(m.mode === "split" ? { mode: "split" } : DEFAULT_WINNER_TEST)}
              />
              <span>
                <span className="block font-medium">{m.label}</span>
                <span className="block text-xs text-zinc-500">{m.hint}</span>
              </span>
            </label>
          ))}
        </div>
        {errors.abTest && (
          <p role="alert" className="text-xs font-medium text-red-600 dark:text-red-400">
            {errors.abTest}
          </p>
        )}
      </fieldset>
      {winner && (
        <div className="grid gap-3 sm:grid-cols-3">
          <Field label="Test share (%)" hint={`${MIN_SHARE_PERCENT}-${MAX_SHARE_PERCENT}% of the audience`} error={errors["abTest.sharePercent"]}>
            <Input
              type="number"
              inputMode="numeric"
              min={MIN_SHARE_PERCENT}
              max={MAX_SHARE_PERCENT}
              value={Number.isNaN(winner.sharePercent) ? "" : winner.sharePercent}
              onChange={(e) => onChange({ ...winner, sharePercent: e.target.valueAsNumber })}
            />
          </Field>
          <div className="space-y-1">
            <Field label="Pick the winner after" error={errors["abTest.waitMinutes"]}>
              <Input
                type="number"
                inputMode="numeric"
                min={1}
                value={Number.isNaN(winner.waitMinutes) ? "" : winner.waitMinutes / per}
                onChange={(e) => onChange({ ...winner, waitMinutes: Math.round(e.target.valueAsNumber * per) })}
              />
            </Field>
            <Select aria-label="Wait unit" value={unit} onChange={(e) => setUnit(e.target.value as "minutes" | "hours")}>
              <option value="hours">hours</option>
              <option value="minutes">minutes</option>
            </Select>
          </div>
          <Field
            label="Winner by"
            hint={winner.metric === "clicks" && withoutLinks.length > 0 ? `Variant ${withoutLinks.join(", ")} has no link to click` : "Of delivered messages"}
          >
            <Select value={winner.metric} onChange={(e) => onChange({ ...winner, metric: e.target.value as "clicks" | "replies" })}>
              <option value="clicks">Click rate</option>
              <option value="replies">Reply rate</option>
            </Select>
          </Field>
        </div>
      )}
    </div>
  );
}
