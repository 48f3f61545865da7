// A run's end, in the caller's transaction (the run's row locked): its status, when and why, its
// waiting step row left, and the `workflow.run.completed` webhook's outbox rows (not for test runs).
import type { ScopedTx } from "@/lib/org-context";
import { enqueueWebhookEvents } from "@/lib/webhooks/enqueue-webhook-events";

export type EndStatus = "COMPLETED" | "EXITED" | "CANCELED" | "FAILED";

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
