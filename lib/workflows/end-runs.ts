// Runs ended from outside the interpreter: a STOP exits every active run of the contact (the issue:
// "a STOP always exits every run"), a member cancels one. Each ends in one transaction (its row
// locked: a node in progress finishes first, or sees the run ended), with its webhook, and after
// commit `workflows/run.ended` cancels its Inngest run where it waits.
import { recordAudit } from "@/lib/audit/record-audit";
import { emitEvents } from "@/lib/events/emit";
import { workflowRunEnded } from "@/lib/events/workflows";
import { DomainError, notFound } from "@/lib/errors";
import type { OrgContext } from "@/lib/org-context";
import { finishRun, type EndStatus } from "@/lib/workflows/finish-run";
import { lockRun } from "@/lib/workflows/run-rows";

const EMIT_CHUNK = 500;

async function announceEnded(orgId: string, runIds: string[]) {
  for (let i = 0; i < runIds.length; i += EMIT_CHUNK) {
    await emitEvents(runIds.slice(i, i + EMIT_CHUNK).map((runId) => workflowRunEnded.create({ orgId, runId })));
  }
}

async function endRuns(ctx: OrgContext, runIds: string[], status: EndStatus, reason: string): Promise<string[]> {
  const ended: string[] = [];
  for (const runId of runIds) {
    const done = await ctx.db.$transaction(async (tx) => {
      const run = await lockRun(tx, ctx.orgId, runId);
      return run?.status === "ACTIVE" ? finishRun(tx, ctx.orgId, runId, status, reason) : false;
    });
    if (done) ended.push(runId);
  }
  await announceEnded(ctx.orgId, ended);
  return ended;
}

/** Every active run of these contacts, EXITED with `reason` ("opted out"); answers the runs ended. */
export async function exitRunsOfContacts(ctx: OrgContext, contactIds: string[], reason: string): Promise<string[]> {
  if (contactIds.length === 0) return [];
  const runs = await ctx.db.workflowRun.findMany({ where: { contactId: { in: contactIds }, status: "ACTIVE" }, select: { id: true } });
  return endRuns(ctx, runs.map((r) => r.id), "EXITED", reason);
}

/** A member's cancel of one run: CANCELED, audited. */
export async function cancelRun(ctx: OrgContext, runId: string) {
  const run = await ctx.db.workflowRun.findUnique({ where: { id: runId }, select: { id: true, status: true, workflowId: true, contactId: true } });
  if (!run) throw notFound("Run", "runId");
  if (run.status !== "ACTIVE") throw new DomainError("CONFLICT", `The run has already ended (${run.status.toLowerCase()})`, "runId");
  const [ended] = await endRuns(ctx, [runId], "CANCELED", `canceled by ${ctx.actor.label}`);
  if (!ended) throw new DomainError("CONFLICT", "The run ended before it could be canceled", "runId");
  await recordAudit(ctx, ctx.db, { action: "workflow.run_canceled", targetType: "workflow", targetId: run.workflowId, changes: { runId, contactId: run.contactId } });
  return ctx.db.workflowRun.findUniqueOrThrow({ where: { id: runId } });
}
