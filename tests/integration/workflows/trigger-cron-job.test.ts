// The segment check as the app runs it: its cron on the real executor fires the function, whose
// announcement reaches the executor after commit as a workflows/trigger.fired event that a function
// waiting for it receives (the runtime's enrolment job, here a probe that returns what it got).
import { describe, expect, it } from "vitest";
import { setupAppHarness } from "../jobs/harness";

const h = await setupAppHarness();
// Imported only now: the app's Inngest client and db read the environment when they are made.
const { checkSegmentTriggersJob } = await import("@/lib/jobs/check-segment-triggers");
const { createOrgWithOwner, orgContextFor } = await import("../helpers/factories");
const { createContact } = await import("@/lib/contacts/create-contact");
const { tagContacts } = await import("@/lib/contacts/tag-contacts");
const { createSegment } = await import("@/lib/segments/manage-segments");
const { newId } = await import("@/lib/ids");

const probe = h.client.createFunction({ id: "probe", triggers: [{ event: "workflows/trigger.fired", if: "event.data.kind == 'segment_entered'" }] }, async ({ event }) => event.data);
await h.serve([checkSegmentTriggersJob, probe]);
const db = h.database.db;

async function tick() {
  const before = (await h.runs("check-segment-triggers")).length;
  await h.database.sql(`UPDATE "JobQueue" SET "dueAt" = now(), "sortAt" = now() WHERE kind = 'CRON' AND "functionId" = 'textstack-check-segment-triggers'`);
  return h.waitForRuns("check-segment-triggers", before + 1);
}

describe("check-segment-triggers on the executor", { timeout: 60_000 }, () => {
  it("snapshots on its first tick, then announces the contact who entered", async () => {
    const { org, owner } = await createOrgWithOwner(db, { name: "Cron Bakery" });
    const ctx = await orgContextFor(db, owner, org.id);
    const segment = await createSegment(ctx, {
      name: "Regulars",
      definition: { timeZone: "UTC", root: { type: "group", match: "all", rules: [{ type: "condition", field: "tags", operator: "has_any", value: ["regular"] }] } },
    });
    await createContact(ctx, { phone: "+14155559001", tags: ["regular"] });
    const newcomer = await createContact(ctx, { phone: "+14155559002" });
    const graph = { nodes: [{ id: "start", type: "trigger", position: { x: 0, y: 0 }, data: { trigger: { kind: "segment_entered", segmentId: segment.id } } }], edges: [] };
    const workflowId = newId("workflow");
    const versionId = newId("workflowVersion");
    await db.workflow.create({ data: { id: workflowId, orgId: org.id, name: "Regulars", draft: graph, settings: {}, draftChanged: false } });
    await db.workflowVersion.create({ data: { id: versionId, orgId: org.id, workflowId, version: 1, graph, settings: {}, triggerKind: "segment_entered", triggerKey: segment.id } });
    await db.workflow.update({ where: { id: workflowId }, data: { status: "ACTIVE", publishedVersionId: versionId } });

    const [first] = await tick();
    expect(first).toMatchObject({ status: "COMPLETED", output: [{ workflowId, snapshot: true, entered: 0 }] });

    await tagContacts(ctx, { ids: [newcomer.id], add: ["regular"] });
    const runs = await tick();
    expect(runs.at(-1)).toMatchObject({ status: "COMPLETED", output: [{ workflowId, snapshot: false, entered: 1 }] });
    const [heard] = await h.waitForRuns("probe", 1);
    expect(heard!.output).toEqual({ orgId: org.id, kind: "segment_entered", key: segment.id, contactIds: [newcomer.id], data: { segmentId: segment.id }, workflowId });
    // Only the entry: the first tick announced nothing.
    expect(await h.runs("probe")).toHaveLength(1);
  });
});
