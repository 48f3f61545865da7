// A run as the interpreter sees it (its version's graph and settings, its trigger) and the writes
// that mirror its progress on its row: a step row per node entered, where it is and what it waits
// for, and its end with the `workflow.run.completed` webhook in the ending transaction.
import { Prisma } from "@/lib/generated/prisma/client";
import { newId } from "@/lib/ids";
import type { OrgContext, ScopedTx } from "@/lib/org-context";
import { enqueueWebhookEvents } from "@/lib/webhooks/enqueue-webhook-events";
import { workflowGraph, workflowSettings, type WorkflowGraph, type WorkflowNode, type WorkflowSettings } from "@/lib/workflows/graph-model";

export type EndStatus = "COMPLETED" | "EXITED" | "CANCELED" | "FAILED";

export interface RunTrigger {
  kind: string;
  data: Record<string, unknown>;
}

/** What a run's Inngest function carries between its steps (a step's output: plain JSON). */
export interface RunSnapshot {
  runId: string;
  workflowId: string;
  versionId: string;
  contactId: string;
  test: boolean;
  graph: WorkflowGraph;
  settings: WorkflowSettings;
  trigger: RunTrigger;
  /** Where the run is: the node it waits at, or the trigger node before its first step. */
  nodeId: string | null;
}

export async function loadVersion(ctx: OrgContext, versionId: string): Promise<{ graph: WorkflowGraph; settings: WorkflowSettings }> {
  const version = await ctx.db.workflowVersion.findUniqueOrThrow({ where: { id: versionId }, select: { graph: true, settings: true } });
  return { graph: workflowGraph.parse(version.graph), settings: workflowSettings.parse(version.settings) };
}

/** The run if it is still active, else null (canceled, exited by a STOP, ended). */
export async function loadRun(ctx: OrgContext, runId: string): Promise<RunSnapshot | null> {
  const run = await ctx.db.workflowRun.findUnique({ where: { id: runId } });
  if (!run || run.status !== "ACTIVE") return null;
  const { graph, settings } = await loadVersion(ctx, run.versionId);
  return {
    runId: run.id,
    workflowId: run.workflowId,
    versionId: run.versionId,
    contactId: run.contactId,
    test: run.test,
    graph,
    settings,
    trigger: run.trigger as unknown as RunTrigger,
    nodeId: run.nodeId,
  };
}

export function nodeById(graph: WorkflowGraph, nodeId: string): WorkflowNode {
  const node = graph.nodes.find((n) => n.id === nodeId);
  if (!node) throw new Error(`The workflow's graph has no node ${nodeId}`);
  return node;
}

export interface LockedRun {
  id: string;
  workflowId: string;
  versionId: string;
  contactId: string;
  status: string;
  nodeId: string | null;
  stepCount: number;
  test: boolean;
  workflowStatus: string;
}

/** The run's row locked for this transaction (a cancel or a STOP waits for the node, or the node sees it), with its workflow's status. */
export async function lockRun(tx: ScopedTx, orgId: string, runId: string): Promise<LockedRun | null> {
  const [row] = await tx.$queryRaw<LockedRun[]>`
    SELECT r.id, r."workflowId", r."versionId", r."contactId", r.status::text AS status, r."nodeId", r."stepCount", r.test,
      w.status::text AS "workflowStatus"
    FROM "WorkflowRun" r JOIN "Workflow" w ON w.id = r."workflowId" AND w."orgId" = ${orgId}
    WHERE r.id = ${runId} AND r."orgId" = ${orgId}
    FOR UPDATE OF r`;
  return row ?? null;
}

export interface StepRecord {
  nodeId: string;
  nodeType: string;
  /** The output taken; null while the node is waiting. */
  outcome: string | null;
  detail?: Record<string, unknown>;
}

/**
 * A node entered: its step row (left at once unless it waits), the run's step count, and where the
 * run is now. Returns the step's entry time (the database's clock).
 */
