// A test run: one chosen contact, or a number (a virtual phone's: made a contact if it is new, as its
// first text would make it), through the published version, waits fast-forwarded (run-node.ts: a
// second for a sleep, a minute for a reply, so the phone can answer), whatever the re-entry rule
// and entry segment say; the run history shows each decision. Its sends are real texts to that
// contact. Not counted on the canvas, no run webhook.
import { z } from "zod";
import { recordAudit } from "@/lib/audit/record-audit";
import { upsertContactInput } from "@/lib/contacts/contact-input";
import { upsertContact } from "@/lib/contacts/upsert-contact";
import { DomainError, notFound } from "@/lib/errors";
import type { OrgContext } from "@/lib/org-context";
import { enrollContacts } from "@/lib/workflows/enroll";

export const testRunInput = z.union([
  z.strictObject({ workflowId: z.string().min(1), contactId: z.string().min(1) }),
  z.strictObject({ workflowId: z.string().min(1), phone: upsertContactInput.shape.phone }),
]);

export async function startTestRun(ctx: OrgContext, raw: z.input<typeof testRunInput>) {
  const input = testRunInput.parse(raw);
  const workflow = await ctx.db.workflow.findUnique({ where: { id: input.workflowId }, select: { id: true, name: true, publishedVersionId: true } });
  if (!workflow) throw notFound("Workflow", "workflowId");
  // Drafts are not runnable: a test walks what is published.
  if (!workflow.publishedVersionId) throw new DomainError("BAD_REQUEST", `Publish ${workflow.name} before testing it`, "workflowId");
  let contactId: string;
  if ("phone" in input) {
    contactId = (await upsertContact(ctx, { phone: input.phone })).contact.id;
  } else {
    const contact = await ctx.db.contact.findUnique({ where: { id: input.contactId }, select: { id: true } });
    if (!contact) throw notFound("Contact", "contactId");
    contactId = contact.id;
  }
  const { runIds } = await enrollContacts(ctx, { workflowId: workflow.id, contacts: { ids: [contactId] }, trigger: { kind: "test", data: { by: ctx.actor.label } }, test: true });
  const runId = runIds[0];
  if (!runId) throw new DomainError("CONFLICT", "The test run could not start", "workflowId");
  await recordAudit(ctx, ctx.db, { action: "workflow.test_run_started", targetType: "workflow", targetId: workflow.id, changes: { runId, contactId } });
  return { runId, contactId };
}
