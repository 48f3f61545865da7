// A kill -9 of the executor mid-fan-out. The executor runs as its own process, as `npm start` runs it,
// on the port the app's client sends to; it is killed once part of the campaign's messages are made,
// and a new one is started on the same port and database. Every recipient still gets exactly one
// message, delivered, and the campaign completes. (bench:campaign kills the app with it at 1M.)
import { afterAll, describe, expect, it } from "vitest";
import { stopProcess } from "../../../scripts/run";
import { setupAppHarness, spawnExecutor, waitUntil } from "../jobs/harness";

const h = await setupAppHarness();
// The harness's executor makes way for a process of its own on its port, where the app sends.
const port = Number(new URL(h.executor.url).port);
await h.executor.stop();
let executor = await spawnExecutor(h.executorDbUrl, port);
afterAll(() => stopProcess(executor.child, "SIGTERM"));

const { functions } = await import("@/lib/jobs/functions");
const { makeFanOutCampaignJob } = await import("@/lib/jobs/fan-out-campaign");
const { createCampaign, getCampaign } = await import("@/lib/campaigns/manage-campaigns");
const { scheduleCampaign } = await import("@/lib/campaigns/schedule-campaign");
const { campaignOrg, makeList, phone, seedContacts } = await import("./campaign-helpers");

await h.serve([...functions.filter((f) => f.id() !== "fan-out-campaign"), makeFanOutCampaignJob({ maxChunk: 4, stepBudgetMs: 0, settleEvery: "1s" })]); // a chunk a step: the kill comes mid-fan-out
const db = h.database.db;

describe("kill -9 of the executor mid-fan-out", () => {
  it("leaves every recipient one message, and a new executor finishes the campaign", { timeout: 150_000 }, async () => {
    const { ctx, sender } = await campaignOrg(db);
    await db.carrierConnection.update({ where: { id: sender.connectionId }, data: { config: { deliveryDelayMs: 20, undeliveredRate: 0, failedRate: 0 } } });
    const list = await makeList(db, ctx, "Everyone");
    const count = 120;
    await seedContacts(db, ctx, Array.from({ length: count }, (_, i) => ({ phone: phone(400 + i), firstName: `P${i}`, lists: [list.id] })));
    const campaign = await createCampaign(ctx, {
      name: "Through a crash",
      body: "Hi {{first_name}}",
      audience: { include: { listIds: [list.id], segmentIds: [] } },
      senderIds: [sender.id],
      appendOptOut: "off",
    });
    await scheduleCampaign(ctx, { id: campaign.id });

    const made = () => db.message.count({ where: { campaignId: campaign.id } });
    const before = await waitUntil(async () => {
      const n = await made();
      return n >= 24 && n;
    }, 60_000, "a fifth of the messages made");
    executor.child.kill("SIGKILL");
    await stopProcess(executor.child, "SIGKILL");
    const atKill = await made();
    expect(before).toBeLessThan(count);
    expect(atKill).toBeLessThan(count); // the rest is the new executor's work

    executor = await spawnExecutor(h.executorDbUrl, port);
    const done = await waitUntil(async () => {
      const c = await getCampaign(ctx, { id: campaign.id });
      return c.status === "COMPLETED" && c;
    }, 120_000, "completion after the restart");
    expect(done.recipients).toBe(count);
    const perContact = await h.database.sql<{ n: number }>(`SELECT count(*)::int AS n FROM "Message" WHERE "campaignId" = $1 GROUP BY "contactId"`, [campaign.id]);
    expect(perContact).toHaveLength(count);
    expect(perContact.every((r) => r.n === 1)).toBe(true);
    expect(await db.message.count({ where: { campaignId: campaign.id, status: "DELIVERED" } })).toBe(count);
    // Each recipient linked to its one message.
    expect(await db.campaignRecipient.count({ where: { campaignId: campaign.id, messageId: null } })).toBe(0);
  });
});
