"use client";
// What enrolled a run, in words: the trigger's kind, and its data with the org's ids named (the
// text that started it and its message, the keyword rule, the number, the lists and segments of a
// manual enrolment); other data (an API event's) as key: value.
import Link from "next/link";
import type { EditorOptions } from "@/lib/workflows/editor-options";
import type { TriggerKind } from "@/lib/workflows/graph-model";
import { TRIGGER_LABELS } from "@/lib/workflows/labels";

const NAMED = new Set(["body", "messageId", "keywordRuleId", "senderId", "listIds", "segmentIds", "by"]);
const names = (ids: unknown, of: { id: string; name: string }[] | undefined) =>
  (Array.isArray(ids) ? ids : []).map((id) => of?.find((x) => x.id === id)?.name ?? String(id)).join(", ");

export function RunTrigger({ trigger, options }: { trigger: unknown; options: EditorOptions | undefined }) {
  const { kind, data = {} } = (trigger ?? {}) as { kind?: TriggerKind; data?: Record<string, unknown> };
  const rule = options?.keywordRules.find((r) => r.id === data.keywordRuleId);
  const sender = options?.senders.find((s) => s.id === data.senderId);
  const rest = Object.entries(data).filter(([k, v]) => !NAMED.has(k) && v !== null && v !== undefined);
  const parts = [
    typeof data.body === "string" && (
      <span key="body">
        text “{data.body}”
        {typeof data.messageId === "string" && (
          <Link href={`/messages/${data.messageId}`} className="ml-1 text-brand-600 hover:underline dark:text-brand-100">
            Open message
          </Link>
        )}
      </span>
    ),
    rule && <span key="rule">rule “{rule.name}”</span>,
    sender && <span key="sender">to {sender.address}</span>,
    names(data.listIds, options?.lists) && <span key="lists">lists {names(data.listIds, options?.lists)}</span>,
    names(data.segmentIds, options?.segments) && <span key="segments">segments {names(data.segmentIds, options?.segments)}</span>,
    typeof data.by === "string" && <span key="by">by {data.by}</span>,
    ...rest.map(([k, v]) => (
      <span key={k} className="font-mono text-xs">
        {k}: {typeof v === "string" ? v : JSON.stringify(v)}
      </span>
    )),
  ].filter(Boolean);
  return (
    <>
      {kind ? TRIGGER_LABELS[kind] : "—"}
      {parts.length > 0 && (
        <span className="ml-2 text-zinc-600 dark:text-zinc-400" data-testid="trigger-data">
          {parts.map((p, i) => (
            <span key={i}>
              {i > 0 && " · "}
              {p}
            </span>
          ))}
        </span>
      )}
    </>
  );
}
