// Workflows through the real executor and SDK, as `npm start` runs them: a virtual phone's text
// enrols the contact (enroll-workflows), the interpreter (run-workflow) walks the published graph:
// sends through the simulator, a wait, a wait for a reply answered from the phone (and one not
// answered: its timeout), a tag and a condition on it; a STOP exits every run; quiet hours hold a
// send; a webhook node's failure and success (signed). Waits are capped short by the job's test hook.
import http from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, describe, expect, it } from "vitest";
import { setupAppHarness, waitUntil } from "../jobs/harness";

process.env.WEBHOOK_ALLOW_PRIVATE = "true";
const h = await setupAppHarness();
const { functions } = await import("@/lib/jobs/functions");
const { makeRunWorkflowJob } = await import("@/lib/jobs/run-workflow");
const { replyFromPhone } = await import("@/lib/simulator/reply-from-phone");
const { enrollContacts } = await import("@/lib/workflows/enroll");
const { signatureHeaders } = await import("@/lib/webhooks/sign-webhook");
const { campaignOrg, phone, seedContacts } = await import("../campaigns/campaign-helpers");
const { edge, node, publishWorkflow, trigger, zoneAsleepNow } = await import("./workflow-helpers");

// The early reply test texts from the phone inside the wait node's step: before the wait is registered.
const earlyReplies = new Map<string, string>();
await h.serve([
  ...functions.filter((f) => f.id() !== "run-workflow"),
  makeRunWorkflowJob({
    maxWaitMs: 2_500,
    allowPrivate: true,
    afterNode: async ({ contactId }, nodeId) => {
      const from = earlyReplies.get(contactId);
      if (from && nodeId === "wait") {
        earlyReplies.delete(contactId);
        await text(from, "yes, early");
      }
    },
  }),
]);
const db = h.database.db;

const { ctx, sender } = await campaignOrg(db);
await db.carrierConnection.update({ where: { id: sender.connectionId }, data: { config: { deliveryDelayMs: 20, undeliveredRate: 0, failedRate: 0 } } });

const runOf = (workflowId: string, contactId: string) => db.workflowRun.findFirst({ where: { workflowId, contactId }, orderBy: { id: "asc" } });
const ended = (runId: string) =>
  waitUntil(async () => {
    const run = await db.workflowRun.findUniqueOrThrow({ where: { id: runId } });
    return run.status !== "ACTIVE" && run;
  }, 30_000, `run ${runId} to end`);
const path = async (runId: string) => (await db.workflowRunStep.findMany({ where: { runId }, orderBy: [{ enteredAt: "asc" }, { id: "asc" }] })).map((s) => `${s.nodeId}:${s.outcome}`);
const textsTo = async (contactId: string) =>
  (await db.message.findMany({ where: { contactId, direction: "OUTBOUND" }, orderBy: { id: "asc" }, select: { body: true, source: true } })).map((m) => m.body);
const text = (from: string, body: string) => replyFromPhone(ctx, db, { senderId: sender.id, phone: from, body });

