"use client";
// The side panel's form for the chosen step: one per kind of step, its problems under it as it is
// typed (validate-graph.ts's nodeProblems, the same checks publishing makes).
import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { useMemo, useRef, useState } from "react";
import { MediaPicker, type MediaItem } from "@/components/media/media-picker";
import { HighlightedTextarea } from "@/components/messaging/highlighted-textarea";
import { SegmentMeter } from "@/components/messaging/segment-meter";
import { SegmentBuilder } from "@/components/segments/segment-builder";
import { Field } from "@/components/ui/field";
import { ListSelect } from "@/components/workflows/list-select";
import { Input, Select, Textarea } from "@/components/ui/input";
import { ReplyBranchesForm, type Branch } from "@/components/workflows/reply-branches-form";
import { TriggerForm } from "@/components/workflows/trigger-form";
import type { SegmentGroup } from "@/lib/segments/rule-model";
import { useTRPC } from "@/lib/trpc/react";
import { MAX_BODY_LENGTH, segmentMessage } from "@/lib/sms/segments";
import { STANDARD_FIELDS } from "@/lib/sms/templates";
import type { EditorOptions } from "@/lib/workflows/editor-options";
import type { DraftNode } from "@/lib/workflows/graph-model";
import { WRITABLE_FIELDS } from "@/lib/workflows/validate-graph";

type Data = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any -- a draft's data is as typed so far
const UNITS = ["minutes", "hours", "days", "weeks"] as const;
const WEEKDAYS = ["Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"];
const FIELD_LABELS: Record<string, string> = { firstName: "First name", lastName: "Last name", email: "Email" };

function Duration({ label, value, onChange }: { label: string; value: { amount: number; unit: string }; onChange: (v: { amount: number; unit: string }, coalesce?: string) => void }) {
  return (
    <fieldset>
      <legend className="mb-1 text-sm font-medium text-zinc-700 dark:text-zinc-300">{label}</legend>
      <div className="flex gap-2">
        <Input type="number" min={1} aria-label={`${label}: amount`} value={Number.isFinite(value.amount) ? value.amount : ""} onChange={(e) => onChange({ ...value, amount: e.target.valueAsNumber }, "amount")} className="w-24" />
        <Select aria-label={`${label}: unit`} value={value.unit} onChange={(e) => onChange({ ...value, unit: e.target.value })}>
          {UNITS.map((u) => (
            <option key={u} value={u}>
              {u}
            </option>
          ))}
        </Select>
      </div>
    </fieldset>
  );
}

function FieldPicker({ label, value, options, onChange, allowNone }: { label: string; value: string | null; options: EditorOptions; onChange: (v: string | null) => void; allowNone?: string }) {
  return (
    <Field label={label}>
      <Select value={value ?? ""} onChange={(e) => onChange(e.target.value || null)}>
        <option value="">{allowNone ?? "Choose a field…"}</option>
        {WRITABLE_FIELDS.map((f) => (
          <option key={f} value={f}>
            {FIELD_LABELS[f]}
          </option>
        ))}
        {options.customFields.map((f) => (
          <option key={f.key} value={`custom.${f.key}`}>
            {f.label}
          </option>
        ))}
      </Select>
    </Field>
  );
}

const STANDARD_LABELS: Record<(typeof STANDARD_FIELDS)[number], string> = { first_name: "First name", last_name: "Last name", phone: "Phone", email: "Email" };

/** Puts a merge field where the cursor is in the text (or over the selection). */
function MergeFieldMenu({ options, onInsert }: { options: EditorOptions; onInsert: (tag: string) => void }) {
  return (
    <div className="space-y-1">
      <Select aria-label="Insert a merge field" value="" onChange={(e) => e.target.value && onInsert(`{{${e.target.value}}}`)} className="w-auto">
        <option value="">Insert a merge field…</option>
        <optgroup label="Contact">
          {STANDARD_FIELDS.map((f) => (
            <option key={f} value={f}>
              {STANDARD_LABELS[f]}
            </option>
          ))}
          {options.customFields.map((f) => (
            <option key={f.key} value={`custom.${f.key}`}>
              {f.label}
            </option>
          ))}
        </optgroup>
        <optgroup label="This run">
          <option value="reply">Their last reply</option>
          <option value="trigger.body">The text that started it</option>
        </optgroup>
      </Select>
      <p className="text-xs text-zinc-500">
        A fallback for an empty value: {"{{first_name|there}}"}. What started the run: {"{{trigger.<key>}}"} (an API event&apos;s data, a keyword&apos;s text).
      </p>
    </div>
  );
}

/**
 * The step's attachments (MMS). The step keeps only their ids: those saved are read back for their
 * thumbnails, those uploaded here are known already. Changes wait until the saved ones are read, so
 * none is dropped unseen.
 */
