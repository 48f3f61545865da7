// The opt-out language "offered for the first marketing text": a campaign set to "first" gives it
// to the recipients the org never got a marketing text to (a failed one does not count), decided
// once at the start and recorded on each recipient; the plan counts the longer bodies. And the
// plan's finish through quiet hours: recipients whose window is closed now finish when it opens.
import { beforeAll, describe, expect, it } from "vitest";
import { fanOutChunk } from "@/lib/campaigns/fan-out-chunk";
import { createCampaign } from "@/lib/campaigns/manage-campaigns";
import { planCampaign } from "@/lib/campaigns/plan-campaign";
import { scheduleCampaign } from "@/lib/campaigns/schedule-campaign";
import { startCampaign } from "@/lib/campaigns/start-campaign";
import { newId } from "@/lib/ids";
import type { OrgContext } from "@/lib/org-context";
import { DEFAULT_OPT_OUT_LANGUAGE } from "@/lib/orgs/sending-rules-input";
import { DEFAULT_WINDOW, isInside, nextOpening } from "@/lib/sms/quiet-hours";
import { setupTestDatabase } from "../helpers/db";
import { campaignOrg, makeList, phone, seedContacts } from "./campaign-helpers";

const { db } = await setupTestDatabase();

let ctx: OrgContext;
let sender: { id: string; address: string; throughput: number };

beforeAll(async () => {
  const org = await campaignOrg(db);
  ctx = org.ctx;
  sender = org.sender;
});

async function texted(contactId: string, to: string, status: "DELIVERED" | "FAILED", marketing = true) {
  const at = new Date(Date.now() - 48 * 3_600_000);
  await db.message.create({
    data: {
      id: newId("message", at), orgId: ctx.orgId, direction: "OUTBOUND", status, senderId: sender.id, contactId, from: sender.address, to,
      body: "Earlier", encoding: "GSM-7", segments: 1, marketing, createdAt: at, sentAt: at,
    },
  });
}

async function campaignTo(listId: string, appendOptOut: "off" | "first" | "every", body: string) {
  return createCampaign(ctx, { name: `To ${listId}`, body, appendOptOut, audience: { include: { listIds: [listId], segmentIds: [] } }, senderIds: [sender.id] });
}

