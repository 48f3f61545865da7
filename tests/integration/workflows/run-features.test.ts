// The rest of the interpreter's rules, through the real executor: test runs fast-forward their
// waits; a paused workflow holds its runs until it is resumed; keyword and domain triggers enrol
// (trigger data in the text); an opt-out from anywhere exits runs; the frequency cap skips a send
// and says why; a teammate's recent text holds a send (and a member cancels that run); a workflow
// starts another; a random split and an exit node end a run as EXITED.
import { describe, expect, it } from "vitest";
import { setupAppHarness, waitUntil } from "../jobs/harness";
import { expectDomainError } from "../helpers/expect-error";

const h = await setupAppHarness();
const { functions } = await import("@/lib/jobs/functions");
const { makeRunWorkflowJob } = await import("@/lib/jobs/run-workflow");
const { emitEvents } = await import("@/lib/events/emit");
const { createKeywordRule } = await import("@/lib/keywords/manage-rules");
const { workflowResumed, workflowTriggerFired } = await import("@/lib/events/workflows");
const { replyFromPhone } = await import("@/lib/simulator/reply-from-phone");
const { sendOne } = await import("@/lib/messaging/send-one");
const { enrollContacts } = await import("@/lib/workflows/enroll");
const { cancelRun } = await import("@/lib/workflows/end-runs");
const { startTestRun } = await import("@/lib/workflows/test-run");
const { getRun, contactRuns } = await import("@/lib/workflows/run-history");
const { campaignOrg, makeList, phone, seedContacts } = await import("../campaigns/campaign-helpers");
const { newId } = await import("@/lib/ids");
const { edge, node, publishWorkflow, trigger } = await import("./workflow-helpers");

await h.serve([...functions.filter((f) => f.id() !== "run-workflow"), makeRunWorkflowJob({ maxWaitMs: 3_000, testReplyTimeoutMs: 1_500 })]);
const db = h.database.db;
const { ctx, sender, owner } = await campaignOrg(db);
await db.carrierConnection.update({ where: { id: sender.connectionId }, data: { config: { deliveryDelayMs: 20, undeliveredRate: 0, failedRate: 0 } } });

const manual = { kind: "manual", data: {} };
const run = (runId: string) => db.workflowRun.findUniqueOrThrow({ where: { id: runId } });
const ended = (runId: string, timeoutMs = 30_000) =>
  waitUntil(async () => {
    const r = await run(runId);
    return r.status !== "ACTIVE" && r;
  }, timeoutMs, `run ${runId} to end`);
const textsTo = async (contactId: string) => (await db.message.findMany({ where: { contactId, direction: "OUTBOUND" }, orderBy: { id: "asc" } })).map((m) => m.body);
const onlyRun = (workflowId: string) => waitUntil(() => db.workflowRun.findFirst({ where: { workflowId } }), 15_000, `a run of ${workflowId}`);

