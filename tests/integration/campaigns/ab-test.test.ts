// A/B tests against a real PostgreSQL: the split is even and the same for a contact however often it
// is computed, each recipient's message is its variant's; a test then winner sends only its share
// before the decision, picks the winner from the clicks or replies recorded, sends the rest the
// winner's message once, however often the decision runs; a pause during the wait holds the rest.
import { createHash, randomUUID } from "node:crypto";
import { beforeAll, describe, expect, it } from "vitest";
import { cancelCampaign, pauseCampaign, resumeCampaign } from "@/lib/campaigns/control-campaign";
import { decideWinner } from "@/lib/campaigns/decide-winner";
import { fanOutChunk } from "@/lib/campaigns/fan-out-chunk";
import { createCampaign, getCampaign, updateCampaign } from "@/lib/campaigns/manage-campaigns";
import { scheduleCampaign } from "@/lib/campaigns/schedule-campaign";
import { overdueCampaigns } from "@/lib/campaigns/overdue-campaigns";
import { campaignStats } from "@/lib/campaigns/campaign-stats";
import { campaignRecipients } from "@/lib/campaigns/campaign-recipients";
import { planCampaign } from "@/lib/campaigns/plan-campaign";
import { startCampaign } from "@/lib/campaigns/start-campaign";
import type { AbTest, Variant } from "@/lib/campaigns/campaign-input";
import { receiveMessage } from "@/lib/messaging/receive-message";
import type { OrgContext } from "@/lib/org-context";
import { setupTestDatabase } from "../helpers/db";
import { expectDomainError } from "../helpers/expect-error";
import { campaignOrg, makeList, phone, seedContacts } from "./campaign-helpers";

const { db, sql } = await setupTestDatabase();

let ctx: OrgContext;
let sender: { id: string; address: string; connectionId: string };
let listId: string;
let smallListId: string;
const COUNT = 1000;

beforeAll(async () => {
  const org = await campaignOrg(db);
  ctx = org.ctx;
  sender = org.sender;
  listId = (await makeList(db, ctx, "Everyone")).id;
  smallListId = (await makeList(db, ctx, "A few")).id;
  await seedContacts(db, ctx, Array.from({ length: COUNT }, (_, i) => ({ phone: phone(1000 + i), firstName: `N${i}`, lists: [listId, ...(i < 150 ? [smallListId] : [])] })));
});

const variants: Variant[] = [
  { body: "A: hi {{first_name}}", mediaIds: [] },
  { body: "B: hello {{first_name}}", mediaIds: [] },
  { body: "C: hey {{first_name}}", mediaIds: [] },
];

async function started(name: string, abTest: AbTest, count = 2, list = listId) {
  const campaign = await createCampaign(ctx, {
    name,
    audience: { include: { listIds: [list], segmentIds: [] } },
    senderIds: [sender.id],
    appendOptOut: "off",
    variants: variants.slice(0, count),
    abTest,
  });
  await scheduleCampaign(ctx, { id: campaign.id });
  expect((await startCampaign(ctx, campaign.id)).go).toBe(true);
  return campaign.id;
}

async function drain(campaignId: string) {
  for (;;) {
    const outcome = await fanOutChunk(ctx, campaignId, { maxChunk: 500, leadSeconds: 3600 });
    if (outcome.kind !== "created") return outcome;
  }
}

const recipients = (campaignId: string) =>
  sql<{ contactId: string; variant: number | null; sendAt: Date | null; body: string | null; firstName: string }>(
    `SELECT r."contactId", r.variant, r."sendAt", m.body, c."firstName" FROM "CampaignRecipient" r
     JOIN "Contact" c ON c.id = r."contactId" LEFT JOIN "Message" m ON m.id = r."messageId" WHERE r."campaignId" = $1`,
    [campaignId],
  );

const messagesOf = (campaignId: string) => db.message.count({ where: { campaignId } });

/** Every message of the campaign delivered, as the carrier's receipts would make them. */
const deliverAll = (campaignId: string) => sql(`UPDATE "Message" SET status = 'DELIVERED', "deliveredAt" = now() WHERE "campaignId" = $1`, [campaignId]);

/** `human` and `bots` clicks on the messages of the first `n` recipients of a variant. */
async function click(campaignId: string, variant: number, n: number, bot = false) {
  const rows = await sql<{ messageId: string; contactId: string }>(
    `SELECT "messageId", "contactId" FROM "CampaignRecipient" WHERE "campaignId" = $1 AND variant = $2 ORDER BY "contactId" LIMIT $3`,
    [campaignId, variant, n],
  );
  for (const r of rows) {
    // The links helper's ids are not on this branch: any unique text does for the fixture.
    const linkId = `lnk_${randomUUID()}`;
    await db.shortLink.create({ data: { id: linkId, orgId: ctx.orgId, code: linkId.slice(-12), url: "https://example.com", messageId: r.messageId, contactId: r.contactId, campaignId } });
    await db.linkClick.create({ data: { id: `clk_${randomUUID()}`, orgId: ctx.orgId, linkId, messageId: r.messageId, contactId: r.contactId, campaignId, botReason: bot ? "preview" : null } });
  }
}

