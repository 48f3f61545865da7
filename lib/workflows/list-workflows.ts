// The org's workflows for the list page: status, published version, unpublished changes, and what
// starts each (the published version's trigger, else the draft's), named as people know it.
import type { z } from "zod";
import type { OrgContext } from "@/lib/org-context";
import { workflowDraftGraph, type TriggerKind } from "@/lib/workflows/graph-model";
import { TRIGGER_LABELS } from "@/lib/workflows/labels";
import { listWorkflowsInput } from "@/lib/workflows/workflow-input";


export async function listWorkflows(ctx: OrgContext, raw: z.input<typeof listWorkflowsInput>) {
  const { status } = listWorkflowsInput.parse(raw);
  const rows = await ctx.db.workflow.findMany({
    where: status ? { status } : {},
    orderBy: { updatedAt: "desc" },
    select: { id: true, name: true, status: true, draft: true, draftChanged: true, updatedAt: true, createdAt: true, publishedVersion: { select: { version: true, graph: true } } },
  });
  const triggers = rows.map((r) => {
    const graph = workflowDraftGraph.safeParse(r.publishedVersion?.graph ?? r.draft);
    const data = graph.success ? graph.data.nodes.find((n) => n.type === "trigger")?.data : undefined;
    return (data?.trigger ?? null) as { kind: TriggerKind; [key: string]: unknown } | null;
  });
  const ids = (kind: TriggerKind, key: string) => triggers.flatMap((t) => (t?.kind === kind && typeof t[key] === "string" ? [t[key]] : []));
  const [rules, lists, segments] = await Promise.all([
    ctx.db.keywordRule.findMany({ where: { id: { in: ids("keyword", "keywordRuleId") } }, select: { id: true, keywords: true } }),
    ctx.db.contactList.findMany({ where: { id: { in: ids("list_added", "listId") } }, select: { id: true, name: true } }),
    ctx.db.segment.findMany({ where: { id: { in: ids("segment_entered", "segmentId") } }, select: { id: true, name: true } }),
  ]);
  const detail = (t: NonNullable<(typeof triggers)[number]>): string | null => {
    switch (t.kind) {
      case "keyword":
        return rules.find((r) => r.id === t.keywordRuleId)?.keywords.join(", ") ?? null;
      case "list_added":
        return lists.find((l) => l.id === t.listId)?.name ?? null;
      case "segment_entered":
        return segments.find((s) => s.id === t.segmentId)?.name ?? null;
      case "tag_added":
      case "api_event":
      case "date_anniversary":
        return String(t.tag ?? t.name ?? t.field ?? "") || null;
      case "subscription_changed":
        return t.to === "opted_out" ? "opted out" : "opted in";
      default:
        return null;
    }
  };
  return rows.map((r, i) => {
    const t = triggers[i];
    const label = t ? TRIGGER_LABELS[t.kind] : null;
    const more = t ? detail(t) : null;
    return {
      id: r.id,
      name: r.name,
      status: r.status,
      version: r.publishedVersion?.version ?? null,
      draftChanged: r.draftChanged && r.publishedVersion !== null,
      trigger: label ? (more ? `${label}: ${more}` : label) : null,
      nodes: Array.isArray((r.draft as { nodes?: unknown[] }).nodes) ? (r.draft as { nodes: unknown[] }).nodes.length : 0,
      updatedAt: r.updatedAt,
      createdAt: r.createdAt,
    };
  });
}
