// Who enters a workflow (re-entry once / one at a time / always, the entry segment, two texts at
// once), manual enrolment of a list as one statement, and versions: a run keeps the version it
// started on, and an explicit migration moves only runs waiting at a mapped node, which go on in
// the new version's graph. Through the real executor (the interpreter with short waits).
import { describe, expect, it } from "vitest";
import { setupAppHarness, waitUntil } from "../jobs/harness";

const h = await setupAppHarness();
const { functions } = await import("@/lib/jobs/functions");
const { makeRunWorkflowJob } = await import("@/lib/jobs/run-workflow");
const { replyFromPhone } = await import("@/lib/simulator/reply-from-phone");
const { enrollContacts } = await import("@/lib/workflows/enroll");
const { enrollAudience } = await import("@/lib/workflows/enroll-audience");
const { migrateRuns } = await import("@/lib/workflows/migrate-runs");
const { cancelRun } = await import("@/lib/workflows/end-runs");
const { runCounters } = await import("@/lib/workflows/run-counters");
const { listRuns } = await import("@/lib/workflows/run-history");
const { matchWorkflows } = await import("@/lib/workflows/match-workflows");
const { strandedRuns } = await import("@/lib/workflows/stranded-runs");
const { emitRunRequests } = await import("@/lib/workflows/enroll");
const { newId } = await import("@/lib/ids");
const { createSegment } = await import("@/lib/segments/manage-segments");
const { campaignOrg, makeList, phone, seedContacts } = await import("../campaigns/campaign-helpers");
const { edge, node, publishVersion, publishWorkflow, trigger } = await import("./workflow-helpers");

await h.serve([...functions.filter((f) => f.id() !== "run-workflow"), makeRunWorkflowJob({ maxWaitMs: 60_000 })]);
const db = h.database.db;
const { ctx, sender } = await campaignOrg(db);
await db.carrierConnection.update({ where: { id: sender.connectionId }, data: { config: { deliveryDelayMs: 20, undeliveredRate: 0, failedRate: 0 } } });

const manual = { kind: "manual", data: {} };
const waitGraph = (body = "Hi") => ({
  nodes: [
    trigger({ kind: "manual" }),
    node("hello", "send_message", { body }),
    node("wait", "wait_for_reply", { timeout: { amount: 1, unit: "days" }, branches: [{ id: "y", label: "Yes", test: { kind: "yes" } }], saveTo: null }),
    node("thanks", "send_message", { body: `${body}: thanks` }),
  ],
  edges: [edge("start", "hello"), edge("hello", "wait"), edge("wait", "thanks", "y")],
});
const waitingAt = (runId: string, nodeId: string) =>
  waitUntil(async () => {
    const run = await db.workflowRun.findUniqueOrThrow({ where: { id: runId } });
    return run.nodeId === nodeId && run.waiting === "reply" && run;
  }, 20_000, `run ${runId} waiting at ${nodeId}`);
const ended = (runId: string) =>
  waitUntil(async () => {
    const run = await db.workflowRun.findUniqueOrThrow({ where: { id: runId } });
    return run.status !== "ACTIVE" && run;
  }, 30_000, `run ${runId} to end`);

