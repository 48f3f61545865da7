// The active workflows a domain event starts: their published version's trigger (kind and key,
// copied out of the graph at publishing: one indexed read). Keyword triggers are keyed by the
// rule; inbound-message ones are further narrowed by the org's numbers their trigger names; a
// link-clicked trigger without a campaign takes every click.
import type { OrgContext } from "@/lib/org-context";
import { workflowGraph } from "@/lib/workflows/graph-model";

export interface TriggerMatch {
  kind: string;
  key: string | null;
  /** The org number an inbound text came to (inbound_message triggers may name some). */
  senderId?: string;
  /** Only this workflow (segment entries and anniversaries found by its own check). */
  workflowId?: string;
}

export async function matchWorkflows(ctx: OrgContext, match: TriggerMatch): Promise<string[]> {
  const keys = match.kind === "link_clicked" && match.key !== null ? [{ triggerKey: match.key }, { triggerKey: null }] : [{ triggerKey: match.key }];
  const workflows = await ctx.db.workflow.findMany({
    where: {
      status: "ACTIVE",
      ...(match.workflowId ? { id: match.workflowId } : {}),
      publishedVersion: { triggerKind: match.kind, OR: keys },
    },
    select: { id: true, publishedVersion: { select: { graph: true } } },
    orderBy: { id: "asc" },
  });
  if (match.kind !== "inbound_message") return workflows.map((w) => w.id);
  return workflows
    .filter((w) => {
      const trigger = workflowGraph.parse(w.publishedVersion!.graph).nodes.find((n) => n.type === "trigger");
      if (trigger?.type !== "trigger" || trigger.data.trigger.kind !== "inbound_message") return false;
      const senders = trigger.data.trigger.senderIds;
      return senders.length === 0 || (match.senderId !== undefined && senders.includes(match.senderId));
    })
    .map((w) => w.id);
}
