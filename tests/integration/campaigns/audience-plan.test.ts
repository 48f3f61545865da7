// A campaign's audience and plan on fixtures: lists and segments unioned, exclusions, one recipient
// per contact (the duplicates counted), skip reasons, sticky senders in a pool, the plan's segments
// and cost with merge fields applied, the UCS-2 share and its characters, and local-time send times.
import { beforeAll, describe, expect, it } from "vitest";
import { createCampaign, getCampaign } from "@/lib/campaigns/manage-campaigns";
import { planCampaign } from "@/lib/campaigns/plan-campaign";
import { scheduleCampaign } from "@/lib/campaigns/schedule-campaign";
import { startCampaign } from "@/lib/campaigns/start-campaign";
import { exportSkipped } from "@/lib/campaigns/export-skipped";
import { createCustomField } from "@/lib/custom-fields/manage-custom-fields";
import { createSegment } from "@/lib/segments/manage-segments";
import type { OrgContext } from "@/lib/org-context";
import { setupTestDatabase } from "../helpers/db";
import { expectDomainError } from "../helpers/expect-error";
import { campaignOrg, makeList, moreSenders, phone, seedContacts } from "./campaign-helpers";

const { db } = await setupTestDatabase();

let ctx: OrgContext;
let senderId: string;
let ids: string[];
let lists: { a: string; b: string; vip: string; blocked: string };
let segmentId: string;

beforeAll(async () => {
  const org = await campaignOrg(db);
  ctx = org.ctx;
  senderId = org.sender.id;
  const [a, b, vip, blocked] = await Promise.all(["A", "B", "VIP", "Blocked"].map((n) => makeList(db, ctx, n)));
  lists = { a: a!.id, b: b!.id, vip: vip!.id, blocked: blocked!.id };
  await createCustomField(ctx, { key: "points", label: "Points", type: "NUMBER" });
  ids = await seedContacts(db, ctx, [
    { phone: phone(1), firstName: "Ann", customFields: { points: 5 }, lists: [lists.a] },
    { phone: phone(2), firstName: "Bob", customFields: { points: 120 }, lists: [lists.a, lists.b] }, // in two lists: one message
    { phone: phone(3), firstName: "Zoë", lists: [lists.b] }, // ë is not GSM-7 (é is): UCS-2
    { phone: phone(4), firstName: "Chloé’s", lists: [lists.b] }, // ’ forces UCS-2
    { phone: phone(5), firstName: "Dan", lists: [lists.a], optedOut: true },
    { phone: "12345", firstName: "Eve", lists: [lists.a] }, // not E.164
    { phone: phone(7), firstName: "Fay", lists: [lists.a, lists.blocked] }, // excluded by list
    { phone: phone(8), firstName: "Gus", lists: [] }, // in the segment only
    { phone: phone(9), firstName: "Hal", lists: [lists.vip] }, // in the segment and excluded by it? no: VIP is included by segment
  ]);
  segmentId = (await createSegment(ctx, {
    name: "Gus or VIP",
    definition: { root: { type: "group", match: "any", rules: [
      { type: "condition", field: "firstName", operator: "is", value: "Gus" },
      { type: "condition", field: "lists", operator: "in", value: [lists.vip] },
    ] } },
  })).id;
});

const draft = (overrides: Record<string, unknown> = {}) =>
  createCampaign(ctx, {
    name: "Spring",
    body: "Hi {{first_name|there}}, you have {{custom.points|0}} points",
    audience: { include: { listIds: [lists.a, lists.b], segmentIds: [segmentId] }, exclude: { listIds: [lists.blocked], segmentIds: [] } },
    senderIds: [senderId],
    // Its segments arithmetic is the merge fields'; the opt-out language's is first-text.test.ts's.
    appendOptOut: "off",
    ...overrides,
  });

describe("a campaign's audience", () => {
  it("is the union of its lists and segments minus the excluded, one row per contact, with skip reasons", async () => {
    const campaign = await draft();
    await scheduleCampaign(ctx, { id: campaign.id });
    expect(await startCampaign(ctx, campaign.id)).toEqual({ go: true });
    const rows = await db.campaignRecipient.findMany({ where: { campaignId: campaign.id } });
    const byContact = new Map(rows.map((r) => [r.contactId, r.skipReason]));
    expect(byContact).toEqual(new Map([
      [ids[0], null], [ids[1], null], [ids[2], null], [ids[3], null],
      [ids[4], "OPTED_OUT"], [ids[5], "INVALID_NUMBER"], [ids[7], null], [ids[8], null],
    ]));
    const started = await getCampaign(ctx, { id: campaign.id });
    expect(started).toMatchObject({ status: "SENDING", recipients: 6, duplicates: 1 });
    // Starting again (a retried step) adds nothing.
    expect(await startCampaign(ctx, campaign.id)).toEqual({ go: true });
    expect(await db.campaignRecipient.count({ where: { campaignId: campaign.id } })).toBe(8);
  });

  it("refuses lists, segments and senders the org does not have, and unknown merge fields, naming them", async () => {
    const refused = async (overrides: Record<string, unknown>, code: "BAD_REQUEST" | "NOT_FOUND", field: string, message: RegExp) =>
      expect((await expectDomainError(draft(overrides), code, field)).message).toMatch(message);
    await refused({ body: "Hi {{frist_name}}" }, "BAD_REQUEST", "body", /Unknown merge field \{\{frist_name\}\}/);
    await refused({ senderIds: ["snd_nope"] }, "BAD_REQUEST", "senderIds", /Sender snd_nope/);
    await refused({ audience: { include: { listIds: ["lst_nope"], segmentIds: [] } } }, "BAD_REQUEST", "audience.include.listIds.0", /List lst_nope/);
    await refused({ audience: { include: { listIds: [lists.a], segmentIds: [] }, exclude: { listIds: [], segmentIds: ["seg_nope"] } } }, "BAD_REQUEST", "audience.exclude.segmentIds.0", /Segment seg_nope/);
    await refused({ audience: { include: { listIds: [], segmentIds: [] } } }, "BAD_REQUEST", "audience.include", /at least one list or segment/);
  });

  it("gives each contact the same sender of a pool, in every campaign, and moves only a removed sender's contacts", async () => {
    const pool = [senderId, ...(await moreSenders(db, ctx, 2)).map((s) => s.id)];
    const senderOf = async (senderIds: string[]) => {
      const campaign = await draft({ senderIds });
      await scheduleCampaign(ctx, { id: campaign.id });
      await startCampaign(ctx, campaign.id);
      const rows = await db.campaignRecipient.findMany({ where: { campaignId: campaign.id } });
      return new Map(rows.map((r) => [r.contactId, r.senderId!]));
    };
    const first = await senderOf(pool);
    const again = await senderOf([...pool].reverse());
    expect(again).toEqual(first);
    expect(new Set(first.values()).size).toBeGreaterThan(1);
    const removed = pool[2]!;
    const smaller = await senderOf(pool.slice(0, 2));
    for (const [contact, sender] of first) {
      if (sender !== removed) expect(smaller.get(contact), contact).toBe(sender);
      else expect(pool.slice(0, 2)).toContain(smaller.get(contact));
    }
  });
});

