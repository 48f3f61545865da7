// What the editor offers in its pickers and what validation checks ids against: the org's keyword
// rules, lists, segments, numbers, other workflows, custom fields and members, with their names.
// One read for the canvas; publishing reads the same facts (workflowFacts).
import type { OrgContext } from "@/lib/org-context";
import type { WorkflowFacts } from "@/lib/workflows/validate-graph";

export async function editorOptions(ctx: OrgContext) {
  const [keywordRules, lists, segments, senders, workflows, customFields, members] = await Promise.all([
    ctx.db.keywordRule.findMany({ select: { id: true, name: true, keywords: true, enabled: true }, orderBy: { name: "asc" } }),
    ctx.db.contactList.findMany({ select: { id: true, name: true }, orderBy: { name: "asc" } }),
    ctx.db.segment.findMany({ select: { id: true, name: true }, orderBy: { name: "asc" } }),
    ctx.db.senderNumber.findMany({ select: { id: true, address: true, label: true }, orderBy: { address: "asc" } }),
    ctx.db.workflow.findMany({ select: { id: true, name: true, status: true }, orderBy: { name: "asc" } }),
    ctx.db.customFieldDefinition.findMany({ select: { key: true, label: true, type: true }, orderBy: { key: "asc" } }),
    ctx.db.membership.findMany({ select: { userId: true, user: { select: { name: true, email: true } } }, orderBy: { createdAt: "asc" } }),
  ]);
  return {
    keywordRules,
    lists,
    segments,
    senders,
    workflows,
    customFields,
    members: members.map((m) => ({ id: m.userId, name: m.user.name || m.user.email })),
  };
}

export type EditorOptions = Awaited<ReturnType<typeof editorOptions>>;

/** The ids validation checks a draft against, from the options the editor already holds. */
export const factsOf = (o: EditorOptions): WorkflowFacts => ({
  keywordRuleIds: o.keywordRules.map((r) => r.id),
  listIds: o.lists.map((l) => l.id),
  segmentIds: o.segments.map((s) => s.id),
  senderIds: o.senders.map((s) => s.id),
  workflowIds: o.workflows.map((w) => w.id),
  customFields: o.customFields,
  memberIds: o.members.map((m) => m.id),
});