export async function recordStep(
  tx: ScopedTx,
  orgId: string,
  run: Pick<LockedRun, "id" | "workflowId" | "versionId">,
  step: StepRecord,
  at: { nodeId: string | null; waiting?: string | null; waitingUntil?: Date | null },
): Promise<Date> {
  const [{ now }] = await tx.$queryRaw<[{ now: Date }]>`SELECT clock_timestamp() AT TIME ZONE 'UTC' AS now, ${orgId}::text AS org`;
  await tx.workflowRunStep.create({
    data: {
      id: newId("workflowRunStep"),
      orgId,
      runId: run.id,
      workflowId: run.workflowId,
      versionId: run.versionId,
      nodeId: step.nodeId,
      nodeType: step.nodeType,
      enteredAt: now,
      leftAt: step.outcome === null ? null : now,
      outcome: step.outcome,
      detail: step.detail === undefined ? Prisma.JsonNull : (step.detail as Prisma.InputJsonValue),
    },
  });
  await tx.workflowRun.update({
    where: { id: run.id },
    data: { nodeId: at.nodeId, waiting: at.waiting ?? null, waitingUntil: at.waitingUntil ?? null, stepCount: { increment: 1 } },
  });
  return now;
}

/** The waiting node's step row left by `outcome` (the reply, the end of the sleep). */
export async function leaveStep(tx: ScopedTx, runId: string, outcome: string, detail?: Record<string, unknown>): Promise<void> {
  const open = await tx.workflowRunStep.findFirst({ where: { runId, leftAt: null }, orderBy: { enteredAt: "desc" }, select: { id: true, detail: true } });
  if (!open) return;
  const merged = { ...((open.detail as Record<string, unknown> | null) ?? {}), ...(detail ?? {}) };
  await tx.workflowRunStep.update({
    where: { id: open.id },
    data: { leftAt: new Date(), outcome, detail: Object.keys(merged).length ? (merged as Prisma.InputJsonValue) : Prisma.JsonNull },
  });
}

/** Ends the run in `tx` (its row locked by the caller) and writes its webhook; no-op for a run already ended. */
export async function finishRun(tx: ScopedTx, orgId: string, runId: string, status: EndStatus, reason: string): Promise<boolean> {
  const [ended] = await tx.$queryRaw<{ id: string; workflowId: string; versionId: string; contactId: string; nodeId: string | null; test: boolean; startedAt: Date; endedAt: Date }[]>`
    UPDATE "WorkflowRun" SET status = ${status}::"WorkflowRunStatus", "endedAt" = now() AT TIME ZONE 'UTC', "endReason" = ${reason.slice(0, 500)},
      waiting = NULL, "waitingUntil" = NULL
    WHERE id = ${runId} AND "orgId" = ${orgId} AND status = 'ACTIVE'
    RETURNING id, "workflowId", "versionId", "contactId", "nodeId", test, "startedAt", "endedAt"`;
  if (!ended) return false;
  // A waiting node's row is left as the run ends there.
  await tx.$executeRaw`UPDATE "WorkflowRunStep" SET "leftAt" = now() AT TIME ZONE 'UTC', outcome = COALESCE(outcome, 'ended')
    WHERE "runId" = ${runId} AND "orgId" = ${orgId} AND "leftAt" IS NULL`;
  if (!ended.test) {
    await enqueueWebhookEvents(tx, [
      {
        orgId,
        type: "workflow.run.completed",
        subjectId: ended.id,
        occurredAt: ended.endedAt,
        data: {
          id: ended.id,
          workflow_id: ended.workflowId,
          version_id: ended.versionId,
          contact_id: ended.contactId,
          status: status.toLowerCase(),
          end_reason: reason,
          last_node_id: ended.nodeId,
          started_at: ended.startedAt.toISOString(),
          ended_at: ended.endedAt.toISOString(),
        },
      },
    ]);
  }
  return true;
}
