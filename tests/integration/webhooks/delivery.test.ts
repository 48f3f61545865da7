// Webhook delivery through the real job executor and the real SDK, to a receiver on 127.0.0.1
// (allowed by WEBHOOK_ALLOW_PRIVATE, as a self-hoster would for a local service). Signatures are
// checked with the `standardwebhooks` package, as a receiver would. The deliverer is served with a
// short retry schedule and a low auto-disable threshold so the whole schedule runs in seconds.
import { Webhook } from "standardwebhooks";
import { beforeAll, describe, expect, it } from "vitest";
import type { OrgContext } from "@/lib/org-context";
import { setupAppHarness, waitUntil } from "../jobs/harness";
import { startReceiver, type Received } from "./receiver";

process.env.WEBHOOK_ALLOW_PRIVATE = "true";
const h = await setupAppHarness();
// Imported only now: the app's Inngest client reads INNGEST_DEV when it is made.
const { functions } = await import("@/lib/jobs/functions");
const { deliverWebhooksJob, makeDeliverWebhooksJob } = await import("@/lib/jobs/deliver-webhooks");
const { createOrgWithOwner, orgContextFor } = await import("../helpers/factories");
const { sendMessages } = await import("@/lib/messaging/send-messages");
const { createEndpoint, updateEndpoint } = await import("@/lib/webhooks/manage-endpoints");
const { enqueueWebhookEvents } = await import("@/lib/webhooks/enqueue-webhook-events");
const { replayDelivery, sendTestEvent } = await import("@/lib/webhooks/replay-delivery");
const { getDelivery } = await import("@/lib/webhooks/list-deliveries");
const { RESPONSE_KEEP_BYTES } = await import("@/lib/webhooks/post-webhook");

const RETRY_DELAYS_MS = [300, 600];
const DISABLE_AFTER = 3;
await h.serve([...functions.filter((f) => f !== deliverWebhooksJob), makeDeliverWebhooksJob({ retryDelaysMs: RETRY_DELAYS_MS, disableAfterFailures: DISABLE_AFTER })]);
const db = h.database.db;


let ctx: OrgContext;
beforeAll(async () => {
  const { org, owner } = await createOrgWithOwner(db);
  ctx = await orgContextFor(db, owner, org.id);
});

const verified = (secret: string, r: Received) => new Webhook(secret).verify(r.body, r.headers) as Received["json"];

/** Events straight into the outbox, as the pipeline's transactions write them (announced as they commit). */
async function emit(events: { type: "message.sent" | "message.delivered"; subjectId: string }[]) {
  await db.$transaction((tx) =>
    enqueueWebhookEvents(tx, events.map((e, i) => ({ orgId: ctx.orgId, ...e, occurredAt: new Date(Date.now() + i), data: { id: e.subjectId, seq: i } }))),
  );
}