describe("the interpreter's rules", () => {
  it("fast-forwards a test run's waits and shows each node's decision", { timeout: 60_000 }, async () => {
    const [tess] = await seedContacts(db, ctx, [{ phone: phone(701) }]);
    const { workflowId } = await publishWorkflow(db, ctx, "Tested", {
      nodes: [
        trigger({ kind: "manual" }),
        node("day", "wait_duration", { duration: { amount: 1, unit: "days" } }),
        node("ask", "wait_for_reply", { timeout: { amount: 2, unit: "days" }, branches: [], saveTo: null }),
        node("done", "send_message", { body: "Tested" }),
      ],
      edges: [edge("start", "day"), edge("day", "ask"), edge("ask", "done", "timeout")],
    });
    const { runId } = await startTestRun(ctx, { workflowId, contactId: tess! });
    const done = await ended(runId, 20_000);
    expect(done).toMatchObject({ status: "COMPLETED", test: true });
    const { steps } = await getRun(ctx, { runId });
    expect(steps.map((s) => `${s.nodeId}:${s.outcome}`)).toEqual(["start:next", "day:next", "ask:timeout", "done:next"]);
    const day = steps[1]!;
    // A day's wait took about the test runs' second.
    expect(day.leftAt!.getTime() - day.enteredAt.getTime()).toBeLessThan(2_900);
    expect(await db.auditLog.count({ where: { orgId: ctx.orgId, action: "workflow.test_run_started" } })).toBe(1);

    // A number instead of a contact (a virtual phone's): made a contact when new, found when known.
    const fresh = await startTestRun(ctx, { workflowId, phone: "(415) 555-0199" });
    expect(await db.contact.findUniqueOrThrow({ where: { id: fresh.contactId } })).toMatchObject({ phone: "+14155550199", orgId: ctx.orgId });
    expect((await run(fresh.runId)).test).toBe(true);
    expect((await startTestRun(ctx, { workflowId, phone: "+1 415 555 0199" })).contactId).toBe(fresh.contactId);
    await expectDomainError(startTestRun(ctx, { workflowId, phone: "12" }), "BAD_REQUEST", "phone");
  });

  it("holds the runs of a paused workflow before their next node until it is resumed", { timeout: 60_000 }, async () => {
    const [pat] = await seedContacts(db, ctx, [{ phone: phone(702) }]);
    const { workflowId } = await publishWorkflow(db, ctx, "Pausable", {
      nodes: [trigger({ kind: "manual" }), node("nap", "wait_duration", { duration: { amount: 5, unit: "minutes" } }), node("after", "send_message", { body: "After the pause" })],
      edges: [edge("start", "nap"), edge("nap", "after")],
    });
    const [runId] = (await enrollContacts(ctx, { workflowId, contacts: { ids: [pat!] }, trigger: manual })).runIds;
    await waitUntil(async () => (await run(runId!)).waiting === "duration", 15_000, "the nap");
    await db.workflow.update({ where: { id: workflowId }, data: { status: "PAUSED" } });
    await waitUntil(async () => (await run(runId!)).waiting === "paused", 15_000, "the hold");
    // Past a re-check (the test cap makes it 3 s), still held.
    await new Promise((resolve) => setTimeout(resolve, 3_500));
    expect((await run(runId!)).waiting).toBe("paused");
    // Resumed once the execution waits for it (a resume before that is found by its re-check instead).
    await waitUntil(async () => (await h.database.sql(`SELECT 1 FROM "JobWait" WHERE "eventName" = 'workflows/workflow.resumed'`)).length > 0, 15_000, "the resume wait");
    expect(await textsTo(pat!)).toEqual([]);
    await db.workflow.update({ where: { id: workflowId }, data: { status: "ACTIVE" } });
    await emitEvents(workflowResumed.create({ orgId: ctx.orgId, workflowId }));
    expect((await ended(runId!)).status).toBe("COMPLETED");
    expect(await textsTo(pat!)).toEqual(["After the pause"]);
  });

  it("enrols on a keyword rule's text and on a domain's trigger, with the trigger's data in the text", { timeout: 60_000 }, async () => {
    const [kim, tad] = await seedContacts(db, ctx, [{ phone: phone(703) }, { phone: phone(704) }]);
    const rule = await createKeywordRule(ctx, { name: "Secret", keywords: ["SECRET"], matchOn: "first_word", addTags: ["secret"] });
    const keyword = await publishWorkflow(db, ctx, "On keyword", {
      nodes: [trigger({ kind: "keyword", keywordRuleId: rule.id }), node("hi", "send_message", { body: "You texted {{trigger.body}}" })],
      edges: [edge("start", "hi")],
    });
    const tagged = await publishWorkflow(db, ctx, "On tag", {
      nodes: [trigger({ kind: "tag_added", tag: "vip" }), node("hi", "send_message", { body: "Tagged {{trigger.tag}}" })],
      edges: [edge("start", "hi")],
    });
    // The text runs the rule, and its announcement (the rule's key) starts the workflow.
    await replyFromPhone(ctx, db, { senderId: sender.id, phone: phone(703), body: "SECRET WORD" });
    await emitEvents(workflowTriggerFired.create({ orgId: ctx.orgId, kind: "tag_added", key: "vip", contactIds: [tad!], data: { tag: "vip" } }));
    // Another tag does not start it.
    await emitEvents(workflowTriggerFired.create({ orgId: ctx.orgId, kind: "tag_added", key: "other", contactIds: [kim!], data: { tag: "other" } }));
    await ended((await onlyRun(keyword.workflowId)).id);
    await ended((await onlyRun(tagged.workflowId)).id);
    expect(await textsTo(kim!)).toEqual(["You texted SECRET WORD"]);
    expect(await textsTo(tad!)).toEqual(["Tagged vip"]);
    expect(await db.workflowRun.count({ where: { workflowId: tagged.workflowId } })).toBe(1);
    expect((await contactRuns(ctx, { contactId: kim! })).map((r) => r.workflow.name)).toEqual(["On keyword"]);
  });

  it("chains: a workflow's tag and list steps start the workflows waiting for that tag and list", { timeout: 60_000 }, async () => {
    const [cole] = await seedContacts(db, ctx, [{ phone: phone(712) }]);
    const list = await makeList(db, ctx, "Chained list");
    const first = await publishWorkflow(db, ctx, "Tags and lists", {
      nodes: [trigger({ kind: "manual" }), node("tag", "tag", { op: "add", tag: "chained" }), node("list", "list", { op: "add", listId: list.id })],
      edges: [edge("start", "tag"), edge("tag", "list")],
    });
    const onTag = await publishWorkflow(db, ctx, "On chained tag", { nodes: [trigger({ kind: "tag_added", tag: "chained" }), node("hi", "send_message", { body: "Tag {{trigger.tag}} by {{trigger.source}}" })], edges: [edge("start", "hi")] });
    const onList = await publishWorkflow(db, ctx, "On chained list", { nodes: [trigger({ kind: "list_added", listId: list.id }), node("hi", "send_message", { body: "Listed" })], edges: [edge("start", "hi")] });
    const [runId] = (await enrollContacts(ctx, { workflowId: first.workflowId, contacts: { ids: [cole!] }, trigger: manual })).runIds;
    expect(await ended(runId!)).toMatchObject({ status: "COMPLETED" });
    await ended((await onlyRun(onTag.workflowId)).id);
    await ended((await onlyRun(onList.workflowId)).id);
    expect((await textsTo(cole!)).sort()).toEqual(["Listed", "Tag chained by workflow"]);
  });

  it("exits a contact's runs when they opt out by any way (subscription_changed)", { timeout: 60_000 }, async () => {
    const [olive] = await seedContacts(db, ctx, [{ phone: phone(705) }]);
    const { workflowId } = await publishWorkflow(db, ctx, "Long wait", {
      nodes: [trigger({ kind: "manual" }), node("wait", "wait_for_reply", { timeout: { amount: 1, unit: "days" }, branches: [], saveTo: null })],
      edges: [edge("start", "wait")],
    });
    const [runId] = (await enrollContacts(ctx, { workflowId, contacts: { ids: [olive!] }, trigger: manual })).runIds;
    await waitUntil(async () => (await run(runId!)).waiting === "reply", 15_000, "the wait");
    await emitEvents(workflowTriggerFired.create({ orgId: ctx.orgId, kind: "subscription_changed", key: "opted_out", contactIds: [olive!], data: { to: "opted_out" } }));
    expect(await ended(runId!, 10_000)).toMatchObject({ status: "EXITED", endReason: "opted out" });
    // Nothing else wakes its execution (no text came): workflows/run.ended cancels it.
    await waitUntil(async () => {
      const execution = (await h.runs("run-workflow")).find((r) => r.events[0]?.data.runId === runId);
      return execution?.status === "CANCELLED";
    }, 15_000, "the execution cancelled");
  });

  it("skips a send past the frequency cap and says why, then goes on", { timeout: 60_000 }, async () => {
    const [fay] = await seedContacts(db, ctx, [{ phone: phone(706) }]);
    await sendOne(ctx, { to: phone(706), body: "Earlier marketing" }, "api");
    await db.organization.update({ where: { id: ctx.orgId }, data: { marketingCapPer24h: 1 } });
    try {
      const { workflowId } = await publishWorkflow(
        db,
        ctx,
        "Capped",
        { nodes: [trigger({ kind: "manual" }), node("promo", "send_message", { body: "Promo" }), node("tagged", "tag", { op: "add", tag: "reached" })], edges: [edge("start", "promo"), edge("promo", "tagged")] },
        { frequencyCap: true },
      );
      const [runId] = (await enrollContacts(ctx, { workflowId, contacts: { ids: [fay!] }, trigger: manual })).runIds;
      expect((await ended(runId!)).status).toBe("COMPLETED");
      const promo = await db.workflowRunStep.findFirstOrThrow({ where: { runId: runId!, nodeId: "promo" } });
      expect(promo.detail).toMatchObject({ skipped: expect.stringContaining("frequency cap") });
      expect(await textsTo(fay!)).toEqual(["Earlier marketing"]);
      expect((await db.contact.findUniqueOrThrow({ where: { id: fay! } })).tags).toContain("reached");
    } finally {
      await db.organization.update({ where: { id: ctx.orgId }, data: { marketingCapPer24h: null } });
    }
  });

  it("holds a send while a teammate has just written in the conversation; a member cancels the run", { timeout: 60_000 }, async () => {
    const [tom] = await seedContacts(db, ctx, [{ phone: phone(707) }]);
    await sendOne(ctx, { to: phone(707), body: "Hi, Sam from support here" }, "ui");
    const { workflowId } = await publishWorkflow(
      db,
      ctx,
      "Polite",
      { nodes: [trigger({ kind: "manual" }), node("promo", "send_message", { body: "Promo" })], edges: [edge("start", "promo")] },
      { pauseWhileTeammateReplies: true },
    );
    const [runId] = (await enrollContacts(ctx, { workflowId, contacts: { ids: [tom!] }, trigger: manual })).runIds;
    await waitUntil(async () => (await run(runId!)).waiting === "teammate", 15_000, "the hold");
    // Past one re-check (the test cap makes it 3 s): still held.
    await new Promise((resolve) => setTimeout(resolve, 3_500));
    expect((await run(runId!)).waiting).toBe("teammate");
    const canceled = await cancelRun(ctx, runId!);
    expect(canceled).toMatchObject({ status: "CANCELED", endReason: `canceled by ${ctx.actor.label}` });
    expect(await db.auditLog.count({ where: { orgId: ctx.orgId, action: "workflow.run_canceled", targetId: workflowId } })).toBe(1);
    await new Promise((resolve) => setTimeout(resolve, 3_500));
    expect(await textsTo(tom!)).toEqual(["Hi, Sam from support here"]);
  });

  it("starts another workflow, and ends on an exit node after a random split", { timeout: 60_000 }, async () => {
    const [sid] = await seedContacts(db, ctx, [{ phone: phone(708) }]);
    const second = await publishWorkflow(db, ctx, "Second", { nodes: [trigger({ kind: "manual" }), node("hi", "send_message", { body: "From the second" })], edges: [edge("start", "hi")] });
    const first = await publishWorkflow(db, ctx, "First", {
      nodes: [
        trigger({ kind: "manual" }),
        node("go", "start_workflow", { workflowId: second.workflowId }),
        node("split", "random_split", { branches: [{ id: "a", label: "A", weight: 50 }, { id: "b", label: "B", weight: 50 }] }),
        node("out-a", "exit"),
        node("out-b", "exit"),
      ],
      edges: [edge("start", "go"), edge("go", "split"), edge("split", "out-a", "a"), edge("split", "out-b", "b")],
    });
    const [runId] = (await enrollContacts(ctx, { workflowId: first.workflowId, contacts: { ids: [sid!] }, trigger: manual })).runIds;
    expect(await ended(runId!)).toMatchObject({ status: "EXITED", endReason: "exit node" });
    const secondRun = await onlyRun(second.workflowId);
    expect(secondRun.trigger).toMatchObject({ kind: "workflow", data: { workflowId: first.workflowId, runId } });
    expect((await ended(secondRun.id)).status).toBe("COMPLETED");
    expect(await textsTo(sid!)).toEqual(["From the second"]);
  });

  it("fails a run whose step keeps failing after its retries, saying why", { timeout: 60_000 }, async () => {
    const [gus] = await seedContacts(db, ctx, [{ phone: phone(709) }]);
    // A version whose edge leads nowhere (the publisher's validation refuses one; rows written by hand here).
    const { workflowId } = await publishWorkflow(db, ctx, "Broken", { nodes: [trigger({ kind: "manual" })], edges: [edge("start", "ghost")] });
    const [runId] = (await enrollContacts(ctx, { workflowId, contacts: { ids: [gus!] }, trigger: manual })).runIds;
    const failed = await ended(runId!, 45_000);
    expect(failed.status).toBe("FAILED");
    expect(failed.endReason).toContain("no node ghost");
  });

  it("changes the contact and its conversation: list in and out, a custom field from the reply, opened and assigned, closed", { timeout: 60_000 }, async () => {
    const [lou] = await seedContacts(db, ctx, [{ phone: phone(710) }]);
    const list = await makeList(db, ctx, "Workflow list");
    const leaving = await makeList(db, ctx, "Leaving list");
    await db.listMembership.create({ data: { listId: leaving.id, contactId: lou!, orgId: ctx.orgId } });
    await db.customFieldDefinition.create({ data: { id: newId("customField"), orgId: ctx.orgId, key: "points", label: "Points", type: "NUMBER" } });
    const { workflowId } = await publishWorkflow(db, ctx, "Changes", {
      nodes: [
        trigger({ kind: "manual" }),
        node("join", "list", { op: "add", listId: list.id }),
        node("leave", "list", { op: "remove", listId: leaving.id }),
        node("points", "update_field", { field: "custom.points", value: "{{trigger.points}}" }),
        node("bad-points", "update_field", { field: "custom.points", value: "lots" }),
        node("open", "conversation", { op: "open", assigneeId: owner.id }),
        node("close", "conversation", { op: "close", assigneeId: null }),
      ],
      edges: [edge("start", "join"), edge("join", "leave"), edge("leave", "points"), edge("points", "bad-points"), edge("bad-points", "open"), edge("open", "close")],
    });
    const [runId] = (await enrollContacts(ctx, { workflowId, contacts: { ids: [lou!] }, trigger: { kind: "api_event", data: { points: 42 } } })).runIds;
    expect((await ended(runId!)).status).toBe("COMPLETED");
    expect(await db.listMembership.findMany({ where: { contactId: lou! }, select: { listId: true } })).toEqual([{ listId: list.id }]);
    const contact = await db.contact.findUniqueOrThrow({ where: { id: lou! }, include: { conversation: true } });
    expect(contact.customFields).toMatchObject({ points: 42 });
    const { steps } = await getRun(ctx, { runId: runId! });
    expect(steps.find((s) => s.nodeId === "bad-points")!.detail).toMatchObject({ skipped: expect.stringContaining("custom.points") });
    expect(steps.find((s) => s.nodeId === "open")!.detail).toMatchObject({ status: "open", assigneeId: owner.id });
    expect(contact.conversation).toMatchObject({ status: "CLOSED", assigneeId: owner.id });
    expect(await db.auditLog.count({ where: { orgId: ctx.orgId, action: "conversation.assigned" } })).toBe(1);
  });
});
