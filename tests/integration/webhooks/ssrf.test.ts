// The SSRF guard with WEBHOOK_ALLOW_PRIVATE unset (the default): private, loopback, link-local and
// metadata addresses are refused when an endpoint is saved, and again when a delivery connects
// (a name that resolved somewhere public at save time may resolve to the server's network later).
// Only 127.0.0.1 is ever contacted, and only to show that nothing arrives.
import { describe, expect, it } from "vitest";
import { setupTestDatabase } from "../helpers/db";
import { expectDomainError } from "../helpers/expect-error";
import { createOrgWithOwner, orgContextFor } from "../helpers/factories";
import { postWebhook } from "@/lib/webhooks/post-webhook";
import { createEndpoint, updateEndpoint } from "@/lib/webhooks/manage-endpoints";
import { deliverRound } from "@/lib/webhooks/deliver-round";
import { enqueueWebhookEvents } from "@/lib/webhooks/enqueue-webhook-events";
import { startReceiver } from "./receiver";

delete process.env.WEBHOOK_ALLOW_PRIVATE;
const { db } = await setupTestDatabase();
const { org, owner } = await createOrgWithOwner(db);
const ctx = await orgContextFor(db, owner, org.id);
const eventTypes = ["message.sent" as const];

describe("the SSRF guard", () => {
  it.each([
    "https://127.0.0.1/hooks",
    "https://localhost/hooks",
    "https://10.1.2.3/hooks",
    "https://172.20.0.1/hooks",
    "https://192.168.0.10/hooks",
    "https://169.254.169.254/latest/meta-data/",
    "https://100.64.1.1/hooks",
    "https://0.0.0.0/hooks",
    "https://[::1]/hooks",
    "https://[::ffff:127.0.0.1]/hooks",
    "https://[fd00::1]/hooks",
    "https://[fe80::1]/hooks",
    "https://2130706433/hooks", // 127.0.0.1 as one number
  ])("refuses to save %s, naming the url field", async (url) => {
    const error = await expectDomainError(createEndpoint(ctx, { url, eventTypes }), "BAD_REQUEST", "url");
    expect(error.reason).toBe("private_url");
  });

  it("refuses plain http and URLs with credentials, and saves a public https URL", async () => {
    await expectDomainError(createEndpoint(ctx, { url: "http://93.184.216.34/hooks", eventTypes }), "BAD_REQUEST", "url");
    await expectDomainError(createEndpoint(ctx, { url: "https://user:pw@93.184.216.34/hooks", eventTypes }), "BAD_REQUEST", "url");
    await expectDomainError(createEndpoint(ctx, { url: "not a url", eventTypes }), "BAD_REQUEST", "url");
    const saved = await createEndpoint(ctx, { url: "https://93.184.216.34/hooks", eventTypes });
    expect(saved.url).toBe("https://93.184.216.34/hooks");
    await expectDomainError(updateEndpoint(ctx, { id: saved.id, url: "https://[::1]/x" }), "BAD_REQUEST", "url");
  });

  it("refuses at delivery time an address the name resolves to now, and logs why", async () => {
    const receiver = await startReceiver();
    const port = new URL(receiver.url).port;
    const blocked = await postWebhook(`http://localhost:${port}/hooks`, {}, "{}");
    expect(blocked).toMatchObject({ ok: false, status: null });
    expect(blocked.error).toMatch(/localhost resolves to (127\.0\.0\.1|::1), a loopback address/);
    expect((await postWebhook(`http://127.0.0.1:${port}/hooks`, {}, "{}")).error).toMatch(/loopback/);
    expect((await postWebhook(`http://[::ffff:7f00:1]:${port}/hooks`, {}, "{}")).error).toMatch(/loopback/);

    // Saved while its name was public; by delivery time it points at this machine.
    const endpoint = await createEndpoint(ctx, { url: "https://93.184.216.34/rebound", eventTypes });
    await db.webhookEndpoint.update({ where: { id: endpoint.id }, data: { url: `http://localhost:${port}/hooks` } });
    await db.$transaction((tx) => enqueueWebhookEvents(tx, [{ orgId: org.id, type: "message.sent", subjectId: "msg_x", occurredAt: new Date(), data: {} }]));
    const round = await deliverRound(db, endpoint.id, { retryDelaysMs: [1_000] });
    expect(round).toMatchObject({ attempted: 1, succeeded: 0 });
    const attempt = await db.webhookAttempt.findFirstOrThrow({ where: { delivery: { endpointId: endpoint.id } } });
    expect(attempt).toMatchObject({ responseStatus: null, error: expect.stringMatching(/loopback address/) });
    expect(receiver.requests).toEqual([]);
  });

  it("writes nothing for an org without endpoints", async () => {
    const { org: empty } = await createOrgWithOwner(db);
    const before = await db.webhookDelivery.count();
    await db.$transaction((tx) =>
      enqueueWebhookEvents(tx, [{ orgId: empty.id, type: "message.delivered", subjectId: "msg_y", occurredAt: new Date(), data: { id: "msg_y" } }]),
    );
    await db.$transaction((tx) => enqueueWebhookEvents(tx, []));
    expect(await db.webhookDelivery.count()).toBe(before);
  });
});
