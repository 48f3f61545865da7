"use client";
// The trigger's form: what starts the workflow, and its choice from the org (a keyword rule, a
// list, a segment, a date field...). Changing the kind starts that kind's choice empty.
import { useQuery } from "@tanstack/react-query";
import Link from "next/link";
import { Field } from "@/components/ui/field";
import { ListSelect } from "@/components/workflows/list-select";
import { Input, Select } from "@/components/ui/input";
import type { EditorOptions } from "@/lib/workflows/editor-options";
import { TRIGGER_KINDS, type TriggerKind } from "@/lib/workflows/graph-model";
import { TRIGGER_LABELS } from "@/lib/workflows/labels";
import { useTRPC } from "@/lib/trpc/react";

type Trigger = { kind: TriggerKind; [key: string]: unknown };

const FRESH: Record<TriggerKind, Trigger> = {
  keyword: { kind: "keyword", keywordRuleId: "" },
  inbound_message: { kind: "inbound_message", senderIds: [] },
  contact_created: { kind: "contact_created" },
  list_added: { kind: "list_added", listId: "" },
  tag_added: { kind: "tag_added", tag: "" },
  segment_entered: { kind: "segment_entered", segmentId: "" },
  subscription_changed: { kind: "subscription_changed", to: "opted_in" },
  date_anniversary: { kind: "date_anniversary", field: "", time: "10:00" },
  link_clicked: { kind: "link_clicked", campaignId: null },
  api_event: { kind: "api_event", name: "" },
  manual: { kind: "manual" },
};

export function TriggerForm({ trigger, options, onChange }: { trigger: Trigger; options: EditorOptions; onChange: (t: Trigger, coalesce?: string) => void }) {
  const trpc = useTRPC();
  const campaigns = useQuery({ ...trpc.campaigns.list.queryOptions({ limit: 100 }), enabled: trigger.kind === "link_clicked" });
  const set = (patch: Record<string, unknown>, coalesce?: string) => onChange({ ...trigger, ...patch }, coalesce);
  const str = (key: string) => (typeof trigger[key] === "string" ? (trigger[key] as string) : "");
  return (
    <div className="space-y-3">
      <Field label="Starts when">
        <Select value={trigger.kind} onChange={(e) => onChange(FRESH[e.target.value as TriggerKind])}>
          {TRIGGER_KINDS.map((k) => (
            <option key={k} value={k}>
              {TRIGGER_LABELS[k]}
            </option>
          ))}
        </Select>
      </Field>
      {trigger.kind === "keyword" && (
        <Field
          label="Keyword rule"
          hint={
            <>
              The rule&apos;s own actions (reply, tags, lists) run too.{" "}
              <Link href="/settings/keywords" className="underline">
                Keyword rules
              </Link>
            </>
          }
        >
          <Select value={str("keywordRuleId")} onChange={(e) => set({ keywordRuleId: e.target.value })}>
            <option value="">Choose a keyword rule…</option>
            {options.keywordRules.map((r) => (
              <option key={r.id} value={r.id}>
                {r.keywords.join(", ")} ({r.name}){r.enabled ? "" : " — disabled"}
              </option>
            ))}
          </Select>
        </Field>
      )}
      {trigger.kind === "inbound_message" && (
        <fieldset>
          <legend className="mb-1 text-sm font-medium text-zinc-700 dark:text-zinc-300">To these numbers (none: any)</legend>
          {options.senders.map((s) => {
            const ids = (trigger.senderIds as string[] | undefined) ?? [];
            return (
              <label key={s.id} className="flex items-center gap-2 text-sm">
                <input type="checkbox" checked={ids.includes(s.id)} onChange={(e) => set({ senderIds: e.target.checked ? [...ids, s.id] : ids.filter((x) => x !== s.id) })} />
                {s.label ? `${s.label} (${s.address})` : s.address}
              </label>
            );
          })}
        </fieldset>
      )}
      {trigger.kind === "list_added" && (
        <ListSelect value={str("listId")} lists={options.lists} onChange={(listId) => set({ listId })} />
      )}
      {trigger.kind === "tag_added" && (
        <Field label="Tag">
          <Input value={str("tag")} onChange={(e) => set({ tag: e.target.value }, "tag")} placeholder="vip" />
        </Field>
      )}
      {trigger.kind === "segment_entered" && (
        <Field label="Segment" hint="Contacts who newly match it enter.">
          <Select value={str("segmentId")} onChange={(e) => set({ segmentId: e.target.value })}>
            <option value="">Choose a segment…</option>
            {options.segments.map((s) => (
              <option key={s.id} value={s.id}>
                {s.name}
              </option>
            ))}
          </Select>
        </Field>
      )}
      {trigger.kind === "subscription_changed" && (
        <Field label="When they">
          <Select value={str("to")} onChange={(e) => set({ to: e.target.value })}>
            <option value="opted_in">Opt in</option>
            <option value="opted_out">Opt out</option>
          </Select>
        </Field>
      )}
      {trigger.kind === "date_anniversary" && (
        <>
          <Field label="Date field" hint={options.customFields.some((f) => f.type === "DATE") ? "Each year on its day." : "Add a date custom field under Settings first."}>
            <Select value={str("field")} onChange={(e) => set({ field: e.target.value })}>
              <option value="">Choose a date field…</option>
              {options.customFields
                .filter((f) => f.type === "DATE")
                .map((f) => (
                  <option key={f.key} value={f.key}>
                    {f.label}
                  </option>
                ))}
            </Select>
          </Field>
          <Field label="At (their time)">
            <Input type="time" value={str("time")} onChange={(e) => set({ time: e.target.value }, "time")} />
          </Field>
        </>
      )}
      {trigger.kind === "link_clicked" && (
        <Field label="Links of" hint="People's clicks only; bots are left out.">
          <Select value={str("campaignId")} onChange={(e) => set({ campaignId: e.target.value || null })}>
            <option value="">Any campaign or message</option>
            {(campaigns.data?.items ?? []).map((c) => (
              <option key={c.id} value={c.id}>
                {c.name}
              </option>
            ))}
          </Select>
        </Field>
      )}
      {trigger.kind === "api_event" && (
        <Field label="Event name" hint="POST /api/v1/events with this name, a contact and data ({{trigger.<key>}} in texts).">
          <Input value={str("name")} onChange={(e) => set({ name: e.target.value }, "name")} placeholder="order.shipped" />
        </Field>
      )}
      {trigger.kind === "manual" && <p className="text-sm text-zinc-500">Contacts enter only when a list or segment is enrolled by hand.</p>}
      {trigger.kind === "contact_created" && <p className="text-sm text-zinc-500">Every new contact, however it was made (a form, the API, an import, a first text).</p>}
    </div>
  );
}