describe("re-entry", () => {
  it("once: never again; one at a time: not while a run is active; always: every time", { timeout: 60_000 }, async () => {
    const [a] = await seedContacts(db, ctx, [{ phone: phone(301) }]);
    const enroll = (workflowId: string) => enrollContacts(ctx, { workflowId, contacts: { ids: [a!] }, trigger: manual });

    const once = await publishWorkflow(db, ctx, "Once", waitGraph(), { reentry: "once" });
    const first = await enroll(once.workflowId);
    expect(first.runIds).toHaveLength(1);
    await cancelRun(ctx, first.runIds[0]!);
    expect(await enroll(once.workflowId)).toEqual({ runIds: [], skipped: 1 });

    const oneAtATime = await publishWorkflow(db, ctx, "One at a time", waitGraph(), { reentry: "one_at_a_time" });
    const active = (await enroll(oneAtATime.workflowId)).runIds[0]!;
    expect((await enroll(oneAtATime.workflowId)).runIds).toEqual([]);
    await cancelRun(ctx, active);
    expect((await enroll(oneAtATime.workflowId)).runIds).toHaveLength(1);

    const always = await publishWorkflow(db, ctx, "Always", waitGraph(), { reentry: "always" });
    expect((await enroll(always.workflowId)).runIds).toHaveLength(1);
    expect((await enroll(always.workflowId)).runIds).toHaveLength(1);
    expect(await db.workflowRun.count({ where: { workflowId: always.workflowId, status: "ACTIVE" } })).toBe(2);
  });

  it("two texts of one contact at once make one run under one at a time", { timeout: 60_000 }, async () => {
    const [b] = await seedContacts(db, ctx, [{ phone: phone(302) }]);
    const { workflowId } = await publishWorkflow(db, ctx, "Race", waitGraph(), { reentry: "one_at_a_time" });
    const results = await Promise.all(Array.from({ length: 6 }, () => enrollContacts(ctx, { workflowId, contacts: { ids: [b!] }, trigger: manual })));
    expect(results.flatMap((r) => r.runIds)).toHaveLength(1);
    expect(await db.workflowRun.count({ where: { workflowId, contactId: b! } })).toBe(1);
  });

  it("only contacts in the entry segment enter", { timeout: 30_000 }, async () => {
    const [inside, outside] = await seedContacts(db, ctx, [{ phone: phone(303), firstName: "Inside" }, { phone: phone(304), firstName: "Outside" }]);
    const segment = await createSegment(ctx, {
      name: "Insiders",
      definition: { root: { type: "group", match: "all", rules: [{ type: "condition", field: "firstName", operator: "is", value: "Inside" }] } },
    });
    const { workflowId } = await publishWorkflow(db, ctx, "Gated", waitGraph(), { entrySegmentId: segment.id });
    const result = await enrollContacts(ctx, { workflowId, contacts: { ids: [inside!, outside!] }, trigger: manual });
    expect(result.skipped).toBe(1);
    expect((await db.workflowRun.findMany({ where: { workflowId } })).map((r) => r.contactId)).toEqual([inside]);
  });

  it("enrols a whole list by hand in one statement, audited", { timeout: 30_000 }, async () => {
    const list = await makeList(db, ctx, "Manual");
    await seedContacts(db, ctx, Array.from({ length: 40 }, (_, i) => ({ phone: phone(400 + i), lists: [list.id] })));
    const { workflowId, versionId } = await publishWorkflow(db, ctx, "By hand", { nodes: [trigger({ kind: "manual" })], edges: [] });
    expect(await enrollAudience(ctx, workflowId, { listIds: [list.id] })).toEqual({ enrolled: 40 });
    expect(await db.auditLog.count({ where: { orgId: ctx.orgId, action: "workflow.contacts_enrolled", targetId: workflowId } })).toBe(1);
    // A trigger with nothing after it: each run completes at once.
    await waitUntil(async () => (await db.workflowRun.count({ where: { workflowId, status: "COMPLETED" } })) === 40, 30_000, "40 runs completed");
    // The history in keyset pages, newest first.
    const page1 = await listRuns(ctx, { workflowId, status: "COMPLETED", limit: 25 });
    const page2 = await listRuns(ctx, { workflowId, status: "COMPLETED", limit: 25, cursor: page1.nextCursor });
    expect(page1.items).toHaveLength(25);
    expect(page2.items).toHaveLength(15);
    expect(page2.nextCursor).toBeNull();
    expect(new Set([...page1.items, ...page2.items].map((r) => r.contactId)).size).toBe(40);
    expect(await listRuns(ctx, { workflowId, status: "ACTIVE" })).toEqual({ items: [], nextCursor: null });
    // By the step they are at (the runs canvas's drill-down): all 40 completed on the trigger.
    expect((await listRuns(ctx, { workflowId, at: { versionId, nodeId: "start" }, limit: 100 })).items).toHaveLength(40);
    expect(await listRuns(ctx, { workflowId, at: { versionId, nodeId: "elsewhere" } })).toEqual({ items: [], nextCursor: null });
    expect(await listRuns(ctx, { workflowId, at: { versionId: "wfv_other", nodeId: "start" } })).toEqual({ items: [], nextCursor: null });
  });
});

