// The rows that mirror a run's progress, written in the node's transaction under the run's row
// lock: a step row per node entered (left at once, or when its wait ends), where the run is and
// what it waits for.
import { Prisma } from "@/lib/generated/prisma/client";
import { newId } from "@/lib/ids";
import type { ScopedTx } from "@/lib/org-context";

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
