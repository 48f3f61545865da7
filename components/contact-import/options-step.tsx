"use client";
// Step 3: what the run does besides creating contacts: a list to add them to, tags for all of them,
// what to do with numbers already in contacts, and how these people gave consent (required, kept
// with each contact's consent history).
import { useQuery } from "@tanstack/react-query";
import type { FormEvent } from "react";
import { Button } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import { Input, Select, Textarea } from "@/components/ui/input";
import { useTRPC } from "@/lib/trpc/react";

export interface ImportOptionsForm {
  listId: string;
  tags: string;
  onExisting: "update" | "skip";
  consentStatement: string;
}

export const DEFAULT_OPTIONS: ImportOptionsForm = { listId: "", tags: "", onExisting: "update", consentStatement: "" };

export function splitTags(text: string): string[] {
  return text
    .split(/[,;]/)
    .map((t) => t.trim().toLowerCase())
    .filter(Boolean);
}

export function OptionsStep({
  fileName,
  value,
  onChange,
  onBack,
  onNext,
  errors,
}: {
  fileName: string;
  value: ImportOptionsForm;
  onChange: (value: ImportOptionsForm) => void;
  onBack: () => void;
  onNext: () => void;
  errors: Record<string, string>;
}) {
  const trpc = useTRPC();
  const lists = useQuery(trpc.lists.list.queryOptions());
  const set = <K extends keyof ImportOptionsForm>(key: K, v: ImportOptionsForm[K]) => onChange({ ...value, [key]: v });
  const tooShort = value.consentStatement.trim().length < 10;

  function submit(event: FormEvent) {
    event.preventDefault();
    if (!tooShort) onNext();
  }

  return (
    <form onSubmit={submit} className="max-w-xl space-y-5" noValidate>
      <Field label="Add to list" hint="Every contact in the file, new or already there." error={errors.listId}>
        <Select value={value.listId} onChange={(e) => set("listId", e.target.value)}>
          <option value="">No list</option>
          {(lists.data ?? []).map((l) => (
            <option key={l.id} value={l.id}>
              {l.name}
            </option>
          ))}
        </Select>
      </Field>
      <Field label="Add tags" hint="Separated by commas; added to every contact in the file." error={errors.tags}>
        <Input value={value.tags} onChange={(e) => set("tags", e.target.value)} placeholder="spring-fair, wholesale" />
      </Field>
      <fieldset>
        <legend className="mb-2 text-sm font-medium text-zinc-700 dark:text-zinc-300">Numbers already in your contacts</legend>
        <div className="space-y-2 text-sm">
          <label className="flex items-start gap-2">
            <input type="radio" name="onExisting" className="mt-1" checked={value.onExisting === "update"} onChange={() => set("onExisting", "update")} />
            <span>Update them: filled cells replace what is there, empty cells keep it; tags and custom fields are added.</span>
          </label>
          <label className="flex items-start gap-2">
            <input type="radio" name="onExisting" className="mt-1" checked={value.onExisting === "skip"} onChange={() => set("onExisting", "skip")} />
            <span>Skip them: leave those contacts as they are (they still join the list).</span>
          </label>
        </div>
      </fieldset>
      <Field
        label="How did these people agree to receive texts?"
        hint={`Required. Kept with each new contact's consent history as "imported: ${fileName}". Anyone opted out stays opted out, and rows marked unsubscribed are imported opted out.`}
        error={errors.consentStatement}
      >
        <Textarea
          value={value.consentStatement}
          onChange={(e) => set("consentStatement", e.target.value)}
          placeholder="E.g. they ticked the SMS box on our checkout form between March and May 2026"
          required
        />
      </Field>
      <div className="flex justify-between gap-2">
        <Button variant="secondary" onClick={onBack}>
          Back to columns
        </Button>
        <Button type="submit" disabled={tooShort}>
          Review
        </Button>
      </div>
    </form>
  );
}
