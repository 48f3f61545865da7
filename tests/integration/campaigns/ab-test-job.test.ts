// A test then winner through the real executor and SDK: the test share sent and delivered by the
// simulator, the run asleep until the decision time, the decision's step dying once after its
// commit (retried by the executor: one decision, one audit entry), the rest sent the winner's
// message, once each, and the campaign completed.
import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import { setupAppHarness, waitUntil } from "../jobs/harness";

const h = await setupAppHarness();
const { functions } = await import("@/lib/jobs/functions");
const { makeFanOutCampaignJob } = await import("@/lib/jobs/fan-out-campaign");
const { createCampaign, getCampaign } = await import("@/lib/campaigns/manage-campaigns");
const { scheduleCampaign } = await import("@/lib/campaigns/schedule-campaign");
const { campaignOrg, makeList, phone, seedContacts } = await import("./campaign-helpers");

let decideAttempts = 0;
await h.serve([
  ...functions.filter((f) => f.id() !== "fan-out-campaign"),
  makeFanOutCampaignJob({
    settleEvery: "1s",
    afterDecide: () => {
      decideAttempts++;
      if (decideAttempts === 1) throw new Error("killed after the decision's commit");
    },
  }),
]);
await h.startExecutor();
const db = h.database.db;

describe("a test then winner through the job runner", () => {
  it("sends the share, waits, picks the winner from its clicks once, sends the rest its message and completes", { timeout: 240_000 }, async () => {
    const { ctx, sender } = await campaignOrg(db);
    await db.senderNumber.update({ where: { id: sender.id }, data: { throughput: 200 } });
    await db.carrierConnection.update({ where: { id: sender.connectionId }, data: { config: { deliveryDelayMs: 20, undeliveredRate: 0, failedRate: 0 } } });
    const list = await makeList(db, ctx, "Everyone");
    const count = 400;
    await seedContacts(db, ctx, Array.from({ length: count }, (_, i) => ({ phone: phone(2000 + i), firstName: `P${i}`, lists: [list.id] })));
    const campaign = await createCampaign(ctx, {
      name: "A/B through the runner",
      audience: { include: { listIds: [list.id], segmentIds: [] } },
      senderIds: [sender.id],
      appendOptOut: "off",
      variants: [{ body: "A {{first_name}}", mediaIds: [] }, { body: "B {{first_name}}", mediaIds: [] }],
      abTest: { mode: "winner", sharePercent: 50, waitMinutes: 1, metric: "clicks" },
    });
    await scheduleCampaign(ctx, { id: campaign.id });

    // The share (100 a variant) delivered; nothing of the rest made before the decision.
    await waitUntil(async () => (await db.message.count({ where: { campaignId: campaign.id, status: "DELIVERED" } })) === 200, 60_000, "the test share delivered");
    const { decideAt } = await getCampaign(ctx, { id: campaign.id });
    expect(decideAt!.getTime()).toBeGreaterThan(Date.now());
    const clicked = await db.campaignRecipient.findMany({ where: { campaignId: campaign.id, variant: 1 }, take: 12 });
    for (const r of clicked) {
      const linkId = `lnk_${randomUUID()}`;
      await db.shortLink.create({ data: { id: linkId, orgId: ctx.orgId, code: linkId.slice(-12), url: "https://example.com", messageId: r.messageId, contactId: r.contactId, campaignId: campaign.id } });
      await db.linkClick.create({ data: { id: `clk_${randomUUID()}`, orgId: ctx.orgId, linkId, messageId: r.messageId, contactId: r.contactId, campaignId: campaign.id } });
    }
    expect(await db.message.count({ where: { campaignId: campaign.id } })).toBe(200);

    const done = await waitUntil(async () => {
      const c = await getCampaign(ctx, { id: campaign.id });
      return c.status === "COMPLETED" && c;
    }, 150_000, "completion");
    expect(done.winnerVariant).toBe(1);
    expect(done.decidedAt!.getTime()).toBeGreaterThanOrEqual(decideAt!.getTime());
    expect(done.decision!.explanation).toMatch(/^B has the highest click rate\. B: 12\.0% click rate, 12 of 100 delivered; A: 0\.0% click rate, 0 of 100 delivered\./);
    expect(decideAttempts).toBeGreaterThanOrEqual(2);
    expect(await db.auditLog.count({ where: { targetId: campaign.id, action: "campaign.winner_picked" } })).toBe(1);
    const perContact = await h.database.sql<{ n: number }>(`SELECT count(*)::int AS n FROM "Message" WHERE "campaignId" = $1 GROUP BY "contactId"`, [campaign.id]);
    expect(perContact).toHaveLength(count);
    expect(perContact.every((r) => r.n === 1)).toBe(true);
    const rest = await h.database.sql<{ body: string }>(
      `SELECT m.body FROM "CampaignRecipient" r JOIN "Message" m ON m.id = r."messageId" WHERE r."campaignId" = $1 AND r.variant IS NULL`,
      [campaign.id],
    );
    expect(rest).toHaveLength(200);
    expect(rest.every((m) => m.body.startsWith("B "))).toBe(true);
  });
});