function StepMedia({ ids, onChange }: { ids: string[]; onChange: (ids: string[]) => void }) {
  const trpc = useTRPC();
  const [uploaded, setUploaded] = useState<MediaItem[]>([]);
  const saved = useQuery({ ...trpc.media.items.queryOptions({ ids }), enabled: ids.length > 0, placeholderData: keepPreviousData });
  const known = new Map([...(saved.data ?? []), ...uploaded].map((m) => [m.id, m]));
  const value = ids.flatMap((id) => known.get(id) ?? []);
  return (
    <MediaPicker
      value={value}
      disabled={value.length < ids.length && saved.isPending}
      onChange={(items) => {
        setUploaded((before) => [...before, ...items.filter((m) => !known.has(m.id))]);
        onChange(items.map((m) => m.id));
      }}
    />
  );
}

function MessageForm({ data, options, set }: { data: Data; options: EditorOptions; set: (patch: Data, coalesce?: string) => void }) {
  const body = typeof data.body === "string" ? data.body : "";
  const segmented = useMemo(() => segmentMessage(body), [body]);
  const textarea = useRef<HTMLTextAreaElement>(null);
  function insert(tag: string) {
    const start = textarea.current?.selectionStart ?? body.length;
    const end = textarea.current?.selectionEnd ?? body.length;
    set({ body: body.slice(0, start) + tag + body.slice(end) });
    const caret = start + tag.length;
    requestAnimationFrame(() => {
      textarea.current?.focus();
      textarea.current?.setSelectionRange(caret, caret);
    });
  }
  return (
    <div className="space-y-3">
      <div className="space-y-1">
        <label htmlFor="step-body" className="block text-sm font-medium text-zinc-700 dark:text-zinc-300">
          Message
        </label>
        <HighlightedTextarea ref={textarea} id="step-body" value={body} rows={5} placeholder="Write your message…" onChange={(e) => set({ body: e.target.value }, "body")} />
        <SegmentMeter segmented={segmented} isMms={(data.mediaIds?.length ?? 0) > 0} overLimit={body.length > MAX_BODY_LENGTH} />
        <MergeFieldMenu options={options} onInsert={insert} />
      </div>
      <StepMedia ids={data.mediaIds ?? []} onChange={(mediaIds) => set({ mediaIds })} />
      <Field label="From" hint="Left unchosen: the number their inbox conversation uses.">
        <Select value={data.senderId ?? ""} onChange={(e) => set({ senderId: e.target.value || null })}>
          <option value="">Their conversation&apos;s number</option>
          {options.senders.map((s) => (
            <option key={s.id} value={s.id}>
              {s.label ? `${s.label} (${s.address})` : s.address}
            </option>
          ))}
        </Select>
      </Field>
    </div>
  );
}

