// A kill -9 of the executor while runs wait: one sleeping (wait_duration), one waiting for a reply.
// The executor runs as its own process, as `npm start` runs it; a new one on the same port and
// database picks up the sleep's timer and the reply's wait, and both runs finish where they were.
import { afterAll, describe, expect, it } from "vitest";
import { stopProcess } from "../../../scripts/run";
import { setupAppHarness, spawnExecutor, waitUntil } from "../jobs/harness";

const h = await setupAppHarness();
const port = Number(new URL(h.executor.url).port);
await h.executor.stop();
let executor = await spawnExecutor(h.executorDbUrl, port);
afterAll(() => stopProcess(executor.child, "SIGTERM"));

const { functions } = await import("@/lib/jobs/functions");
const { makeRunWorkflowJob } = await import("@/lib/jobs/run-workflow");
const { replyFromPhone } = await import("@/lib/simulator/reply-from-phone");
const { enrollContacts } = await import("@/lib/workflows/enroll");
const { campaignOrg, phone, seedContacts } = await import("../campaigns/campaign-helpers");
const { edge, node, publishWorkflow, trigger } = await import("./workflow-helpers");

// Waits of 20 s: long enough to kill and restart the executor in the middle of them.
await h.serve([...functions.filter((f) => f.id() !== "run-workflow"), makeRunWorkflowJob({ maxWaitMs: 20_000 })]);
const db = h.database.db;

describe("kill -9 of the executor mid-wait", () => {
  it("leaves the runs waiting, and a new executor finishes them where they were", { timeout: 120_000 }, async () => {
    const { ctx, sender } = await campaignOrg(db);
    await db.carrierConnection.update({ where: { id: sender.connectionId }, data: { config: { deliveryDelayMs: 20, undeliveredRate: 0, failedRate: 0 } } });
    const [sleeper, replier] = await seedContacts(db, ctx, [{ phone: phone(601) }, { phone: phone(602) }]);
    const sleepy = await publishWorkflow(db, ctx, "Sleepy", {
      nodes: [trigger({ kind: "manual" }), node("before", "send_message", { body: "Before" }), node("nap", "wait_duration", { duration: { amount: 1, unit: "hours" } }), node("after", "send_message", { body: "After" })],
      edges: [edge("start", "before"), edge("before", "nap"), edge("nap", "after")],
    });
    const chatty = await publishWorkflow(db, ctx, "Chatty", {
      nodes: [
        trigger({ kind: "manual" }),
        node("ask", "send_message", { body: "Coming?" }),
        node("wait", "wait_for_reply", { timeout: { amount: 1, unit: "days" }, branches: [{ id: "y", label: "Yes", test: { kind: "yes" } }], saveTo: null }),
        node("great", "send_message", { body: "Great" }),
        node("late", "send_message", { body: "Too late" }),
      ],
      edges: [edge("start", "ask"), edge("ask", "wait"), edge("wait", "great", "y"), edge("wait", "late", "timeout")],
    });
    const [sleepRun] = (await enrollContacts(ctx, { workflowId: sleepy.workflowId, contacts: { ids: [sleeper!] }, trigger: { kind: "manual", data: {} } })).runIds;
    const [replyRun] = (await enrollContacts(ctx, { workflowId: chatty.workflowId, contacts: { ids: [replier!] }, trigger: { kind: "manual", data: {} } })).runIds;
    await waitUntil(async () => (await db.workflowRun.findUniqueOrThrow({ where: { id: sleepRun! } })).waiting === "duration", 20_000, "the sleep");
    await waitUntil(async () => (await db.workflowRun.findUniqueOrThrow({ where: { id: replyRun! } })).waiting === "reply", 20_000, "the reply wait");

    executor.child.kill("SIGKILL");
    await stopProcess(executor.child, "SIGKILL");
    executor = await spawnExecutor(h.executorDbUrl, port);

    await replyFromPhone(ctx, db, { senderId: sender.id, phone: phone(602), body: "yes" });
    for (const runId of [sleepRun!, replyRun!]) {
      await waitUntil(async () => (await db.workflowRun.findUniqueOrThrow({ where: { id: runId } })).status === "COMPLETED", 60_000, `run ${runId} completed`);
    }
    const texts = async (contactId: string) => (await db.message.findMany({ where: { contactId, direction: "OUTBOUND" }, orderBy: { id: "asc" } })).map((m) => m.body);
    expect(await texts(sleeper!)).toEqual(["Before", "After"]);
    expect(await texts(replier!)).toEqual(["Coming?", "Great"]);
  });
});
