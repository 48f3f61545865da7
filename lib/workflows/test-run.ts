// A test run: one chosen contact (a virtual phone's, for instance) through the published version,
// waits fast-forwarded (run-node.ts: a second for a sleep, a minute for a reply, so the phone can
// answer), whatever the re-entry rule and entry segment say; the run history shows each decision.
// Its sends are real texts to that contact. Not counted on the canvas, no run webhook.
import { recordAudit } from "@/lib/audit/record-audit";
import { DomainError, notFound } from "@/lib/errors";
import type { OrgContext } from "@/lib/org-context";
import { enrollContacts } from "@/lib/workflows/enroll";

export async function startTestRun(ctx: OrgContext, workflowId: string, contactId: string, { draft = false }: { draft?: boolean } = {}) {
  // Drafts are not runnable: a test walks what is published (the builder publishes first).
  if (draft) throw new DomainError("BAD_REQUEST", "Test runs walk the published version: publish the draft first", "draft");
  const workflow = await ctx.db.workflow.findUnique({ where: { id: workflowId }, select: { id: true, name: true, publishedVersionId: true } });
  if (!workflow) throw notFound("Workflow", "workflowId");
  if (!workflow.publishedVersionId) throw new DomainError("BAD_REQUEST", `Publish ${workflow.name} before testing it`, "workflowId");
  const contact = await ctx.db.contact.findUnique({ where: { id: contactId }, select: { id: true } });
  if (!contact) throw notFound("Contact", "contactId");
  const { runIds } = await enrollContacts(ctx, { workflowId, contacts: { ids: [contactId] }, trigger: { kind: "test", data: { by: ctx.actor.label } }, test: true });
  const runId = runIds[0];
  if (!runId) throw new DomainError("CONFLICT", "The test run could not start", "workflowId");
  await recordAudit(ctx, ctx.db, { action: "workflow.test_run_started", targetType: "workflow", targetId: workflowId, changes: { runId, contactId } });
  return { runId };
}