export function StepForm({ step, options, selfId, onChange }: { step: DraftNode; options: EditorOptions; selfId: string; onChange: (data: Data, coalesce?: string) => void }) {
  const data = step.data as Data;
  const set = (patch: Data, coalesce?: string) => onChange({ ...data, ...patch }, coalesce);
  switch (step.type) {
    case "trigger":
      return <TriggerForm trigger={data.trigger ?? { kind: "keyword", keywordRuleId: "" }} options={options} onChange={(trigger, c) => set({ trigger }, c)} />;
    case "send_message":
      return <MessageForm data={data} options={options} set={set} />;
    case "wait_duration":
      return <Duration label="Wait for" value={data.duration} onChange={(duration, c) => set({ duration }, c)} />;
    case "wait_until":
      return (
        <div className="space-y-3">
          <Field label="Until (their time)">
            <Input type="time" value={data.time ?? ""} onChange={(e) => set({ time: e.target.value }, "time")} />
          </Field>
          <fieldset>
            <legend className="mb-1 text-sm font-medium text-zinc-700 dark:text-zinc-300">On (none: the next day it comes)</legend>
            <div className="flex flex-wrap gap-2">
              {WEEKDAYS.map((d, i) => {
                const days: number[] = data.weekdays ?? [];
                return (
                  <label key={d} className="flex items-center gap-1 text-sm">
                    <input type="checkbox" checked={days.includes(i)} onChange={(e) => set({ weekdays: e.target.checked ? [...days, i].sort() : days.filter((x) => x !== i) })} />
                    {d}
                  </label>
                );
              })}
            </div>
          </fieldset>
        </div>
      );
    case "wait_for_reply":
      return (
        <div className="space-y-3">
          <Duration label="Wait up to" value={data.timeout} onChange={(timeout, c) => set({ timeout }, c)} />
          <ReplyBranchesForm branches={(data.branches ?? []) as Branch[]} onChange={(branches, c) => set({ branches }, c)} />
          <FieldPicker label="Save the reply to" value={data.saveTo ?? null} options={options} allowNone="Don't save it" onChange={(saveTo) => set({ saveTo })} />
        </div>
      );
    case "condition":
      return (
        <div className="space-y-2">
          <p className="text-sm text-zinc-600 dark:text-zinc-400">Yes when the contact meets these rules at this step, else No.</p>
          <SegmentBuilder root={data.definition?.root as SegmentGroup} errors={new Map()} onChange={(root) => set({ definition: { ...data.definition, root } }, "rules")} />
        </div>
      );
    case "random_split": {
      const branches: { id: string; label: string; weight: number }[] = data.branches ?? [];
      const total = branches.reduce((s, b) => s + (Number.isFinite(b.weight) ? b.weight : 0), 0);
      const setBranch = (i: number, patch: object) => set({ branches: branches.map((b, j) => (j === i ? { ...b, ...patch } : b)) }, `split-${i}`);
      return (
        <fieldset className="space-y-2">
          <legend className="mb-1 text-sm font-medium text-zinc-700 dark:text-zinc-300">Shares (total {total}%)</legend>
          {branches.map((b, i) => (
            <div key={b.id} className="flex items-center gap-2">
              <Input aria-label={`Share ${i + 1} name`} value={b.label} onChange={(e) => setBranch(i, { label: e.target.value })} />
              <Input type="number" aria-label={`Share ${i + 1} percent`} className="w-20" value={Number.isFinite(b.weight) ? b.weight : ""} onChange={(e) => setBranch(i, { weight: e.target.valueAsNumber })} />
              <span className="text-sm">%</span>
            </div>
          ))}
          <div className="flex gap-2">
            <button type="button" className="text-sm text-brand-600 underline disabled:opacity-40" disabled={branches.length >= 10} onClick={() => set({ branches: [...branches, { id: `br_${crypto.randomUUID().slice(0, 8)}`, label: String.fromCharCode(65 + branches.length), weight: 0 }] })}>
              Add a share
            </button>
            <button type="button" className="text-sm text-brand-600 underline disabled:opacity-40" disabled={branches.length <= 2} onClick={() => set({ branches: branches.slice(0, -1) })}>
              Remove the last
            </button>
          </div>
        </fieldset>
      );
    }
    case "tag":
      return (
        <div className="space-y-3">
          <Field label="Action">
            <Select value={data.op} onChange={(e) => set({ op: e.target.value })}>
              <option value="add">Add the tag</option>
              <option value="remove">Remove the tag</option>
            </Select>
          </Field>
          <Field label="Tag">
            <Input value={data.tag ?? ""} onChange={(e) => set({ tag: e.target.value }, "tag")} placeholder="vip" />
          </Field>
        </div>
      );
    case "list":
      return (
        <div className="space-y-3">
          <Field label="Action">
            <Select value={data.op} onChange={(e) => set({ op: e.target.value })}>
              <option value="add">Add to the list</option>
              <option value="remove">Remove from the list</option>
            </Select>
          </Field>
          <ListSelect value={data.listId ?? ""} lists={options.lists} onChange={(listId) => set({ listId })} />
        </div>
      );
    case "update_field":
      return (
        <div className="space-y-3">
          <FieldPicker label="Field" value={data.field || null} options={options} onChange={(field) => set({ field: field ?? "" })} />
          <Field label="Value" hint="{{reply}} is their last reply (“what's your birthday?”).">
            <Textarea value={data.value ?? ""} onChange={(e) => set({ value: e.target.value }, "value")} rows={2} />
          </Field>
        </div>
      );
    case "subscription":
      return (
        <Field label="Action" hint="Opting out also ends every run of the contact, as a STOP does.">
          <Select value={data.op} onChange={(e) => set({ op: e.target.value })}>
            <option value="opt_in">Opt in</option>
            <option value="opt_out">Opt out</option>
          </Select>
        </Field>
      );
    case "conversation":
      return (
        <div className="space-y-3">
          <Field label="Inbox conversation">
            <Select value={data.op} onChange={(e) => set({ op: e.target.value, assigneeId: e.target.value === "close" ? null : data.assigneeId })}>
              <option value="open">Open it</option>
              <option value="close">Close it</option>
            </Select>
          </Field>
          {data.op === "open" && (
            <Field label="Assign to">
              <Select value={data.assigneeId ?? ""} onChange={(e) => set({ assigneeId: e.target.value || null })}>
                <option value="">Nobody in particular</option>
                {options.members.map((m) => (
                  <option key={m.id} value={m.id}>
                    {m.name}
                  </option>
                ))}
              </Select>
            </Field>
          )}
        </div>
      );
    case "webhook":
      return (
        <Field label="URL" hint="POSTed the contact and the run, signed like the org's webhooks; Success on a 2xx answer, else Failure.">
          <Input type="url" value={data.url ?? ""} onChange={(e) => set({ url: e.target.value }, "url")} placeholder="https://example.com/hooks/textstack" />
        </Field>
      );
    case "start_workflow":
      return (
        <Field label="Workflow" hint="The contact enters it too, by its own rules.">
          <Select value={data.workflowId ?? ""} onChange={(e) => set({ workflowId: e.target.value })}>
            <option value="">Choose a workflow…</option>
            {options.workflows.filter((w) => w.id !== selfId).map((w) => (
              <option key={w.id} value={w.id}>
                {w.name}
              </option>
            ))}
          </Select>
        </Field>
      );
    case "exit":
      return <p className="text-sm text-zinc-600 dark:text-zinc-400">The run ends here (“exit step”).</p>;
  }
}