describe("which workflows an event starts", () => {
  it("matches kind and key; inbound texts by the trigger's numbers; link clicks of any campaign; not paused ones", { timeout: 30_000 }, async () => {
    const g = (config: Parameters<typeof trigger>[0]) => ({ nodes: [trigger(config)], edges: [] });
    const anyNumber = await publishWorkflow(db, ctx, "Any number", g({ kind: "inbound_message", senderIds: [] }));
    const ourNumber = await publishWorkflow(db, ctx, "Our number", g({ kind: "inbound_message", senderIds: [sender.id] }));
    const otherNumber = await publishWorkflow(db, ctx, "Other number", g({ kind: "inbound_message", senderIds: ["snd_other"] }));
    const anyClick = await publishWorkflow(db, ctx, "Any click", g({ kind: "link_clicked", campaignId: null }));
    const campaignClick = await publishWorkflow(db, ctx, "Campaign click", g({ kind: "link_clicked", campaignId: "cmp_one" }));
    const paused = await publishWorkflow(db, ctx, "Paused list", g({ kind: "list_added", listId: "lst_one" }));
    await db.workflow.update({ where: { id: paused.workflowId }, data: { status: "PAUSED" } });
    const listed = await publishWorkflow(db, ctx, "Listed", g({ kind: "list_added", listId: "lst_one" }));

    const inbound = await matchWorkflows(ctx, { kind: "inbound_message", key: null, senderId: sender.id });
    expect(inbound.sort()).toEqual([anyNumber.workflowId, ourNumber.workflowId].sort());
    expect(inbound).not.toContain(otherNumber.workflowId);
    expect((await matchWorkflows(ctx, { kind: "link_clicked", key: "cmp_one" })).sort()).toEqual([anyClick.workflowId, campaignClick.workflowId].sort());
    expect(await matchWorkflows(ctx, { kind: "link_clicked", key: null })).toEqual([anyClick.workflowId]);
    expect(await matchWorkflows(ctx, { kind: "list_added", key: "lst_one" })).toEqual([listed.workflowId]);
    expect(await matchWorkflows(ctx, { kind: "list_added", key: "lst_one", workflowId: anyClick.workflowId })).toEqual([]);
    for (const w of [anyNumber, ourNumber, otherNumber, anyClick, campaignClick, listed]) await db.workflow.update({ where: { id: w.workflowId }, data: { status: "PAUSED" } });
  });
});

describe("the safety net", () => {
  it("finds runs enrolled and never started (their event lost), within the job's idempotency window, and they run when asked again", { timeout: 30_000 }, async () => {
    const [lost, slow, old] = await seedContacts(db, ctx, [{ phone: phone(801) }, { phone: phone(802) }, { phone: phone(803) }]);
    const { workflowId, versionId } = await publishWorkflow(db, ctx, "Lost events", { nodes: [trigger({ kind: "manual" }), node("tag", "tag", { op: "add", tag: "found" })], edges: [edge("start", "tag")] });
    const row = (contactId: string, minutesAgo: number) => ({
      id: newId("workflowRun"),
      orgId: ctx.orgId,
      workflowId,
      versionId,
      contactId,
      nodeId: "start",
      trigger: manual,
      startedAt: new Date(Date.now() - minutesAgo * 60_000),
    });
    const rows = [row(lost!, 10), row(slow!, 1), row(old!, 21 * 60)];
    await db.workflowRun.createMany({ data: rows });
    const found = (await strandedRuns(db)).filter((r) => rows.some((x) => x.id === r.runId));
    expect(found).toEqual([{ orgId: ctx.orgId, runId: rows[0]!.id }]);
    await emitRunRequests(ctx.orgId, [rows[0]!.id]);
    await waitUntil(async () => (await db.workflowRun.findUniqueOrThrow({ where: { id: rows[0]!.id } })).status === "COMPLETED", 15_000, "the found run");
    expect((await db.contact.findUniqueOrThrow({ where: { id: lost! } })).tags).toContain("found");
  });
});

