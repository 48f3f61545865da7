// A campaign under the org's sending rules (lib/campaigns/send-rules.ts): its frequency cap skips
// recipients who have had their fill (the org's cap, and Florida's 3 a day where the org has none),
// each message carries its recipient's quiet-hours window for the dispatcher, and the opt-out
// language is the org's own.
import { beforeAll, describe, expect, it } from "vitest";
import { fanOutChunk } from "@/lib/campaigns/fan-out-chunk";
import { createCampaign } from "@/lib/campaigns/manage-campaigns";
import { planCampaign } from "@/lib/campaigns/plan-campaign";
import { scheduleCampaign } from "@/lib/campaigns/schedule-campaign";
import { startCampaign } from "@/lib/campaigns/start-campaign";
import { newId } from "@/lib/ids";
import type { OrgContext } from "@/lib/org-context";
import { setupTestDatabase } from "../helpers/db";
import { campaignOrg, makeList, phone, seedContacts } from "./campaign-helpers";

const { db } = await setupTestDatabase();

let ctx: OrgContext;
let sender: { id: string; address: string };
let listId: string;
let ids: string[];

/** A marketing text the contact got `hoursAgo` hours ago. */
async function textedBefore(contactId: string, to: string, hoursAgo: number) {
  const at = new Date(Date.now() - hoursAgo * 3_600_000);
  await db.message.create({
    data: {
      id: newId("message", at), orgId: ctx.orgId, direction: "OUTBOUND", status: "DELIVERED", senderId: sender.id, contactId,
      from: sender.address, to, body: "Earlier", encoding: "GSM-7", segments: 1, marketing: true, createdAt: at, sentAt: at,
    },
  });
}

beforeAll(async () => {
  const org = await campaignOrg(db);
  ctx = org.ctx;
  sender = org.sender;
  listId = (await makeList(db, ctx, "All")).id;
  ids = await seedContacts(db, ctx, [
    { phone: phone(1), firstName: "Ann", timeZone: "Asia/Tokyo", lists: [listId] }, // texted 2 h ago
    { phone: phone(2), firstName: "Bob", timeZone: "Asia/Tokyo", lists: [listId] }, // texted 30 h ago
    { phone: "+13055550101", firstName: "Cat", timeZone: null, lists: [listId] }, // Miami, Florida: texted 3 times today
    { phone: "+13055550102", firstName: "Dee", timeZone: null, lists: [listId] }, // Florida, texted twice
  ]);
  await textedBefore(ids[0]!, phone(1), 2);
  await textedBefore(ids[1]!, phone(2), 30);
  for (const h of [1, 2, 3]) await textedBefore(ids[2]!, "+13055550101", h);
  for (const h of [1, 2]) await textedBefore(ids[3]!, "+13055550102", h);
});

const campaign = (name: string) =>
  createCampaign(ctx, { name, body: "Hi {{first_name}}", appendOptOut: "every", audience: { include: { listIds: [listId], segmentIds: [] } }, senderIds: [sender.id] });

async function sendNow(name: string) {
  const c = await campaign(name);
  await scheduleCampaign(ctx, { id: c.id });
  await startCampaign(ctx, c.id);
  for (;;) if ((await fanOutChunk(ctx, c.id, { leadSeconds: 3600 })).kind !== "created") break;
  return c.id;
}

describe("a campaign under the org's sending rules", () => {
  it("with no cap of the org's own, skips only Florida's number texted 3 times today", async () => {
    const c = await campaign("No org cap");
    const plan = await planCampaign(ctx, { id: c.id });
    expect(plan.skipped.FREQUENCY_CAPPED).toBe(1);
    expect(plan.recipients).toBe(3);
  });

  it("with a cap of 1 a day, skips whoever got a marketing text in the last 24 hours", async () => {
    await db.organization.update({ where: { id: ctx.orgId }, data: { marketingCapPer24h: 1 } });
    try {
      const id = await sendNow("Capped");
      const skipped = await db.campaignRecipient.findMany({ where: { campaignId: id, skipReason: "FREQUENCY_CAPPED" }, select: { contactId: true } });
      expect(skipped.map((r) => r.contactId).sort()).toEqual([ids[0]!, ids[2]!, ids[3]!].sort());
      expect(await db.message.count({ where: { campaignId: id } })).toBe(1);
    } finally {
      await db.organization.update({ where: { id: ctx.orgId }, data: { marketingCapPer24h: null } });
    }
  });

  it("gives each message its recipient's window and the org's opt-out language", async () => {
    await db.organization.update({ where: { id: ctx.orgId }, data: { quietStart: 540, optOutLanguage: "Text STOP to quit." } });
    await db.message.deleteMany({ where: { orgId: ctx.orgId, campaignId: { not: null } } });
    await db.campaignRecipient.deleteMany({ where: { orgId: ctx.orgId } });
    const id = await sendNow("Windows");
    const messages = await db.message.findMany({ where: { campaignId: id }, select: { contactId: true, body: true, quietZone: true, quietStart: true, quietEnd: true } });
    const of = (contactId: string) => messages.find((m) => m.contactId === contactId);
    // Tokyo by the contact's own zone, the org's 09:00 start, the federal 21:00 end.
    expect(of(ids[1]!)).toMatchObject({ body: "Hi Bob\nText STOP to quit.", quietZone: "Asia/Tokyo", quietStart: 540, quietEnd: 1260 });
    // Florida by the area code: its zone, and the state's 20:00 end.
    expect(of(ids[3]!)).toMatchObject({ quietZone: "America/New_York", quietStart: 540, quietEnd: 1200 });
  });
});