describe("split", () => {
  it("deals the whole audience evenly by a hash of campaign and contact, each message its variant's body", async () => {
    const id = await started("Split", { mode: "split" }, 3);
    const rows = await recipients(id);
    const counts = [0, 1, 2].map((v) => rows.filter((r) => r.variant === v).length);
    expect(counts.reduce((a, b) => a + b)).toBe(COUNT);
    expect(Math.max(...counts) - Math.min(...counts)).toBeLessThanOrEqual(1);
    // Deterministic: the contacts in the order of md5(campaign id + contact id), dealt in turn.
    const order = rows.map((r) => r.contactId).sort((a, b) => md5(id + a).localeCompare(md5(id + b)));
    expect(order.map((c) => rows.find((r) => r.contactId === c)!.variant)).toEqual(order.map((_, i) => i % 3));

    expect(await drain(id)).toEqual({ kind: "fanned-out" });
    const sent = await recipients(id);
    expect(sent.every((r) => r.body === `${"ABC"[r.variant!]}: ${["hi", "hello", "hey"][r.variant!]} ${r.firstName}`)).toBe(true);
    expect(await messagesOf(id)).toBe(COUNT);
  });
});

const md5 = (s: string) => createHash("md5").update(s).digest("hex");

describe("test then winner", () => {
  const winner: AbTest = { mode: "winner", sharePercent: 20, waitMinutes: 60, metric: "clicks" };

  it("sends only the share before the decision, picks by human clicks, then sends the rest the winner's body once", async () => {
    const id = await started("Clicks", winner);
    const rows = await recipients(id);
    expect(rows.filter((r) => r.variant === 0)).toHaveLength(100);
    expect(rows.filter((r) => r.variant === 1)).toHaveLength(100);
    const rest = rows.filter((r) => r.variant === null);
    expect(rest).toHaveLength(800);
    expect(rest.every((r) => r.sendAt === null)).toBe(true);

    expect(await drain(id)).toEqual({ kind: "fanned-out" });
    expect(await messagesOf(id)).toBe(200);
    const campaign = await getCampaign(ctx, { id });
    expect(campaign.decideAt!.getTime() - campaign.startedAt!.getTime()).toBe(60 * 60_000);
    expect(await decideWinner(ctx, id)).toEqual({ kind: "wait", until: campaign.decideAt!.toISOString() });

    await deliverAll(id);
    await click(id, 0, 10);
    await click(id, 0, 40, true); // bots: more of them on A, not counted
    await click(id, 1, 25);
    const at = new Date(campaign.decideAt!.getTime() + 1_000);
    // Twice at once and once more after: one decision, the rest released once.
    const [first, second] = await Promise.all([decideWinner(ctx, id, at), decideWinner(ctx, id, at)]);
    expect([first, second].map((d) => (d.kind === "decided" ? d.released : -1)).sort()).toEqual([0, 800]);
    expect(await decideWinner(ctx, id, at)).toEqual({ kind: "decided", winner: 1, released: 0 });

    const decided = await getCampaign(ctx, { id });
    expect(decided.winnerVariant).toBe(1);
    expect(decided.decision!.explanation).toBe(
      "B has the highest click rate. B: 25.0% click rate, 25 of 100 delivered; A: 10.0% click rate, 10 of 100 delivered.",
    );
    expect(await db.auditLog.count({ where: { orgId: ctx.orgId, action: "campaign.winner_picked", targetId: id } })).toBe(1);

    expect(await drain(id)).toEqual({ kind: "fanned-out" });
    const after = await recipients(id);
    expect(after.filter((r) => r.variant === null).every((r) => r.body === `B: hello ${r.firstName}`)).toBe(true);
    const perContact = await sql<{ n: number }>(`SELECT count(*)::int AS n FROM "Message" WHERE "campaignId" = $1 GROUP BY "contactId"`, [id]);
    expect(perContact).toHaveLength(COUNT);
    expect(perContact.every((r) => r.n === 1)).toBe(true);
  });

  it("picks by reply rate from the replies received", async () => {
    const id = await started("Replies", { ...winner, metric: "replies" });
    await drain(id);
    await deliverAll(id);
    const repliers = await sql<{ phone: string }>(
      `SELECT c.phone FROM "CampaignRecipient" r JOIN "Contact" c ON c.id = r."contactId" WHERE r."campaignId" = $1 AND r.variant = 0 LIMIT 7`,
      [id],
    );
    for (const r of repliers) await receiveMessage(db, sender.connectionId, { from: r.phone, to: sender.address, body: "Tell me more", media: [], receivedAt: new Date() });
    await click(id, 1, 30); // clicks are not the metric
    const { decideAt } = await getCampaign(ctx, { id });
    expect(await decideWinner(ctx, id, new Date(decideAt!.getTime() + 1))).toEqual({ kind: "decided", winner: 0, released: 800 });
    expect((await getCampaign(ctx, { id })).decision!.explanation).toContain("A: 7.0% reply rate, 7 of 100 delivered; B: 0.0% reply rate, 0 of 100 delivered");
  });

  it("holds the rest while paused during the wait, and decides once resumed", async () => {
    const id = await started("Paused", winner);
    await drain(id);
    await pauseCampaign(ctx, { id });
    const { decideAt } = await getCampaign(ctx, { id });
    const after = new Date(decideAt!.getTime() + 1);
    expect(await decideWinner(ctx, id, after)).toEqual({ kind: "stopped" });
    expect(await drain(id)).toEqual({ kind: "stopped" });
    expect(await messagesOf(id)).toBe(200);
    expect((await getCampaign(ctx, { id })).winnerVariant).toBeNull();

    await resumeCampaign(ctx, { id });
    expect(await decideWinner(ctx, id, after)).toMatchObject({ kind: "decided", released: 800 });
    await drain(id);
    expect(await messagesOf(id)).toBe(COUNT);
  });

  it("canceled during the wait: never decided, the rest never sent", async () => {
    const id = await started("Canceled", winner);
    await drain(id);
    expect((await cancelCampaign(ctx, { id })).notSent).toBe(800);
    const { decideAt } = await getCampaign(ctx, { id });
    expect(await decideWinner(ctx, id, new Date(decideAt!.getTime() + 1))).toEqual({ kind: "stopped" });
    expect(await messagesOf(id)).toBe(200);
  });

  it("refuses to schedule a test whose share leaves a variant fewer than 100 recipients", async () => {
    const campaign = await createCampaign(ctx, {
      name: "Too small",
      audience: { include: { listIds: [smallListId], segmentIds: [] } },
      senderIds: [sender.id],
      variants: variants.slice(0, 2),
      abTest: winner,
    });
    const refused = await expectDomainError(scheduleCampaign(ctx, { id: campaign.id }), "BAD_REQUEST", "abTest.sharePercent");
    expect(refused.message).toMatch(/^Too few recipients to test: 2 variants \(A-B\) on 20% need 1,000 recipients for 100 a variant; this audience has 150\./);
    await updateCampaign(ctx, { id: campaign.id, abTest: { ...winner, sharePercent: 50 } });
    expect((await expectDomainError(scheduleCampaign(ctx, { id: campaign.id }), "BAD_REQUEST", "abTest.sharePercent")).message).toMatch(/need 400 recipients/);
    await updateCampaign(ctx, { id: campaign.id, abTest: { mode: "split" } });
    expect((await scheduleCampaign(ctx, { id: campaign.id })).status).toBe("SCHEDULED");
  });

  it("names the variant whose merge field is unknown, and refuses a test sent in local time", async () => {
    const base = { name: "Bad", audience: { include: { listIds: [listId], segmentIds: [] } }, senderIds: [sender.id] };
    const unknown = await expectDomainError(
      createCampaign(ctx, { ...base, variants: [variants[0]!, { body: "Hi {{nickname}}", mediaIds: [] }], abTest: { mode: "split" } }),
      "BAD_REQUEST",
      "variants.1.body",
    );
    expect(unknown.message).toMatch(/^Variant B: .*nickname/);
    const local = await expectDomainError(
      createCampaign(ctx, { ...base, variants: variants.slice(0, 2), abTest: winner, schedule: { kind: "local", localTime: "2027-01-05T10:00", fallbackZone: "UTC" } }),
      "BAD_REQUEST",
      "schedule",
    );
    expect(local.message).toMatch(/test then winner sends the rest when the winner is picked/);
  });
});

