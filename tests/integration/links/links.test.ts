// Tracked links against a real PostgreSQL: a campaign's links shortened per recipient in the fan-out
// (one ShortLink per link per message, exactly once), the plan counting the short URL's length, and
// the redirect (302 with UTM; the friendly page for unknown and expired codes; HEAD, preview agents
// and too-soon clicks recorded with their reason; the link.clicked webhook for people only).
import { beforeAll, describe, expect, it } from "vitest";
import { campaignRecipients } from "@/lib/campaigns/campaign-recipients";
import { campaignClickTimeline } from "@/lib/campaigns/campaign-results";
import { campaignStats } from "@/lib/campaigns/campaign-stats";
import { fanOutChunk } from "@/lib/campaigns/fan-out-chunk";
import { createCampaign } from "@/lib/campaigns/manage-campaigns";
import { planCampaign } from "@/lib/campaigns/plan-campaign";
import { scheduleCampaign } from "@/lib/campaigns/schedule-campaign";
import { startCampaign } from "@/lib/campaigns/start-campaign";
import { newId } from "@/lib/ids";
import { newLinkCode } from "@/lib/links/link-code";
import { LINK_CODE_LENGTH } from "@/lib/links/link-text";
import type { OrgContext } from "@/lib/org-context";
import { createEndpoint } from "@/lib/webhooks/manage-endpoints";
import { routeParams, setupApiDatabase } from "../helpers/api";
import { campaignOrg, makeList, phone, seedContacts } from "../campaigns/campaign-helpers";

const { db, sql } = await setupApiDatabase();
const redirect = await import("@/app/l/[code]/route");

const IPHONE = "Mozilla/5.0 (iPhone; CPU iPhone OS 18_1 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/18.1 Mobile/15E148 Safari/604.1";
const COUNT = 6;
const SALE = "https://shop.example.com/collections/winter-sale-2026?ref=sms";
const STORES = "https://shop.example.com/pages/store-locator";
// 190 characters as written (two segments), 147 with short links (one).
const BODY = `Hi {{first_name}}, our winter sale is on with 20% off everything today: ${SALE}. Find a store near you: ${STORES}`;

let ctx: OrgContext;
let sender: { id: string };
let listId: string;

beforeAll(async () => {
  const org = await campaignOrg(db);
  ctx = org.ctx;
  sender = org.sender;
  listId = (await makeList(db, ctx, "Everyone")).id;
  await seedContacts(db, ctx, Array.from({ length: COUNT }, (_, i) => ({ phone: phone(300 + i), firstName: `N${i}`, lists: [listId] })));
});

async function sendingCampaign(name: string, options: { trackLinks?: boolean; utmParameters?: boolean } = {}) {
  const campaign = await createCampaign(ctx, {
    name,
    body: BODY,
    audience: { include: { listIds: [listId], segmentIds: [] } },
    senderIds: [sender.id],
    appendOptOut: "off",
    ...options,
  });
  await scheduleCampaign(ctx, { id: campaign.id });
  await startCampaign(ctx, campaign.id);
  return campaign.id;
}

async function drain(campaignId: string) {
  while ((await fanOutChunk(ctx, campaignId, { maxChunk: 4, leadSeconds: 3600 })).kind === "created");
}

const get = (code: string, init: { method?: string; userAgent?: string | null } = {}) => {
  const headers = new Headers();
  if (init.userAgent !== null) headers.set("user-agent", init.userAgent ?? IPHONE);
  return redirect.GET(new Request(`http://localhost:3000/l/${code}`, { method: init.method ?? "GET", headers }), routeParams({ code }));
};

/** The message as sent long enough ago that a click is a person's. */
const sentAgo = (messageId: string, seconds: number) =>
  sql(`UPDATE "Message" SET status = 'SENT', "sentAt" = now() AT TIME ZONE 'UTC' - make_interval(secs => $2) WHERE id = $1`, [messageId, seconds]);