describe("webhook delivery", { timeout: 150_000 }, () => {
  it("sends a message's events from the pipeline, signed, and logs each attempt", async () => {
    const receiver = await startReceiver();
    const endpoint = await createEndpoint(ctx, { url: receiver.url, eventTypes: ["message.queued", "message.sent", "message.delivered"] });
    const sender = await db.senderNumber.findFirstOrThrow({ where: { orgId: ctx.orgId } });
    await db.carrierConnection.update({ where: { id: sender.connectionId }, data: { config: { deliveryDelayMs: 50, undeliveredRate: 0, failedRate: 0 } } });
    const [result] = await sendMessages(ctx, [{ to: "+13035550100", body: "Your order shipped" }], "api");
    if (!result!.ok) throw result!.error;
    const id = result!.message.id;

    // queued is announced by the send; sent and delivered at the latest by the webhook sweeper (every minute).
    await waitUntil(async () => receiver.requests.length >= 3, 140_000, "three events");
    const events = receiver.requests.map((r) => verified(endpoint.secret, r));
    expect(events.map((e) => [e.type, e.data.id, e.data.status])).toEqual([
      ["message.queued", id, "queued"],
      ["message.sent", id, "sent"],
      ["message.delivered", id, "delivered"],
    ]);
    expect(new Set(receiver.requests.map((r) => r.headers["webhook-id"])).size).toBe(3);
    expect(events[2]!.data).toMatchObject({ object: "message", to: "+13035550100", body: "Your order shipped", direction: "outbound" });

    // The log is written once the round's requests are answered.
    const deliveries = await waitUntil(async () => {
      const rows = await db.webhookDelivery.findMany({ where: { endpointId: endpoint.id }, include: { attemptLog: true }, orderBy: { id: "asc" } });
      return rows.every((d) => d.status !== "PENDING") && rows;
    });
    expect(deliveries.map((d) => [d.eventType, d.status, d.attempts, d.orderingKey])).toEqual([
      ["message.queued", "SUCCEEDED", 1, id],
      ["message.sent", "SUCCEEDED", 1, id],
      ["message.delivered", "SUCCEEDED", 1, id],
    ]);
    for (const d of deliveries) {
      expect(d.attemptLog).toHaveLength(1);
      expect(d.attemptLog[0]).toMatchObject({ attempt: 1, responseStatus: 200, responseBody: "ok", error: null });
      expect(JSON.parse(d.attemptLog[0]!.requestBody)).toEqual(d.payload);
    }
    await updateEndpoint(ctx, { id: endpoint.id, enabled: false });
  });

  it("keeps a message's events in order when the first fails and is retried, without holding up other messages", async () => {
    const receiver = await startReceiver();
    const endpoint = await createEndpoint(ctx, { url: receiver.url, eventTypes: ["message.sent", "message.delivered"] });
    let failedOnce = false;
    receiver.respond = (r) => {
      if (r.json.data.id === "msg_a" && r.json.type === "message.sent" && !failedOnce) {
        failedOnce = true;
        return 503;
      }
      return 200;
    };
    await emit([
      { type: "message.sent", subjectId: "msg_a" },
      { type: "message.delivered", subjectId: "msg_a" },
      { type: "message.sent", subjectId: "msg_b" },
    ]);
    await waitUntil(async () => receiver.requests.length >= 4, 30_000, "four requests");
    const seen = receiver.requests.map((r) => `${r.json.data.id} ${r.json.type}`);
    expect(seen[0]).toBe("msg_a message.sent"); // refused with 503
    expect(seen.slice(1)).toEqual(["msg_b message.sent", "msg_a message.sent", "msg_a message.delivered"]);
    // The retry is the same event: same webhook-id, same body.
    expect(receiver.requests[2]!.headers["webhook-id"]).toBe(receiver.requests[0]!.headers["webhook-id"]);
    expect(receiver.requests[2]!.body).toBe(receiver.requests[0]!.body);
    for (const r of receiver.requests) verified(endpoint.secret, r);

    await waitUntil(async () => (await db.webhookDelivery.count({ where: { endpointId: endpoint.id, status: "PENDING" } })) === 0);
    const first = await db.webhookDelivery.findFirstOrThrow({ where: { endpointId: endpoint.id, orderingKey: "msg_a", eventType: "message.sent" }, include: { attemptLog: { orderBy: { attempt: "asc" } } } });
    expect(first).toMatchObject({ status: "SUCCEEDED", attempts: 2 });
    expect(first.attemptLog.map((a) => [a.attempt, a.responseStatus, a.error])).toEqual([[1, 503, "HTTP 503"], [2, 200, null]]);
    // The second attempt waited for its place in the schedule.
    expect(first.attemptLog[1]!.createdAt.getTime() - first.attemptLog[0]!.createdAt.getTime()).toBeGreaterThanOrEqual(RETRY_DELAYS_MS[0]!);
    await updateEndpoint(ctx, { id: endpoint.id, enabled: false });
  });

  it("retries on the schedule, fails for good after it, and disables an endpoint that keeps failing", async () => {
    const receiver = await startReceiver();
    receiver.respond = () => 500;
    receiver.responseBody = "x".repeat(5_000);
    const endpoint = await createEndpoint(ctx, { url: receiver.url, eventTypes: ["message.delivered"] });
    await emit([1, 2, 3].map((n) => ({ type: "message.delivered" as const, subjectId: `msg_fail_${n}` })));

    const attemptsEach = RETRY_DELAYS_MS.length + 1;
    await waitUntil(async () => (await db.webhookEndpoint.findUniqueOrThrow({ where: { id: endpoint.id } })).enabled === false, 30_000, "auto-disable");
    const deliveries = await db.webhookDelivery.findMany({ where: { endpointId: endpoint.id }, include: { attemptLog: { orderBy: { attempt: "asc" } } } });
    expect(deliveries.map((d) => [d.status, d.attempts, d.nextAttemptAt])).toEqual(Array(3).fill(["FAILED", attemptsEach, null]));
    for (const d of deliveries) {
      expect(d.attemptLog.map((a) => a.responseStatus)).toEqual(Array(attemptsEach).fill(500));
      expect(d.attemptLog[0]!.responseBody).toHaveLength(RESPONSE_KEEP_BYTES);
      RETRY_DELAYS_MS.forEach((delay, i) => {
        expect(d.attemptLog[i + 1]!.createdAt.getTime() - d.attemptLog[i]!.createdAt.getTime()).toBeGreaterThanOrEqual(delay);
      });
    }
    expect(receiver.requests).toHaveLength(3 * attemptsEach);

    const disabled = await db.webhookEndpoint.findUniqueOrThrow({ where: { id: endpoint.id } });
    expect(disabled.failureStreak).toBe(DISABLE_AFTER);
    expect(disabled.disabledReason).toMatch(/Disabled automatically .* the last 3 deliveries failed after every retry \(last error: HTTP 500\)/);
    const audit = await db.auditLog.findFirstOrThrow({ where: { orgId: ctx.orgId, targetId: endpoint.id, action: "webhook_endpoint.auto_disabled" } });
    expect(audit.actorType).toBe("SYSTEM");
    // A disabled endpoint gets no new deliveries; enabling it again clears the notice.
    await emit([{ type: "message.delivered", subjectId: "msg_after" }]);
    expect(await db.webhookDelivery.count({ where: { orderingKey: "msg_after" } })).toBe(0);
    const enabled = await updateEndpoint(ctx, { id: endpoint.id, enabled: true });
    expect(enabled).toMatchObject({ enabled: true, disabledReason: null, failureStreak: 0 });
    await updateEndpoint(ctx, { id: endpoint.id, enabled: false });
  });

  it("replays a delivery as the same event, and sends a test event", async () => {
    const receiver = await startReceiver();
    const endpoint = await createEndpoint(ctx, { url: receiver.url, eventTypes: ["message.sent"] });
    await emit([{ type: "message.sent", subjectId: "msg_replayed" }]);
    await waitUntil(async () => receiver.requests.length >= 1, 30_000, "the first delivery");
    const original = await waitUntil(() => db.webhookDelivery.findFirst({ where: { endpointId: endpoint.id, status: "SUCCEEDED" } }));

    const replay = await replayDelivery(ctx, { id: original.id });
    await waitUntil(async () => receiver.requests.length >= 2, 30_000, "the replay");
    expect(replay.id).not.toBe(original.id);
    expect(receiver.requests[1]!.headers["webhook-id"]).toBe(original.eventId);
    expect(receiver.requests[1]!.body).toBe(receiver.requests[0]!.body);
    verified(endpoint.secret, receiver.requests[1]!);
    await waitUntil(async () => (await db.webhookDelivery.findUniqueOrThrow({ where: { id: replay.id } })).status === "SUCCEEDED");
    const replayed = await getDelivery(ctx, { id: replay.id });
    expect(replayed).toMatchObject({ status: "SUCCEEDED", eventId: original.eventId, attemptCount: 1 });
    expect(replayed.attempts).toHaveLength(1);

    await sendTestEvent(ctx, { id: endpoint.id });
    await waitUntil(async () => receiver.requests.length >= 3, 30_000, "the test event");
    expect(verified(endpoint.secret, receiver.requests[2]!)).toMatchObject({ type: "webhook.test", data: { endpoint_id: endpoint.id } });
  });
});
