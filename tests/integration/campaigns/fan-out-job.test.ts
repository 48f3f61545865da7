// A campaign through the real executor and SDK, as `npm start` runs it: scheduled, started at its
// time, fanned out in chunks by the fan-out function while the dispatcher sends through the
// simulator, completed with its webhook. A chunk's step dies once after its commit (retried by the
// executor) and a second executor polls the same queue: every recipient still gets one message.
import { describe, expect, it } from "vitest";
import { setupAppHarness, waitUntil } from "../jobs/harness";

const h = await setupAppHarness();
// Imported only now: the app's Inngest client and db read the environment when they are made.
const { functions } = await import("@/lib/jobs/functions");
const { makeFanOutCampaignJob } = await import("@/lib/jobs/fan-out-campaign");
const { createCampaign, getCampaign } = await import("@/lib/campaigns/manage-campaigns");
const { scheduleCampaign } = await import("@/lib/campaigns/schedule-campaign");
const { createEndpoint } = await import("@/lib/webhooks/manage-endpoints");
const { campaignOrg, makeList, phone, seedContacts } = await import("./campaign-helpers");

let crashed = false;
await h.serve([
  ...functions.filter((f) => f.id() !== "fan-out-campaign"),
  makeFanOutCampaignJob({
    maxChunk: 7,
    settleEvery: "1s",
    afterChunk: (chunk) => {
      if (chunk === 1 && !crashed) {
        crashed = true;
        throw new Error("killed after commit");
      }
    },
  }),
]);
await h.startExecutor();
const db = h.database.db;

describe("a campaign through the job runner", () => {
  it("starts at its time, sends every recipient one message through the simulator, and completes", { timeout: 120_000 }, async () => {
    const { ctx, sender } = await campaignOrg(db);
    await db.carrierConnection.update({ where: { id: sender.connectionId }, data: { config: { deliveryDelayMs: 50, undeliveredRate: 0, failedRate: 0 } } });
    const list = await makeList(db, ctx, "Everyone");
    const count = 40;
    await seedContacts(db, ctx, Array.from({ length: count }, (_, i) => ({ phone: phone(200 + i), firstName: `P${i}`, lists: [list.id] })));
    const endpoint = await createEndpoint(ctx, { url: "http://127.0.0.1:9/hooks", eventTypes: ["campaign.completed"] });
    const campaign = await createCampaign(ctx, {
      name: "Through the runner",
      body: "Hi {{first_name}}",
      audience: { include: { listIds: [list.id], segmentIds: [] } },
      senderIds: [sender.id],
    });
    // At the next whole minute (wall times are to the minute), in UTC: the run sleeps until then.
    const next = new Date(Math.ceil((Date.now() + 2_000) / 60_000) * 60_000);
    const scheduled = await scheduleCampaign(ctx, { id: campaign.id, schedule: { kind: "at", localTime: next.toISOString().slice(0, 16), zone: "UTC" } });
    expect(scheduled.startAt).toEqual(next);
    expect(scheduled.status).toBe("SCHEDULED");
    await waitUntil(async () => (await getCampaign(ctx, { id: campaign.id })).status !== "SCHEDULED", 90_000, "the start");
    const done = await waitUntil(async () => {
      const c = await getCampaign(ctx, { id: campaign.id });
      return c.status === "COMPLETED" && c;
    }, 60_000, "completion");
    expect(done.startedAt!.getTime()).toBeGreaterThanOrEqual(scheduled.startAt!.getTime());
    expect(crashed).toBe(true);
    const perContact = await h.database.sql<{ n: number }>(`SELECT count(*)::int AS n FROM "Message" WHERE "campaignId" = $1 GROUP BY "contactId"`, [campaign.id]);
    expect(perContact).toHaveLength(count);
    expect(perContact.every((r) => r.n === 1)).toBe(true);
    expect(await db.message.count({ where: { campaignId: campaign.id, status: "DELIVERED" } })).toBe(count);
    expect(await db.webhookDelivery.count({ where: { endpointId: endpoint.id, eventType: "campaign.completed" } })).toBe(1);
  });
});