describe("the plan", () => {
  const base = () => ({ name: "Planned", audience: { include: { listIds: [listId], segmentIds: [] } }, senderIds: [sender.id], appendOptOut: "off" as const });

  it("counts each variant's recipients, segments and cost; a test then winner's share, rest, decision time and a finish after the wait", async () => {
    const long = { body: `B: ${"x".repeat(170)}`, mediaIds: [] }; // 2 segments
    const draft = await createCampaign(ctx, { ...base(), variants: [variants[0]!, long], abTest: { mode: "winner", sharePercent: 20, waitMinutes: 90, metric: "clicks" } });
    const plan = await planCampaign(ctx, { id: draft.id });
    expect(plan.recipients).toBe(COUNT);
    expect(plan.abTest).toMatchObject({
      mode: "winner", test: 200, rest: 800, costAtMost: true, tooFew: null,
      variants: [{ variant: "A", recipients: 100, segments: 100 }, { variant: "B", recipients: 100, segments: 200 }],
    });
    // The rest at the costliest variant: an upper bound.
    expect(plan.segments).toBe(100 + 200 + 800 * 2);
    expect(Date.parse(plan.abTest!.decideAt!) - Date.parse(plan.startAt)).toBe(90 * 60_000);
    expect(Date.parse(plan.finishAt!)).toBeGreaterThan(Date.parse(plan.abTest!.decideAt!));

    const split = await createCampaign(ctx, { ...base(), variants, abTest: { mode: "split" } });
    const splitPlan = await planCampaign(ctx, { id: split.id });
    expect(splitPlan.abTest!.variants.map((v) => v.recipients)).toEqual([334, 333, 333]);
    expect(splitPlan.abTest).toMatchObject({ test: null, rest: null, decideAt: null, costAtMost: false });
    expect(splitPlan.segments).toBe(COUNT);
    expect(Date.parse(splitPlan.finishAt!)).toBeLessThan(Date.parse(plan.abTest!.decideAt!));
  });

  it("says when the audience is too small to test", async () => {
    const draft = await createCampaign(ctx, { ...base(), audience: { include: { listIds: [smallListId], segmentIds: [] } }, variants, abTest: { mode: "winner", sharePercent: 20, waitMinutes: 60, metric: "clicks" } });
    expect((await planCampaign(ctx, { id: draft.id })).abTest!.tooFew).toMatch(/^Too few recipients to test: 3 variants \(A-C\) on 20% need 1,500 recipients/);
  });
});