describe("versions", () => {
  it("runs keep their version; a migration moves only runs waiting at a mapped node, which go on in the new graph", { timeout: 90_000 }, async () => {
    const [c1, c2, c3] = await seedContacts(db, ctx, [{ phone: phone(501) }, { phone: phone(502) }, { phone: phone(503) }]);
    const v1 = await publishWorkflow(db, ctx, "Versions", waitGraph("v1"), { reentry: "always" });
    const [r1, r2] = (await enrollContacts(ctx, { workflowId: v1.workflowId, contacts: { ids: [c1!, c2!] }, trigger: manual })).runIds;
    await waitingAt(r1!, "wait");
    await waitingAt(r2!, "wait");

    const v2graph = waitGraph("v2");
    v2graph.nodes[2]!.id = "wait-2";
    v2graph.edges = [edge("start", "hello"), edge("hello", "wait-2"), edge("wait-2", "thanks", "y")];
    const v2 = await publishVersion(db, ctx, v1.workflowId, v2graph, { reentry: "always" });
    const r3 = (await enrollContacts(ctx, { workflowId: v1.workflowId, contacts: { ids: [c3!] }, trigger: manual })).runIds[0]!;
    expect((await db.workflowRun.findUniqueOrThrow({ where: { id: r3 } })).versionId).toBe(v2.versionId);
    expect((await db.workflowRun.findUniqueOrThrow({ where: { id: r1! } })).versionId).toBe(v1.versionId);

    // A mapping of a node nobody waits at moves nobody.
    expect(await migrateRuns(ctx, v1.workflowId, { fromVersionId: v1.versionId, toVersionId: v2.versionId, mapping: { hello: "hello" } })).toEqual({ moved: 0 });
    // Only r1 is moved: r2 is canceled first, so it is not waiting.
    await cancelRun(ctx, r2!);
    expect(await migrateRuns(ctx, v1.workflowId, { fromVersionId: v1.versionId, toVersionId: v2.versionId, mapping: { wait: "wait-2" } })).toEqual({ moved: 1 });
    expect(await db.workflowRun.findUniqueOrThrow({ where: { id: r1! } })).toMatchObject({ versionId: v2.versionId, nodeId: "wait-2" });
    expect(await db.auditLog.count({ where: { orgId: ctx.orgId, action: "workflow.runs_migrated" } })).toBe(2);

    await replyFromPhone(ctx, db, { senderId: sender.id, phone: phone(501), body: "yes" });
    expect(await ended(r1!)).toMatchObject({ status: "COMPLETED", versionId: v2.versionId, nodeId: "thanks" });
    // The text after the wait is the new version's.
    const texts = (await db.message.findMany({ where: { contactId: c1!, direction: "OUTBOUND" }, orderBy: { id: "asc" } })).map((m) => m.body);
    expect(texts).toEqual(["v1", "v2: thanks"]);

    const counters = await runCounters(ctx, { versionId: v2.versionId });
    expect(counters["thanks"]).toMatchObject({ entered: 1, completed: 1 });
    expect(counters["wait-2"]).toMatchObject({ waiting: 1 }); // r3, on v2 from its start
    const v1counters = await runCounters(ctx, { versionId: v1.versionId });
    expect(v1counters["hello"]).toMatchObject({ entered: 2 });
  });
});