describe("opt-out language for the first marketing text", () => {
  it("goes to recipients who never had a marketing text delivered, is counted by the plan, and is sent to them only", async () => {
    const listId = (await makeList(db, ctx, "First")).id;
    const [ivy, jon, kim, lou] = await seedContacts(db, ctx, [
      { phone: phone(11), firstName: "Ivy", lists: [listId] }, // a marketing text delivered: not first
      { phone: phone(12), firstName: "Jon", lists: [listId] }, // only a failed one: first
      { phone: phone(13), firstName: "Kim", lists: [listId] }, // never texted: first
      { phone: phone(14), firstName: "Lou", lists: [listId] }, // only a transactional one: first
    ]);
    await texted(ivy!, phone(11), "DELIVERED");
    await texted(jon!, phone(12), "FAILED");
    await texted(lou!, phone(14), "DELIVERED", false);
    // 150 GSM-7 characters: one segment alone, two with the language on a line of its own.
    const body = `Hi {{first_name}}, ${"x".repeat(143)}`;
    const campaign = await campaignTo(listId, "first", body);

    const plan = await planCampaign(ctx, { id: campaign.id });
    expect(plan).toMatchObject({ recipients: 4, optOut: 3, segments: 1 + 3 * 2 });
    expect(plan.bySegments).toEqual([{ segments: 1, recipients: 1 }, { segments: 2, recipients: 3 }]);
    // The same campaign set to every recipient, or to none.
    const every = await planCampaign(ctx, { id: (await campaignTo(listId, "every", body)).id });
    expect(every).toMatchObject({ optOut: 4, segments: 8 });
    const off = await planCampaign(ctx, { id: (await campaignTo(listId, "off", body)).id });
    expect(off).toMatchObject({ optOut: 0, segments: 4 });

    await scheduleCampaign(ctx, { id: campaign.id });
    await startCampaign(ctx, campaign.id);
    const flags = await db.campaignRecipient.findMany({ where: { campaignId: campaign.id }, select: { contactId: true, optOutLanguage: true } });
    expect(Object.fromEntries(flags.map((f) => [f.contactId, f.optOutLanguage]))).toEqual({ [ivy!]: false, [jon!]: true, [kim!]: true, [lou!]: true });
    // A started campaign is planned from its recipients: the same count.
    expect(await planCampaign(ctx, { id: campaign.id })).toMatchObject({ optOut: 3, segments: 7 });

    for (;;) if ((await fanOutChunk(ctx, campaign.id, { leadSeconds: 3600 })).kind !== "created") break;
    const messages = await db.message.findMany({ where: { campaignId: campaign.id }, select: { contactId: true, body: true, segments: true } });
    const of = (id: string) => messages.find((m) => m.contactId === id)!;
    expect(of(ivy!).body).toBe(`Hi Ivy, ${"x".repeat(143)}`);
    expect(of(kim!)).toEqual({ contactId: kim, body: `Hi Kim, ${"x".repeat(143)}\n${DEFAULT_OPT_OUT_LANGUAGE}`, segments: 2 });
    expect(of(jon!).body.endsWith(`\n${DEFAULT_OPT_OUT_LANGUAGE}`)).toBe(true);
    expect(of(lou!).body.endsWith(`\n${DEFAULT_OPT_OUT_LANGUAGE}`)).toBe(true);
  });

  it("reads each contact's earlier texts by an index on (orgId, contactId), not a scan of the org's messages", async () => {
    const { optOutCondition } = await import("@/lib/campaigns/send-rules");
    await db.$executeRawUnsafe("SET enable_seqscan = off");
    try {
      const condition = optOutCondition(ctx.orgId, "first");
      const plan = await db.$queryRaw<{ "QUERY PLAN": string }[]>`EXPLAIN SELECT c.id, ${condition} FROM "Contact" c WHERE c."orgId" = ${ctx.orgId}`;
      const text = plan.map((r) => r["QUERY PLAN"]).join("\n");
      // Either partial index of outbound outcomes (migrations/20261213000000_segment_indexes) answers it.
      expect(text).toMatch(/Index (Only )?Scan using "Message_orgId_\w+_idx" on "Message" m[^\n]*\n\s+Index Cond: \(\("orgId" = '[^']+'::text\) AND \("contactId" = c\.id\)\)/);
      expect(text).not.toContain('Seq Scan on "Message"');
    } finally {
      await db.$executeRawUnsafe("RESET enable_seqscan");
    }
  });
});

describe("the plan's finish through quiet hours", () => {
  it("moves to the opening of the window for recipients in quiet hours now, and says how many", async () => {
    const now = new Date();
    const zones = ["Asia/Tokyo", "Europe/Berlin", "America/New_York", "America/Los_Angeles", "Pacific/Honolulu", "Asia/Kolkata", "Pacific/Auckland"];
    const night = zones.find((z) => !isInside(z, DEFAULT_WINDOW, now) && !isInside(z, DEFAULT_WINDOW, new Date(now.getTime() + 600_000)))!;
    const listId = (await makeList(db, ctx, "Day and night")).id;
    await seedContacts(db, ctx, [{ phone: phone(21), lists: [listId] }]);
    const awake = await planCampaign(ctx, { id: (await campaignTo(listId, "off", "Hi")).id });
    expect(awake.heldAtStart).toBe(0);
    expect(Date.parse(awake.finishAt!) - Date.parse(awake.startAt)).toBe(Math.round(1000 / sender.throughput));

    await seedContacts(db, ctx, [{ phone: phone(22), timeZone: night, lists: [listId] }]);
    const plan = await planCampaign(ctx, { id: (await campaignTo(listId, "off", "Hi")).id });
    expect(plan).toMatchObject({ recipients: 2, heldAtStart: 1, heldUntilLocal: "08:00" });
    // The night recipient goes as their window opens: 08:00 their time, the next morning.
    const opening = nextOpening(night, DEFAULT_WINDOW, new Date(plan.startAt)).getTime();
    expect(Date.parse(plan.finishAt!)).toBe(opening + Math.round(1000 / sender.throughput));
    expect(plan.senders[0]!.finishAt).toBe(plan.finishAt);
  });
});