describe("isolation and the safety net", () => {
  const winner: AbTest = { mode: "winner", sharePercent: 20, waitMinutes: 60, metric: "clicks" };

  it("counts only the org's own clicks, and another org can neither decide, read nor filter the campaign", async () => {
    const id = await started("Isolated", winner);
    await drain(id);
    await deliverAll(id);
    await click(id, 0, 3);
    // Another org's click rows naming this campaign and its messages (a bug elsewhere, a forged row) count for nothing.
    const other = await campaignOrg(db);
    const stray = await sql<{ messageId: string; contactId: string }>(`SELECT "messageId", "contactId" FROM "CampaignRecipient" WHERE "campaignId" = $1 AND variant = 1 LIMIT 20`, [id]);
    for (const r of stray) {
      const linkId = `lnk_${randomUUID()}`;
      await db.shortLink.create({ data: { id: linkId, orgId: other.org.id, code: linkId.slice(-12), url: "https://example.com", campaignId: id } });
      await db.linkClick.create({ data: { id: `clk_${randomUUID()}`, orgId: other.org.id, linkId, messageId: r.messageId, contactId: r.contactId, campaignId: id } });
    }
    await expectDomainError(decideWinner(other.ctx, id), "NOT_FOUND", "id");
    await expectDomainError(campaignStats(other.ctx, { id }), "NOT_FOUND", "id");
    await expectDomainError(campaignRecipients(other.ctx, { id, variant: 1 }), "NOT_FOUND", "id");
    const { decideAt } = await getCampaign(ctx, { id });
    expect(await decideWinner(ctx, id, new Date(decideAt!.getTime() + 1))).toMatchObject({ kind: "decided", winner: 0 });
    const stats = await campaignStats(ctx, { id });
    expect(stats.abTest!.variants.map((v) => [v.variant, v.clicked])).toEqual([[0, 3], [1, 0], [null, 0]]);
    const page = await campaignRecipients(ctx, { id, variant: 1, limit: 100 });
    expect(page.items).toHaveLength(100);
  });

  it("asks for the fan-out again of a test left undecided ten minutes past its decision (its run died in the wait)", async () => {
    const id = await started("Stalled", winner);
    await drain(id);
    const { decideAt } = await getCampaign(ctx, { id });
    const ids = async (now: Date) => (await overdueCampaigns(db, now)).map((c) => c.campaignId);
    expect(await ids(new Date(decideAt!.getTime() + 60_000))).not.toContain(id);
    expect(await ids(new Date(decideAt!.getTime() + 11 * 60_000))).toContain(id);
  });
});