describe("the plan", () => {
  it("counts recipients, skips and duplicates, and segments and cost with each recipient's merge fields", async () => {
    await db.carrierConnection.updateMany({ where: { orgId: ctx.orgId }, data: { smsPriceMicros: 7_900 } });
    const long = `{{first_name}}, ${"x".repeat(140)}`; // 142+ chars: 1 segment GSM-7 up to 160, 2 past it; UCS-2 splits at 70
    const campaign = await draft({ body: long });
    const plan = await planCampaign(ctx, { id: campaign.id });
    expect(plan).toMatchObject({ recipients: 6, skipped: { OPTED_OUT: 1, INVALID_NUMBER: 0 + 1, FREQUENCY_CAPPED: 0 }, duplicates: 1 });
    // Ann, Bob, Gus, Hal: a 3-letter name + ", " + 140 = 145 GSM-7 septets: 1 segment. Zoë and
    // Chloé’s: UCS-2, 145 and 150 units: 3 segments of 67.
    expect(plan.bySegments).toEqual([{ segments: 1, recipients: 4 }, { segments: 3, recipients: 2 }]);
    expect(plan.segments).toBe(10);
    expect(plan.costMicros).toBe(10 * 7_900);
    expect(plan.ucs2).toEqual({ recipients: 2, share: 2 / 6, characters: expect.arrayContaining(["’", "ë"]) });
    expect(plan.warning).toMatch(/^33% of recipients get 3 segments as UCS-2 because of (’ ë|ë ’)$/);
    expect(plan.senders).toEqual([expect.objectContaining({ id: senderId, recipients: 6 })]);
    // 6 messages at the sender's throughput after the start.
    const { throughput } = await db.senderNumber.findUniqueOrThrow({ where: { id: senderId } });
    expect(new Date(plan.finishAt!).getTime() - new Date(plan.startAt).getTime()).toBe(Math.round((6 / throughput) * 1000));
  });

  it("downloads the contacts skipped for a reason, before and after the start", async () => {
    const campaign = await draft();
    const read = async () => {
      const { stream } = await exportSkipped(ctx, { id: campaign.id, reason: "OPTED_OUT" });
      return new Response(stream).text();
    };
    const before = await read();
    expect(before.split("\n").filter(Boolean)).toHaveLength(2);
    expect(before).toContain(phone(5));
    await scheduleCampaign(ctx, { id: campaign.id });
    await startCampaign(ctx, campaign.id);
    expect(await read()).toBe(before);
  });

  it("plans local-time sends in each recipient's zone, never earlier than asked", async () => {
    const tomorrow = new Date(Date.now() + 2 * 86_400_000).toISOString().slice(0, 10);
    await db.contact.update({ where: { id: ids[0] }, data: { timeZone: "America/Los_Angeles" } });
    await db.contact.update({ where: { id: ids[1] }, data: { timeZone: "Not/AZone" } });
    await db.contact.update({ where: { id: ids[2] }, data: { timeZone: "America/New_York" } });
    const campaign = await draft({ schedule: { kind: "local", localTime: `${tomorrow}T10:00`, fallbackZone: "Europe/London" } });
    const scheduled = await scheduleCampaign(ctx, { id: campaign.id });
    expect(scheduled.startAt!.toISOString()).toBe(new Date(`${tomorrow}T10:00:00+14:00`).toISOString());
    await db.campaign.update({ where: { id: campaign.id }, data: { startAt: new Date(Date.now() - 1000) } });
    await startCampaign(ctx, campaign.id);
    const at = async (contactId: string) => (await db.campaignRecipient.findUniqueOrThrow({ where: { campaignId_contactId: { campaignId: campaign.id, contactId } } })).sendAt!.toISOString();
    expect(await at(ids[0]!)).toBe(new Date(`${tomorrow}T10:00:00-08:00`).toISOString());
    expect(await at(ids[1]!)).toBe(new Date(`${tomorrow}T10:00:00Z`).toISOString());
    expect(await at(ids[2]!)).toBe(new Date(`${tomorrow}T10:00:00-05:00`).toISOString());
  });
});