describe("a campaign's links", () => {
  let campaignId: string;
  beforeAll(async () => {
    campaignId = await sendingCampaign("Winter Sale!");
    await drain(campaignId);
  });

  it("are short links of each recipient's own, one per link per message, with UTM parameters", async () => {
    const messages = await db.message.findMany({ where: { campaignId }, select: { id: true, contactId: true, body: true, segments: true } });
    expect(messages).toHaveLength(COUNT);
    const links = await db.shortLink.findMany({ where: { campaignId } });
    expect(links).toHaveLength(COUNT * 2);
    expect(new Set(links.map((l) => l.code)).size).toBe(COUNT * 2);
    for (const m of messages) {
      const mine = links.filter((l) => l.messageId === m.id);
      expect(mine).toHaveLength(2);
      for (const l of mine) {
        expect(l.contactId).toBe(m.contactId);
        expect(m.body).toContain(`http://localhost:3000/l/${l.code}`);
      }
      expect(m.body).not.toContain("shop.example.com");
      expect(m.body).toMatch(new RegExp(`today: http://localhost:3000/l/[0-9A-Za-z]{${LINK_CODE_LENGTH}}\\. Find a store near you: http`));
    }
    expect(links.map((l) => l.url)).toContain(`${SALE}&utm_source=textstack&utm_medium=sms&utm_campaign=winter-sale`);
    expect(links.map((l) => l.url)).toContain(`${STORES}?utm_source=textstack&utm_medium=sms&utm_campaign=winter-sale`);
  });

  it("are counted in the plan at the short URL's real length", async () => {
    const draft = await createCampaign(ctx, { name: "Plan", body: BODY, audience: { include: { listIds: [listId], segmentIds: [] } }, senderIds: [sender.id], appendOptOut: "off" });
    const plan = await planCampaign(ctx, { id: draft.id });
    const sent = await db.message.findMany({ where: { campaignId }, select: { segments: true } });
    expect(plan.segments).toBe(sent.reduce((sum, m) => sum + m.segments, 0));
    // Long enough with the full URLs to take two segments; the short ones fit one.
    expect(sent.every((m) => m.segments === 1)).toBe(true);
    const untracked = await createCampaign(ctx, { ...draftInput(), trackLinks: false });
    expect((await planCampaign(ctx, { id: untracked.id })).segments).toBe(COUNT * 2);
  });

  it("are written exactly once: a chunk rolled back leaves none, and the retry makes one set", async () => {
    const id = await sendingCampaign("Retried");
    await expect(fanOutChunk(ctx, id, { maxChunk: 10, leadSeconds: 3600, beforeCommit: () => { throw new Error("crash before commit"); } })).rejects.toThrow("crash");
    expect(await db.shortLink.count({ where: { campaignId: id } })).toBe(0);
    await drain(id);
    await drain(id);
    expect(await db.shortLink.count({ where: { campaignId: id } })).toBe(COUNT * 2);
  });

  it("are left as written when the campaign does not track them, and get no UTM when it says so", async () => {
    const plain = await sendingCampaign("Plain", { trackLinks: false });
    await drain(plain);
    expect(await db.shortLink.count({ where: { campaignId: plain } })).toBe(0);
    expect((await db.message.findFirstOrThrow({ where: { campaignId: plain } })).body).toContain(STORES);
    const noUtm = await sendingCampaign("No UTM", { utmParameters: false });
    await drain(noUtm);
    const urls = (await db.shortLink.findMany({ where: { campaignId: noUtm } })).map((l) => l.url);
    expect(new Set(urls)).toEqual(new Set([SALE, STORES]));
  });

  it("redirect a person's click with a 302 and record it; bots and too-soon clicks are recorded, not counted", async () => {
    const first = await db.shortLink.findFirstOrThrow({ where: { campaignId }, orderBy: { id: "asc" } });
    // Of another message: its sent time is set to a second ago below.
    const second = await db.shortLink.findFirstOrThrow({ where: { campaignId, messageId: { not: first.messageId } }, orderBy: { id: "asc" } });
    await sentAgo(first.messageId!, 60);

    const res = await get(first.code);
    expect(res.status).toBe(302);
    expect(res.headers.get("location")).toBe(first.url);
    expect((await get(first.code, { method: "HEAD" })).status).toBe(302);
    expect((await get(first.code, { userAgent: "facebookexternalhit/1.1 Facebot Twitterbot/1.0" })).status).toBe(302);
    expect((await get(first.code, { userAgent: "curl/8.5.0" })).status).toBe(302);
    expect((await get(first.code, { userAgent: null })).status).toBe(302);
    await sentAgo(second.messageId!, 1);
    expect((await get(second.code)).status).toBe(302);

    const clicks = await db.linkClick.findMany({ where: { campaignId }, orderBy: [{ occurredAt: "asc" }, { id: "asc" }] });
    expect(clicks.map((c) => c.botReason)).toEqual([null, "head", "agent", "agent", "no_agent", "too_soon"]);
    expect(clicks[0]).toMatchObject({ linkId: first.id, messageId: first.messageId, contactId: first.contactId, campaignId, userAgent: IPHONE });
  });

  it("show the friendly page for unknown, malformed and expired codes", async () => {
    for (const code of ["zzzzzzz", "short", "not-a-code-at-all", "%3Cscript%3E"]) {
      const res = await get(code);
      expect(res.status).toBe(404);
      expect(res.headers.get("content-type")).toContain("text/html");
      const html = await res.text();
      expect(html).toContain("This link is not valid");
      // Nothing of the request is echoed.
      expect(html).not.toContain(code);
    }
    // A link of its own (the campaign's are clicked in the tests after this one), expired a second ago.
    const like = await db.shortLink.findFirstOrThrow({ where: { campaignId } });
    const link = await db.shortLink.create({
      data: { ...like, id: newId("shortLink"), code: newLinkCode(), expiresAt: new Date(Date.now() - 1000) },
    });
    const before = await db.linkClick.count();
    expect((await get(link.code)).status).toBe(404);
    expect(await db.linkClick.count()).toBe(before);
  });

  it("send link.clicked for a person's click only, with the link, its message, contact and campaign", async () => {
    await createEndpoint(ctx, { url: "http://127.0.0.1:9/hooks", eventTypes: ["link.clicked"] });
    const link = (await db.shortLink.findMany({ where: { campaignId, expiresAt: null }, orderBy: { id: "desc" }, take: 1 }))[0]!;
    await sentAgo(link.messageId!, 60);
    await get(link.code, { userAgent: "WhatsApp/2.23.20.0 A" });
    await get(link.code);
    const deliveries = await db.webhookDelivery.findMany({ where: { orgId: ctx.orgId, eventType: "link.clicked" } });
    expect(deliveries).toHaveLength(1);
    const click = await db.linkClick.findFirstOrThrow({ where: { linkId: link.id, botReason: null } });
    expect(deliveries[0]!.payload).toMatchObject({
      type: "link.clicked",
      data: {
        id: click.id, link_id: link.id, url: link.url, message_id: link.messageId, contact_id: link.contactId, campaign_id: campaignId,
        user_agent: IPHONE, occurred_at: click.occurredAt.toISOString(),
      },
    });
  });

  it("count people's clicks in the funnel: recipients who clicked (unique) and clicks in all, with the recipients and the clicks over time", async () => {
    const before = (await campaignStats(ctx, { id: campaignId })).funnel;
    const clickers = await db.linkClick.findMany({ where: { campaignId, botReason: null }, distinct: ["contactId"], select: { contactId: true } });
    expect(before.clicked).toBe(clickers.length);
    expect(before.clicks).toBe(await db.linkClick.count({ where: { campaignId, botReason: null } }));
    expect(before.clicked).toBeGreaterThan(0);

    // The same recipient again, on the same link and on their other one: more clicks, not more clickers.
    const first = await db.linkClick.findFirstOrThrow({ where: { campaignId, botReason: null }, include: { link: true } });
    const other = await db.shortLink.findFirstOrThrow({ where: { messageId: first.messageId, id: { not: first.linkId } } });
    await get(first.link.code);
    await get(other.code);
    const after = (await campaignStats(ctx, { id: campaignId })).funnel;
    expect(after).toMatchObject({ clicked: before.clicked, clicks: before.clicks + 2 });

    const page = await campaignRecipients(ctx, { id: campaignId, outcome: "clicked" });
    expect(page.items.map((r) => r.contactId).sort()).toEqual(clickers.map((c) => c.contactId).sort());

    const timeline = await campaignClickTimeline(ctx, { id: campaignId });
    expect(timeline.unit).toBe("minute");
    expect(timeline.points.reduce((sum, p) => sum + p.clicks, 0)).toBe(after.clicks);
    expect(timeline.points.reduce((sum, p) => sum + p.first, 0)).toBe(after.clicked);
  });
});

function draftInput() {
  return { name: "Untracked", body: BODY, audience: { include: { listIds: [listId], segmentIds: [] } }, senderIds: [sender.id], appendOptOut: "off" as const };
}