describe("a workflow run through the executor", () => {
  it("sends, waits, takes the reply's branch (and the timeout's), tags and branches on a condition to completion", { timeout: 90_000 }, async () => {
    const [alice, bob] = await seedContacts(db, ctx, [
      { phone: phone(101), firstName: "Alice" },
      { phone: phone(102), firstName: "Bob" },
    ]);
    const { workflowId } = await publishWorkflow(db, ctx, "Join", {
      nodes: [
        trigger({ kind: "inbound_message", senderIds: [] }),
        node("welcome", "send_message", { body: "Welcome {{first_name}}! You said {{trigger.body}}" }),
        node("pause", "wait_duration", { duration: { amount: 1, unit: "minutes" } }),
        node("ask", "send_message", { body: "Want deals? Reply YES or NO" }),
        node("answer", "wait_for_reply", {
          timeout: { amount: 1, unit: "hours" },
          branches: [
            { id: "said-yes", label: "Yes", test: { kind: "yes" } },
            { id: "said-no", label: "No", test: { kind: "no" } },
          ],
          saveTo: "lastName",
        }),
        node("vip", "tag", { op: "add", tag: "vip" }),
        node("is-vip", "condition", { definition: { root: { type: "group", match: "all", rules: [{ type: "condition", field: "tags", operator: "has_any", value: ["vip"] }] } } }),
        node("send-vip", "send_message", { body: "VIP: you said {{reply}}" }),
        node("send-regular", "send_message", { body: "Regular" }),
        node("send-bye", "send_message", { body: "Bye" }),
        node("send-late", "send_message", { body: "No answer?" }),
      ],
      edges: [
        edge("start", "welcome"),
        edge("welcome", "pause"),
        edge("pause", "ask"),
        edge("ask", "answer"),
        edge("answer", "vip", "said-yes"),
        edge("answer", "send-bye", "said-no"),
        edge("answer", "send-late", "timeout"),
        edge("vip", "is-vip"),
        edge("is-vip", "send-vip", "yes"),
        edge("is-vip", "send-regular", "no"),
      ],
    });

    await text(phone(101), "JOIN");
    await text(phone(102), "hello");
    const aliceRun = await waitUntil(() => runOf(workflowId, alice!), 15_000, "Alice's run");
    const bobRun = await waitUntil(() => runOf(workflowId, bob!), 15_000, "Bob's run");
    await waitUntil(async () => (await db.workflowRun.findUniqueOrThrow({ where: { id: aliceRun.id } })).waiting === "reply", 20_000, "Alice's run to wait for her reply");
    await text(phone(101), "Yes!");

    const aliceDone = await ended(aliceRun.id);
    expect(aliceDone).toMatchObject({ status: "COMPLETED", endReason: "completed", nodeId: "send-vip" });
    expect(await path(aliceRun.id)).toEqual(["start:next", "welcome:next", "pause:next", "ask:next", "answer:said-yes", "vip:next", "is-vip:yes", "send-vip:next"]);
    expect(await textsTo(alice!)).toEqual(["Welcome Alice! You said JOIN", "Want deals? Reply YES or NO", "VIP: you said Yes!"]);
    const aliceContact = await db.contact.findUniqueOrThrow({ where: { id: alice! } });
    expect(aliceContact.tags).toContain("vip");
    expect(aliceContact.lastName).toBe("Yes!");
    const answer = await db.workflowRunStep.findFirstOrThrow({ where: { runId: aliceRun.id, nodeId: "answer" } });
    expect(answer.detail).toMatchObject({ reply: "Yes!", messageId: expect.stringMatching(/^msg_/) });
    expect(await db.message.count({ where: { contactId: alice!, direction: "OUTBOUND", source: "workflow" } })).toBe(3);

    const bobDone = await ended(bobRun.id);
    expect(bobDone.status).toBe("COMPLETED");
    expect(await path(bobRun.id)).toEqual(["start:next", "welcome:next", "pause:next", "ask:next", "answer:timeout", "send-late:next"]);
    expect(await textsTo(bob!)).toEqual(["Welcome Bob! You said hello", "Want deals? Reply YES or NO", "No answer?"]);
    // Alice's reply was an inbound text too, but her run was active (re-entry one at a time): one run each.
    expect(await db.workflowRun.count({ where: { workflowId, contactId: alice!, startedAt: { lt: aliceDone.endedAt! } } })).toBe(1);
  });

  it("exits every active run of a contact who texts STOP", { timeout: 60_000 }, async () => {
    const [carol] = await seedContacts(db, ctx, [{ phone: phone(103), firstName: "Carol" }]);
    const wait = { nodes: [trigger({ kind: "manual" }), node("wait", "wait_for_reply", { timeout: { amount: 1, unit: "days" }, branches: [], saveTo: null })], edges: [edge("start", "wait")] };
    const one = await publishWorkflow(db, ctx, "Waits one", wait);
    const two = await publishWorkflow(db, ctx, "Waits two", wait);
    const runs = [
      ...(await enrollContacts(ctx, { workflowId: one.workflowId, contacts: { ids: [carol!] }, trigger: { kind: "manual", data: {} } })).runIds,
      ...(await enrollContacts(ctx, { workflowId: two.workflowId, contacts: { ids: [carol!] }, trigger: { kind: "manual", data: {} } })).runIds,
    ];
    expect(runs).toHaveLength(2);
    // Make the job's reply wait long enough to be sure the STOP, not the timeout, ends them.
    await waitUntil(async () => (await db.workflowRun.count({ where: { id: { in: runs }, waiting: "reply" } })) === 2, 15_000, "both waiting");
    await text(phone(103), "STOP");
    for (const runId of runs) {
      const run = await ended(runId);
      expect(run).toMatchObject({ status: "EXITED", endReason: "opted out" });
    }
    // Their executions, waiting for a reply for a day, end too: the STOP is the reply they wait for
    // (it finds the run ended), or workflows/run.ended cancels them, whichever comes first.
    await waitUntil(async () => {
      const executions = (await h.runs("run-workflow")).filter((r) => runs.includes(String(r.events[0]?.data.runId)));
      return executions.length === 2 && executions.every((r) => r.status === "CANCELLED" || r.status === "COMPLETED");
    }, 15_000, "both executions ended");
  });

  it("holds a send outside quiet hours until the window opens in the contact's zone", { timeout: 60_000 }, async () => {
    const zone = zoneAsleepNow();
    const [dave] = await seedContacts(db, ctx, [{ phone: phone(104), firstName: "Dave", timeZone: zone }]);
    const { workflowId } = await publishWorkflow(
      db,
      ctx,
      "Night",
      {
        nodes: [trigger({ kind: "manual" }), node("hello", "send_message", { body: "Good morning" }), node("after", "tag", { op: "add", tag: "greeted" })],
        edges: [edge("start", "hello"), edge("hello", "after")],
      },
      { quietHours: true },
    );
    const { runIds } = await enrollContacts(ctx, { workflowId, contacts: { ids: [dave!] }, trigger: { kind: "manual", data: {} } });
    // The run holds with its text (the test cap makes the hold 2.5 s), so what follows counts from the send.
    const held = await waitUntil(async () => {
      const r = await db.workflowRun.findUniqueOrThrow({ where: { id: runIds[0]! } });
      return r.waiting === "quiet" && r;
    }, 15_000, "the run held for quiet hours");
    expect(held.nodeId).toBe("after");
    const run = await ended(runIds[0]!);
    expect(run.status).toBe("COMPLETED");
    const message = await db.message.findFirstOrThrow({ where: { contactId: dave! } });
    expect(message.status).toBe("SCHEDULED");
    const hour = Number(new Intl.DateTimeFormat("en-US", { timeZone: zone, hour: "numeric", hourCycle: "h23" }).format(message.sendAt!));
    expect(hour).toBe(8);
    expect(message.sendAt!.getTime()).toBeGreaterThan(Date.now());
    const step = await db.workflowRunStep.findFirstOrThrow({ where: { runId: run.id, nodeId: "hello" } });
    expect(step.detail).toMatchObject({ messageId: message.id, heldUntil: message.sendAt!.toISOString() });
    const after = await db.workflowRunStep.findFirstOrThrow({ where: { runId: run.id, nodeId: "after" } });
    expect(after.enteredAt.getTime() - step.leftAt!.getTime()).toBeGreaterThanOrEqual(2_000);
  });

  it("takes a webhook's failure branch on a 500 and its success branch on a 200, signed with the org's secret", { timeout: 60_000 }, async () => {
    const received: { headers: http.IncomingHttpHeaders; body: string }[] = [];
    let answer = 500;
    const server = http.createServer((req, res) => {
      const chunks: Buffer[] = [];
      req.on("data", (c: Buffer) => chunks.push(c));
      req.on("end", () => {
        received.push({ headers: req.headers, body: Buffer.concat(chunks).toString() });
        res.writeHead(answer).end();
      });
    });
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    afterAll(() => new Promise((resolve) => server.close(resolve)));
    const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/hook`;
    const [erin] = await seedContacts(db, ctx, [{ phone: phone(105), firstName: "Erin" }]);
    const { workflowId } = await publishWorkflow(
      db,
      ctx,
      "Hook",
      {
        nodes: [trigger({ kind: "manual" }), node("hook", "webhook", { url }), node("ok", "tag", { op: "add", tag: "hook-ok" }), node("bad", "tag", { op: "add", tag: "hook-bad" })],
        edges: [edge("start", "hook"), edge("hook", "ok", "success"), edge("hook", "bad", "failure")],
      },
      { reentry: "always" },
    );
    const first = (await enrollContacts(ctx, { workflowId, contacts: { ids: [erin!] }, trigger: { kind: "manual", data: { note: "one" } } })).runIds[0]!;
    expect(await path((await ended(first)).id)).toEqual(["start:next", "hook:failure", "bad:next"]);
    const failed = await db.workflowRunStep.findFirstOrThrow({ where: { runId: first, nodeId: "hook" } });
    expect(failed.detail).toMatchObject({ status: 500 });

    answer = 200;
    const second = (await enrollContacts(ctx, { workflowId, contacts: { ids: [erin!] }, trigger: { kind: "manual", data: { note: "two" } } })).runIds[0]!;
    expect(await path((await ended(second)).id)).toEqual(["start:next", "hook:success", "ok:next"]);
    const last = received.at(-1)!;
    const json = JSON.parse(last.body);
    expect(json).toMatchObject({ workflow: { id: workflowId, name: "Hook" }, run: { id: second }, contact: { id: erin, first_name: "Erin" }, trigger: { kind: "manual", data: { note: "two" } } });
    const { workflowWebhookSecret } = (await db.organization.findUniqueOrThrow({ where: { id: ctx.orgId } })) as unknown as { workflowWebhookSecret: string };
    const expected = signatureHeaders(workflowWebhookSecret, String(last.headers["webhook-id"]), Number(last.headers["webhook-timestamp"]), last.body);
    expect(last.headers["webhook-signature"]).toBe(expected["webhook-signature"]);
  });

  it("takes a reply that came before the wait was registered (on its timeout)", { timeout: 60_000 }, async () => {
    const [fred] = await seedContacts(db, ctx, [{ phone: phone(106) }]);
    const { workflowId } = await publishWorkflow(db, ctx, "Early", {
      nodes: [
        trigger({ kind: "manual" }),
        node("wait", "wait_for_reply", { timeout: { amount: 1, unit: "hours" }, branches: [{ id: "y", label: "Yes", test: { kind: "yes" } }], saveTo: null }),
        node("yes", "tag", { op: "add", tag: "early-yes" }),
      ],
      edges: [edge("start", "wait"), edge("wait", "yes", "y")],
    });
    earlyReplies.set(fred!, phone(106));
    const runId = (await enrollContacts(ctx, { workflowId, contacts: { ids: [fred!] }, trigger: { kind: "manual", data: {} } })).runIds[0]!;
    const done = await ended(runId);
    expect(done.status).toBe("COMPLETED");
    expect(await path(runId)).toEqual(["start:next", "wait:y", "yes:next"]);
  });
});
