"use client";
// A wait-for-reply's branches: each a name and a test of the reply, tried in order (the first that
// matches takes its branch), added, removed and reordered; "Other reply" and "No reply" always follow.
import { ArrowDown, ArrowUp, Plus, Trash2 } from "lucide-react";
import { Button } from "@/components/ui/button";
import { Input, Select } from "@/components/ui/input";
import { newStepId } from "@/components/workflows/node-catalog";

type Test = { kind: string; value?: string; words?: string[]; min?: number; max?: number; pattern?: string };
export type Branch = { id: string; label: string; test: Test };

const TESTS: { kind: string; label: string }[] = [
  { kind: "yes", label: "Yes (yes, y, yeah, sure, ok…)" },
  { kind: "no", label: "No (no, n, nope, nah…)" },
  { kind: "contains", label: "Contains" },
  { kind: "equals", label: "Is exactly" },
  { kind: "any_word", label: "Any of these words" },
  { kind: "number_between", label: "A number between" },
  { kind: "regex", label: "Matches a pattern" },
  { kind: "anything", label: "Anything" },
];

const freshTest = (kind: string): Test =>
  kind === "contains" || kind === "equals"
    ? { kind, value: "" }
    : kind === "any_word"
      ? { kind, words: [] }
      : kind === "number_between"
        ? { kind, min: 1, max: 10 }
        : kind === "regex"
          ? { kind, pattern: "" }
          : { kind };

export function ReplyBranchesForm({ branches, onChange }: { branches: Branch[]; onChange: (b: Branch[], coalesce?: string) => void }) {
  const set = (i: number, patch: Partial<Branch>, coalesce?: string) => onChange(branches.map((b, j) => (j === i ? { ...b, ...patch } : b)), coalesce);
  const move = (i: number, by: number) => {
    const next = [...branches];
    const [b] = next.splice(i, 1);
    next.splice(i + by, 0, b!);
    onChange(next);
  };
  return (
    <fieldset className="space-y-2">
      <legend className="mb-1 text-sm font-medium text-zinc-700 dark:text-zinc-300">Branches, tried in order</legend>
      {branches.map((b, i) => (
        <div key={b.id} className="space-y-2 rounded-md border border-zinc-200 p-2 dark:border-zinc-800" data-testid="reply-branch">
          <div className="flex items-center gap-1">
            <Input aria-label={`Branch ${i + 1} name`} value={b.label} onChange={(e) => set(i, { label: e.target.value }, `label-${b.id}`)} className="flex-1" />
            <Button variant="ghost" size="icon" aria-label={`Move branch ${b.label} up`} disabled={i === 0} onClick={() => move(i, -1)}>
              <ArrowUp className="h-4 w-4" />
            </Button>
            <Button variant="ghost" size="icon" aria-label={`Move branch ${b.label} down`} disabled={i === branches.length - 1} onClick={() => move(i, 1)}>
              <ArrowDown className="h-4 w-4" />
            </Button>
            <Button variant="ghost" size="icon" aria-label={`Remove branch ${b.label}`} onClick={() => onChange(branches.filter((_, j) => j !== i))}>
              <Trash2 className="h-4 w-4" />
            </Button>
          </div>
          <Select aria-label={`Branch ${b.label} test`} value={b.test.kind} onChange={(e) => set(i, { test: freshTest(e.target.value) })}>
            {TESTS.map((t) => (
              <option key={t.kind} value={t.kind}>
                {t.label}
              </option>
            ))}
          </Select>
          {(b.test.kind === "contains" || b.test.kind === "equals") && (
            <Input aria-label={`Branch ${b.label} text`} placeholder="Text" value={b.test.value ?? ""} onChange={(e) => set(i, { test: { ...b.test, value: e.target.value } }, `test-${b.id}`)} />
          )}
          {b.test.kind === "any_word" && (
            <Input
              aria-label={`Branch ${b.label} words`}
              placeholder="Words, separated by commas"
              defaultValue={(b.test.words ?? []).join(", ")}
              onChange={(e) => set(i, { test: { kind: "any_word", words: e.target.value.split(",").map((w) => w.trim()).filter(Boolean) } }, `test-${b.id}`)}
            />
          )}
          {b.test.kind === "number_between" && (
            <div className="flex items-center gap-2 text-sm">
              <Input type="number" aria-label={`Branch ${b.label} minimum`} value={b.test.min ?? 0} onChange={(e) => set(i, { test: { ...b.test, min: Number(e.target.value) } }, `test-${b.id}`)} />
              and
              <Input type="number" aria-label={`Branch ${b.label} maximum`} value={b.test.max ?? 0} onChange={(e) => set(i, { test: { ...b.test, max: Number(e.target.value) } }, `test-${b.id}`)} />
            </div>
          )}
          {b.test.kind === "regex" && (
            <Input aria-label={`Branch ${b.label} pattern`} placeholder="^[0-9]{5}$" value={b.test.pattern ?? ""} onChange={(e) => set(i, { test: { ...b.test, pattern: e.target.value } }, `test-${b.id}`)} />
          )}
        </div>
      ))}
      <Button variant="secondary" size="sm" disabled={branches.length >= 20} onClick={() => onChange([...branches, { id: newStepId("br"), label: `Branch ${branches.length + 1}`, test: { kind: "contains", value: "" } }])}>
        <Plus className="h-4 w-4" aria-hidden /> Add branch
      </Button>
      <p className="text-xs text-zinc-500">Then “Other reply” for anything else, and “No reply” when the time runs out.</p>
    </fieldset>
  );
}
