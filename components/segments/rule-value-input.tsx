"use client";
// The value part of a rule, shaped by what its operator takes (OPERATOR_VALUES): nothing, a text, a
// number, two numbers, a day, two days, a number of days, or several values.
import { choiceOptions, freeValueHint } from "@/components/segments/choice-options";
import { NumberInput } from "@/components/segments/number-input";
import { ValuesPicker } from "@/components/segments/values-picker";
import { Input } from "@/components/ui/input";
import { OPERATOR_VALUES, type SegmentCondition } from "@/lib/segments/rule-model";

const asNumber = (v: unknown) => (typeof v === "number" ? v : undefined);
const asText = (v: unknown) => (typeof v === "string" ? v : "");
const asPair = (v: unknown): [unknown, unknown] => (Array.isArray(v) ? [v[0], v[1]] : [undefined, undefined]);
// A pair with a missing end is kept as such, so the rule reads as unfinished rather than vanishing.
const pair = (a: unknown, b: unknown) => (a === undefined && b === undefined ? undefined : [a, b]);

export function RuleValueInput({
  rule,
  fieldLabel,
  lists,
  onValue,
  errorId,
  invalid,
}: {
  rule: SegmentCondition;
  fieldLabel: string;
  lists: readonly { id: string; name: string }[];
  onValue: (value: unknown) => void;
  errorId?: string;
  invalid: boolean;
}) {
  const a11y = { "aria-invalid": invalid || undefined, "aria-describedby": invalid ? errorId : undefined };
  const cls = "min-w-0";
  switch (OPERATOR_VALUES[rule.operator]) {
    case "none":
      return null;
    case "text":
      return <Input {...a11y} aria-label={`${fieldLabel}: value`} className={cls} value={asText(rule.value)} onChange={(e) => onValue(e.target.value)} />;
    case "number":
      return <NumberInput {...a11y} aria-label={`${fieldLabel}: value`} className={cls} value={asNumber(rule.value)} onValue={onValue} />;
    case "days":
      return (
        <div className="flex items-center gap-2">
          <NumberInput {...a11y} aria-label={`${fieldLabel}: number of days`} className="w-24" value={asNumber(rule.value)} onValue={onValue} />
          <span className="text-sm text-zinc-500">days</span>
        </div>
      );
    case "range": {
      const [from, to] = asPair(rule.value);
      return (
        <div className="flex items-center gap-2">
          <NumberInput {...a11y} aria-label={`${fieldLabel}: from`} className="w-28" value={asNumber(from)} onValue={(v) => onValue(pair(v, to))} />
          <span className="text-sm text-zinc-500">and</span>
          <NumberInput {...a11y} aria-label={`${fieldLabel}: to`} className="w-28" value={asNumber(to)} onValue={(v) => onValue(pair(from, v))} />
        </div>
      );
    }
    case "day":
      return (
        <Input
          {...a11y}
          type="date"
          aria-label={`${fieldLabel}: date`}
          className="w-44"
          value={asText(rule.value)}
          onChange={(e) => onValue(e.target.value || undefined)}
        />
      );
    case "day_range": {
      const [from, to] = asPair(rule.value);
      const day = (v: string) => v || undefined;
      return (
        <div className="flex flex-wrap items-center gap-2">
          <Input {...a11y} type="date" aria-label={`${fieldLabel}: from`} className="w-44" value={asText(from)} onChange={(e) => onValue(pair(day(e.target.value), to))} />
          <span className="text-sm text-zinc-500">and</span>
          <Input {...a11y} type="date" aria-label={`${fieldLabel}: to`} className="w-44" value={asText(to)} onChange={(e) => onValue(pair(from, day(e.target.value)))} />
        </div>
      );
    }
    case "texts": {
      const { placeholder, normalise } = freeValueHint(rule.field);
      return (
        <ValuesPicker
          label={`${fieldLabel}: values`}
          invalid={invalid}
          describedBy={invalid ? errorId : undefined}
          values={Array.isArray(rule.value) ? (rule.value as string[]) : []}
          onChange={onValue}
          options={choiceOptions(rule.field, lists)}
          placeholder={placeholder}
          normalise={normalise}
        />
      );
    }
  }
}
