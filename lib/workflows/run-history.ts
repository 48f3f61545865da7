// The run history org users read (not the installation's Jobs page): a workflow's runs in keyset
// pages (by status, by the step they are at), one run with the nodes it passed in order (what was sent and received, why it ended), a
// contact's runs.
import { z } from "zod";
import { notFound } from "@/lib/errors";
import type { OrgContext } from "@/lib/org-context";

export const RUN_STATUSES = ["ACTIVE", "COMPLETED", "EXITED", "CANCELED", "FAILED"] as const;

export const listRunsInput = z.strictObject({
  workflowId: z.string().min(1),
  status: z.enum(RUN_STATUSES).optional(),
  /** Runs at a step of a version: waiting there now, or ended there (the canvas's Wait, Done and Exit). */
  at: z.strictObject({ versionId: z.string().min(1), nodeId: z.string().min(1) }).optional(),
  /** Test runs are listed apart (the builder's test panel). */
  test: z.boolean().default(false),
  cursor: z.string().min(1).nullish(),
  limit: z.number().int().min(1).max(100).default(50),
});
export const runIdInput = z.strictObject({ runId: z.string().min(1) });
export const contactRunsInput = z.strictObject({ contactId: z.string().min(1), limit: z.number().int().min(1).max(100).default(50) });

const contactSelect = { select: { id: true, phone: true, firstName: true, lastName: true } } as const;

export async function listRuns(ctx: OrgContext, raw: z.input<typeof listRunsInput>) {
  const input = listRunsInput.parse(raw);
  if (!(await ctx.db.workflow.findUnique({ where: { id: input.workflowId }, select: { id: true } }))) throw notFound("Workflow", "workflowId");
  // Ids are time-ordered (lib/ids.ts): newest first is id order, and the cursor is the last id.
  const rows = await ctx.db.workflowRun.findMany({
    where: {
      workflowId: input.workflowId,
      test: input.test,
      ...(input.status ? { status: input.status } : {}),
      ...(input.at ? { versionId: input.at.versionId, nodeId: input.at.nodeId } : {}),
      ...(input.cursor ? { id: { lt: input.cursor } } : {}),
    },
    orderBy: { id: "desc" },
    take: input.limit + 1,
    include: { contact: contactSelect, version: { select: { version: true } } },
  });
  const items = rows.slice(0, input.limit);
  return { items, nextCursor: rows.length > input.limit ? items[items.length - 1]!.id : null };
}

export async function getRun(ctx: OrgContext, raw: z.input<typeof runIdInput>) {
  const { runId } = runIdInput.parse(raw);
  const run = await ctx.db.workflowRun.findUnique({
    where: { id: runId },
    include: {
      contact: contactSelect,
      version: { select: { id: true, version: true, graph: true } },
      workflow: { select: { id: true, name: true, status: true } },
      steps: { orderBy: [{ enteredAt: "asc" }, { id: "asc" }] },
    },
  });
  if (!run) throw notFound("Run", "runId");
  // The texts its steps sent and received, for the history's bubbles.
  const messageIds = run.steps.flatMap((s) => {
    const id = (s.detail as { messageId?: unknown } | null)?.messageId;
    return typeof id === "string" ? [id] : [];
  });
  const messages = messageIds.length
    ? await ctx.db.message.findMany({ where: { id: { in: messageIds } }, select: { id: true, direction: true, body: true, status: true, createdAt: true, errorMessage: true } })
    : [];
  return { ...run, messages };
}

export async function contactRuns(ctx: OrgContext, raw: z.input<typeof contactRunsInput>) {
  const { contactId, limit } = contactRunsInput.parse(raw);
  if (!(await ctx.db.contact.findUnique({ where: { id: contactId }, select: { id: true } }))) throw notFound("Contact", "contactId");
  return ctx.db.workflowRun.findMany({
    where: { contactId },
    orderBy: { id: "desc" },
    take: limit,
    include: { workflow: { select: { id: true, name: true } }, version: { select: { version: true } } },
  });
}
