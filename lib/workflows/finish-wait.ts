// The end of a wait (a sleep, a reply or its timeout), the step after it in the job: the run's row
// is read afresh, as anything may have happened while it waited. Ended: stop. Moved to another
// version by an explicit migration (migrate-runs.ts): go on in the new version's graph at the node
// the mapping gave; a wait of the same kind there ends as this one did (its own branches test the
// reply), another kind of node is run from its start. A reply: its branch by the node's tests
// (reply-tests.ts), saved to the field when asked; a STOP exits the run; no reply within the
// timeout looks for one that came before the wait was registered, else takes "timeout".
import type { OrgContext, ScopedTx } from "@/lib/org-context";
import { applyContactAction } from "@/lib/workflows/contact-actions";
import { nextNodeId, type WorkflowNode } from "@/lib/workflows/graph-model";
import { chooseReplyBranch } from "@/lib/workflows/reply-tests";
import type { NodeResult } from "@/lib/workflows/run-node";
import { finishRun } from "@/lib/workflows/finish-run";
import { leaveStep, lockRun, type LockedRun } from "@/lib/workflows/run-rows";
import { loadVersion, nodeById, type RunSnapshot } from "@/lib/workflows/run-state";

export interface ReceivedReply {
  messageId: string;
  keyword: "OPT_OUT" | "OPT_IN" | "HELP" | null;
}

export type WaitEnd = { kind: "slept" } | { kind: "reply"; reply: ReceivedReply | null; since: string };

export interface FinishedWait {
  result: NodeResult;
  /** The run's snapshot when a migration moved it to another version. */
  snapshot?: RunSnapshot;
  /** The reply's text, for {{reply}} in the nodes after. */
  reply?: string;
}

async function replyText(tx: ScopedTx, orgId: string, run: LockedRun, end: Extract<WaitEnd, { kind: "reply" }>) {
  if (end.reply) {
    const message = await tx.message.findUnique({ where: { id: end.reply.messageId }, select: { id: true, body: true } });
    return message ? { ...message, keyword: end.reply.keyword } : null;
  }
  // A reply that came between the run reaching the node and the wait's registration.
  const [early] = await tx.$queryRaw<{ id: string; body: string }[]>`
    SELECT id, body FROM "Message" WHERE "orgId" = ${orgId} AND "contactId" = ${run.contactId} AND direction = 'INBOUND'
      AND "createdAt" > ${new Date(end.since)}::timestamp ORDER BY "createdAt", id LIMIT 1`;
  return early ? { ...early, keyword: null } : null;
}

export async function finishWait(ctx: OrgContext, snapshot: RunSnapshot, nodeId: string, end: WaitEnd): Promise<FinishedWait> {
  return ctx.db.$transaction(async (tx) => {
    // Read under the run's lock: a migration (one UPDATE of the row) is either seen whole or waits.
    const run = await lockRun(tx, ctx.orgId, snapshot.runId);
    if (!run || run.status !== "ACTIVE") return { result: { kind: "stopped" } };
    let current = snapshot;
    if (run.versionId !== snapshot.versionId) {
      current = { ...snapshot, versionId: run.versionId, nodeId: run.nodeId, ...(await loadVersion(ctx, run.versionId)) };
    }
    const waitedAt = nodeById(snapshot.graph, nodeId);
    const here = nodeById(current.graph, current === snapshot ? nodeId : run.nodeId!);
    const migrated = current !== snapshot ? { snapshot: current } : {};
    if (here.type !== waitedAt.type) {
      // Migrated onto another kind of node: the old wait ends, the new node runs from its start.
      await leaveStep(tx, run.id, "migrated", { toVersionId: current.versionId, toNodeId: here.id });
      return { result: { kind: "moved", next: here.id }, ...migrated };
    }
    if (end.kind === "slept") {
      await leaveStep(tx, run.id, "next");
      const result = await moveOnFromWait(tx, ctx.orgId, run, current, here, "next");
      return { result, ...migrated };
    }
    const reply = await replyText(tx, ctx.orgId, run, end);
    if (!reply) {
      await leaveStep(tx, run.id, "timeout");
      return { result: await moveOnFromWait(tx, ctx.orgId, run, current, here, "timeout"), ...migrated };
    }
    if (reply.keyword === "OPT_OUT") {
      await leaveStep(tx, run.id, "opted out", { reply: reply.body, messageId: reply.id });
      await finishRun(tx, ctx.orgId, run.id, "EXITED", "opted out");
      return { result: { kind: "stopped" } };
    }
    const node = here as Extract<WorkflowNode, { type: "wait_for_reply" }>;
    const handle = chooseReplyBranch(node.data.branches, reply.body);
    const detail: Record<string, unknown> = { reply: reply.body, messageId: reply.id };
    if (node.data.saveTo) {
      const saved = await applyContactAction(ctx, tx, { id: node.id, type: "update_field", position: node.position, data: { field: node.data.saveTo, value: reply.body } }, run.contactId, (v) => v);
      if (saved.skipped) detail.saveSkipped = saved.skipped;
    }
    await leaveStep(tx, run.id, handle, detail);
    return { result: await moveOnFromWait(tx, ctx.orgId, run, current, here, handle), reply: reply.body, ...migrated };
  });
}

/** The wait's row is already left: the run moves to the node after `handle` (or ends there). */
async function moveOnFromWait(tx: ScopedTx, orgId: string, run: LockedRun, snapshot: RunSnapshot, node: WorkflowNode, handle: string): Promise<NodeResult> {
  const next = nextNodeId(snapshot.graph, node.id, handle);
  await tx.workflowRun.update({ where: { id: run.id }, data: { nodeId: next ?? node.id, waiting: null, waitingUntil: null } });
  if (next === null) await finishRun(tx, orgId, run.id, "COMPLETED", "completed");
  return { kind: "moved", next };
}
