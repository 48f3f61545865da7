// The dashboard's figures (lib/analytics/) against raw counts over the same fixtures: messages by
// outcome, source, sender and error code, spend, replies and STOPs by campaign, opt-outs, human
// clicks and new contacts by source, for a period and the one before; the refresh job after late
// status changes; alerts and their thresholds (admins, audited).
import { beforeAll, describe, expect, it } from "vitest";
import { addDays, lastDays, previousPeriod, type DashboardPeriod } from "@/lib/analytics/dashboard-input";
import { dashboardOverview } from "@/lib/analytics/dashboard-overview";
import { deliverability } from "@/lib/analytics/deliverability";
import { deliverabilityAlerts } from "@/lib/analytics/deliverability-alerts";
import { rebuildOrgRollup } from "@/lib/analytics/rebuild-org-rollup";
import { refreshMessageRollup } from "@/lib/analytics/refresh-message-rollup";
import { topCampaigns } from "@/lib/analytics/top-campaigns";
import { updateAlertThresholds } from "@/lib/analytics/update-alert-thresholds";
import { newId } from "@/lib/ids";
import { newContactsHref } from "@/components/dashboard/links";
import { listMessages } from "@/lib/messaging/list-messages";
import { countSegment } from "@/lib/segments/evaluate-segment";
import { applyStatusChanges } from "@/lib/messaging/message-history";
import { sendOne } from "@/lib/messaging/send-one";
import type { OrgContext } from "@/lib/org-context";
import { setupTestDatabase } from "../helpers/db";
import { expectTRPCError } from "../helpers/expect-error";
import { addMember, callerFor, createOrgWithOwner, orgContextFor } from "../helpers/factories";

const { db } = await setupTestDatabase();
const DAY = 86_400_000;
const today = new Date().toISOString().slice(0, 10);
/** Noon UTC `n` days ago, plus `minutes`. */
const daysAgo = (n: number, minutes = 0) => new Date(Date.parse(`${addDays(today, -n)}T12:00:00Z`) + minutes * 60_000);

let ctx: OrgContext;
let other: OrgContext;
let senderId: string;
let secondSender: string;
let campaignId: string;
let n = 0;

interface Fixture {
  at: Date;
  direction?: "OUTBOUND" | "INBOUND";
  status: string;
  source?: string | null;
  sender?: string | null;
  campaign?: string | null;
  code?: string | null;
  segments?: number;
  price?: number;
  contactId?: string;
}

async function contact(c: OrgContext, at: Date, source: string | null) {
  const id = newId("contact", at);
  await db.contact.create({ data: { id, orgId: c.orgId, phone: `+1415556${String(n++).padStart(4, "0")}`, source, createdAt: at } });
  return id;
}

async function message(c: OrgContext, f: Fixture) {
  const id = newId("message", f.at);
  const inbound = f.direction === "INBOUND";
  const sent = ["SENT", "DELIVERED", "UNDELIVERED", "FAILED"].includes(f.status) ? f.at : null;
  await db.message.create({
    data: {
      id,
      orgId: c.orgId,
      direction: f.direction ?? "OUTBOUND",
      status: f.status as never,
      senderId: f.sender === undefined ? senderId : f.sender,
      contactId: f.contactId ?? (await contact(c, new Date(f.at.getTime() - 30 * DAY), "ui")),
      from: "+15550000000",
      to: "+15550000001",
      body: "x",
      encoding: "GSM-7",
      segments: f.segments ?? 1,
      priceMicros: f.price ?? 7900,
      source: inbound ? null : f.source === undefined ? "api" : f.source,
      campaignId: f.campaign ?? null,
      errorCode: f.code ?? null,
      createdAt: f.at,
      sentAt: sent,
      receivedAt: inbound ? f.at : null,
    },
  });
  return id;
}

beforeAll(async () => {
  for (const set of [(c: OrgContext) => (ctx = c), (c: OrgContext) => (other = c)]) {
    const { org, owner } = await createOrgWithOwner(db);
    set(await orgContextFor(db, owner, org.id));
  }
  const sender = await db.senderNumber.findFirstOrThrow({ where: { orgId: ctx.orgId } });
  senderId = sender.id;
  secondSender = newId("sender");
  await db.senderNumber.create({ data: { id: secondSender, orgId: ctx.orgId, connectionId: sender.connectionId, kind: sender.kind, address: "+15550009999" } });
  campaignId = newId("campaign");
  await db.campaign.create({ data: { id: campaignId, orgId: ctx.orgId, name: "Spring sale", body: "x", audience: {}, senderIds: [senderId], schedule: {}, status: "COMPLETED" } });
});

// Raw counts over Message for a period, written apart from the rollup's SQL.
async function raw(c: OrgContext, p: DashboardPeriod) {
  const where = { orgId: c.orgId, createdAt: { gte: new Date(`${p.from}T00:00:00Z`), lt: new Date(`${addDays(p.to, 1)}T00:00:00Z`) } };
  const sentWhere = { ...where, direction: "OUTBOUND" as const, status: { in: ["SENT", "DELIVERED", "UNDELIVERED", "FAILED"] as never[] } };
  const spend = await db.message.aggregate({ where: sentWhere, _sum: { segments: true, priceMicros: true } });
  const at = { gte: where.createdAt.gte, lt: where.createdAt.lt };
  return {
    sent: await db.message.count({ where: sentWhere }),
    delivered: await db.message.count({ where: { ...where, status: "DELIVERED" } }),
    failed: await db.message.count({ where: { ...where, status: { in: ["FAILED", "UNDELIVERED"] } } }),
    received: await db.message.count({ where: { ...where, direction: "INBOUND" } }),
    segments: spend._sum.segments ?? 0,
    priceMicros: spend._sum.priceMicros ?? 0,
    optOuts: await db.consentEvent.count({ where: { orgId: c.orgId, action: "OPT_OUT", occurredAt: at } }),
    clicks: await db.linkClick.count({ where: { orgId: c.orgId, botReason: null, occurredAt: at } }),
    clickedMessages: (await db.linkClick.findMany({ where: { orgId: c.orgId, botReason: null, occurredAt: at }, distinct: ["messageId"], select: { messageId: true } })).length,
    newContacts: await db.contact.count({ where: { orgId: c.orgId, createdAt: at } }),
  };
}

describe("the dashboard's figures", () => {
  const period = lastDays(7);
  const before = previousPeriod(period);
  /** The fixtures' message ids, in order. */
  const ids: string[] = [];

  beforeAll(async () => {
    const newcomers = [await contact(ctx, daysAgo(1), "import"), await contact(ctx, daysAgo(2), "import"), await contact(ctx, daysAgo(3), "inbound"), await contact(ctx, daysAgo(9), "api")];
    const fixtures: Fixture[] = [
      { at: daysAgo(1), status: "DELIVERED", segments: 2, price: 15_800 },
      { at: daysAgo(1), status: "DELIVERED", source: "ui" },
      { at: daysAgo(1), status: "UNDELIVERED", code: "30003" },
      { at: daysAgo(2), status: "FAILED", code: "30007", sender: secondSender },
      { at: daysAgo(2), status: "QUEUED" },
      { at: daysAgo(2), status: "CANCELED" },
      { at: daysAgo(3), status: "SENT", source: "system" },
      { at: daysAgo(0), status: "DELIVERED", source: "campaign", campaign: campaignId, contactId: newcomers[0] },
      { at: daysAgo(0), status: "DELIVERED", source: "campaign", campaign: campaignId, contactId: newcomers[1] },
      { at: daysAgo(0), status: "FAILED", source: "campaign", campaign: campaignId, code: "30003" },
      // Outside the period: the one before.
      { at: daysAgo(8), status: "DELIVERED" },
      { at: daysAgo(9), status: "FAILED", code: "30003" },
      { at: daysAgo(20), status: "DELIVERED" },
    ];
    for (const f of fixtures) ids.push(await message(ctx, f));
    // Two replies to the campaign, one of them a STOP; an inbound text outside any campaign.
    await message(ctx, { at: daysAgo(0, 10), direction: "INBOUND", status: "RECEIVED", contactId: newcomers[0] });
    const stop = await message(ctx, { at: daysAgo(0, 20), direction: "INBOUND", status: "RECEIVED", contactId: newcomers[1] });
    await db.consentEvent.create({ data: { id: newId("consent"), orgId: ctx.orgId, contactId: newcomers[1]!, action: "OPT_OUT", source: "keyword", keyword: "STOP", messageId: stop, occurredAt: daysAgo(0, 20) } });
    await db.consentEvent.create({ data: { id: newId("consent"), orgId: ctx.orgId, contactId: newcomers[3]!, action: "OPT_OUT", source: "ui", occurredAt: daysAgo(9) } });
    await message(ctx, { at: daysAgo(2), direction: "INBOUND", status: "RECEIVED", contactId: newcomers[2] });
    // Clicks: two human ones on a campaign message, one by a scanner on another.
    const link = await db.shortLink.create({ data: { id: "lnk_test", orgId: ctx.orgId, code: "abc123", url: "https://example.com", campaignId } });
    for (const [botReason, messageId] of [[null, ids[7]], [null, ids[7]], ["preview", ids[8]]] as const) {
      await db.linkClick.create({ data: { id: newId("event"), orgId: ctx.orgId, linkId: link.id, campaignId, messageId, occurredAt: daysAgo(0, 30), botReason } });
    }
    // The other org's traffic never shows.
    await message(other, { at: daysAgo(1), status: "DELIVERED", sender: null });
    await rebuildOrgRollup(ctx);
    await rebuildOrgRollup(other);
  });

  it("equal the raw counts for the period and the one before", async () => {
    const o = await dashboardOverview(ctx, period);
    expect(o.previous).toEqual(before);
    for (const [figures, p] of [[o.current, period], [o.before, before]] as const) {
      const expected = await raw(ctx, p);
      expect(figures).toMatchObject(expected);
    }
    expect(o.current).toMatchObject({ sent: 8, delivered: 4, failed: 3, received: 3, optOuts: 1, clicks: 2, clickedMessages: 1, segments: 9, priceMicros: 15_800 + 7 * 7900 });
    expect(o.daily).toHaveLength(7);
    expect(o.daily.find((d) => d.day === addDays(today, -1))).toEqual({ day: addDays(today, -1), sent: 3, delivered: 2, failed: 1, received: 0 });
    expect(o.daily.reduce((sum, d) => sum + d.sent, 0)).toBe(o.current.sent);
    expect(o.hasTrackedLinks).toBe(true);
  });

  it("split by source, new contacts by source, sender and error code as the raw counts do", async () => {
    const o = await dashboardOverview(ctx, period);
    const bySource = Object.fromEntries(o.bySource.map((s) => [s.source, { sent: s.sent, received: s.received }]));
    expect(bySource).toEqual({ api: { sent: 3, received: 0 }, ui: { sent: 1, received: 0 }, system: { sent: 1, received: 0 }, campaign: { sent: 3, received: 0 }, inbound: { sent: 0, received: 3 } });
    const newContacts = Object.fromEntries(o.newContactsBySource.filter((s) => s.current > 0).map((s) => [s.source, s.current]));
    expect(newContacts).toEqual({ import: 2, inbound: 1 });

    const d = await deliverability(ctx, period);
    const bySender = Object.fromEntries(d.bySender.map((s) => [s.senderId, { sent: s.sent, failed: s.failed }]));
    expect(bySender).toEqual({ [senderId]: { sent: 7, failed: 2 }, [secondSender]: { sent: 1, failed: 1 } });
    for (const { errorCode, failed } of d.byErrorCode) {
      expect(failed).toBe(await db.message.count({ where: { orgId: ctx.orgId, errorCode, createdAt: { gte: new Date(`${period.from}T00:00:00Z`) } } }));
    }
    expect(d.byErrorCode.map((e) => e.errorCode)).toEqual(["30003", "30007"]);
  });

  it("put replies and STOPs on the campaign their contact last heard from", async () => {
    expect(await topCampaigns(ctx, period)).toEqual([
      { id: campaignId, name: "Spring sale", status: "COMPLETED", sent: 3, delivered: 2, failed: 1, replies: 2, optOuts: 1, clicks: 2 },
    ]);
  });

  it("open lists of exactly the messages they count", async () => {
    const o = await dashboardOverview(ctx, period);
    const d = await deliverability(ctx, period);
    const days = { since: new Date(`${period.from}T00:00:00Z`), until: new Date(`${addDays(period.to, 1)}T00:00:00Z`), limit: 200 };
    const listed = async (filters: Parameters<typeof listMessages>[1]) => (await listMessages(ctx, { ...days, ...filters })).items.length;
    const SENT = ["SENT", "DELIVERED", "UNDELIVERED", "FAILED"] as const;
    expect(await listed({ statuses: [...SENT], direction: "OUTBOUND" })).toBe(o.current.sent);
    expect(await listed({ statuses: ["DELIVERED"] })).toBe(o.current.delivered);
    expect(await listed({ statuses: ["UNDELIVERED", "FAILED"] })).toBe(o.current.failed);
    expect(await listed({ direction: "INBOUND" })).toBe(o.current.received);
    for (const s of o.bySource) {
      expect(await listed({ source: s.source as never, statuses: [...SENT] }), s.source).toBe(s.sent);
      expect(await listed({ source: s.source as never, direction: "INBOUND" }), s.source).toBe(s.received);
    }
    for (const s of d.bySender) expect(await listed({ senderId: s.senderId!, statuses: [...SENT], direction: "OUTBOUND" })).toBe(s.sent);
    for (const e of d.byErrorCode) expect(await listed({ errorCode: e.errorCode!, statuses: ["UNDELIVERED", "FAILED"] })).toBe(e.failed);
    const [top] = await topCampaigns(ctx, period);
    expect(await listed({ campaignId: top!.id, statuses: ["DELIVERED"] })).toBe(top!.delivered);
    // The messages people clicked in the period, whenever they were made.
    const clicked = await listMessages(ctx, { clickedSince: days.since, clickedUntil: days.until, limit: 200 });
    expect(clicked.items.map((m) => m.id)).toEqual([ids[7]]);
    expect(clicked.items.length).toBe(o.current.clickedMessages);
    // New contacts, in all and by source: the Contacts view's definition in the link counts them.
    const contacts = async (href: string) => Number(await countSegment(ctx, JSON.parse(new URL(href, "http://x").searchParams.get("where")!)));
    expect(await contacts(newContactsHref(period))).toBe(o.current.newContacts);
    for (const s of o.newContactsBySource) expect(await contacts(newContactsHref(period, s.source)), s.source).toBe(s.current);
  });

  it("show another org nothing of this one", async () => {
    const o = await dashboardOverview(other, period);
    expect(o.current).toMatchObject({ sent: 1, delivered: 1, received: 0, optOuts: 0, clicks: 0 });
    expect(o.hasTrackedLinks).toBe(false);
    expect(await topCampaigns(other, period)).toEqual([]);
  });
});

describe("the refresh job", () => {
  it("counts new messages and moves a late receipt onto the day its message was made", async () => {
    await refreshMessageRollup(db);
    const yesterday = await message(ctx, { at: daysAgo(1, 60), status: "SENT" });
    // Written behind the pipeline's back with yesterday's id: a rebuild sees it, as the seed does.
    await rebuildOrgRollup(ctx);
    const before = await dashboardOverview(ctx, { from: addDays(today, -1), to: today });
    const day = (o: typeof before, d: string) => o.daily.find((x) => x.day === d)!;

    const sent = await sendOne(ctx, { to: "+14155550199", body: "Hi" }, "api");
    await applyStatusChanges(db, "DELIVERED", [{ messageId: yesterday, to: "DELIVERED" }], "carrier");
    await refreshMessageRollup(db);

    const after = await dashboardOverview(ctx, { from: addDays(today, -1), to: today });
    expect(day(after, addDays(today, -1))).toEqual({ ...day(before, addDays(today, -1)), delivered: day(before, addDays(today, -1)).delivered + 1 });
    expect(day(after, today)).toEqual(day(before, today));
    // The new message is queued, not sent: no figure moves for it yet.
    const api = (o: typeof before) => o.bySource.find((s) => s.source === "api")!;
    expect(api(after)).toEqual({ ...api(before), delivered: api(before).delivered + 1 });

    await applyStatusChanges(db, "SENDING", [{ messageId: sent.id, to: "SENDING" }], "dispatcher");
    await applyStatusChanges(db, "SENT", [{ messageId: sent.id, to: "SENT" }], "carrier");
    await refreshMessageRollup(db);
    const later = await dashboardOverview(ctx, { from: addDays(today, -1), to: today });
    expect(day(later, today).sent).toBe(day(before, today).sent + 1);
    expect(later.current).toMatchObject(await raw(ctx, { from: addDays(today, -1), to: today }));
  });

  it("leaves the rollup as a rebuild would", async () => {
    await refreshMessageRollup(db);
    const kept = await db.messageDailyStat.findMany({ where: { orgId: ctx.orgId }, orderBy: [{ day: "asc" }, { senderId: "asc" }, { source: "asc" }, { campaignId: "asc" }, { direction: "asc" }, { errorCode: "asc" }] });
    await rebuildOrgRollup(ctx);
    const rebuilt = await db.messageDailyStat.findMany({ where: { orgId: ctx.orgId }, orderBy: [{ day: "asc" }, { senderId: "asc" }, { source: "asc" }, { campaignId: "asc" }, { direction: "asc" }, { errorCode: "asc" }] });
    expect(kept).toEqual(rebuilt);
  });
});

describe("deliverability alerts", () => {
  let alerting: OrgContext;

  beforeAll(async () => {
    const { org, owner } = await createOrgWithOwner(db);
    alerting = await orgContextFor(db, owner, org.id);
    const sender = await db.senderNumber.findFirstOrThrow({ where: { orgId: org.id } });
    const c = await contact(alerting, daysAgo(30), "ui");
    // 100 sends over the week: 6 failed (6% > 5%), 2 opt-outs (2% > 1.3%).
    for (let i = 0; i < 100; i++) await message(alerting, { at: daysAgo(i % 7, i), status: i < 6 ? "FAILED" : "DELIVERED", sender: sender.id, contactId: c, code: i < 6 ? "30003" : null });
    for (let i = 0; i < 2; i++) await db.consentEvent.create({ data: { id: newId("consent"), orgId: org.id, contactId: c, action: "OPT_OUT", source: "ui", occurredAt: daysAgo(i) } });
    // An old failure, outside the 7 days.
    await message(alerting, { at: daysAgo(8), status: "FAILED", sender: sender.id, contactId: c });
    await rebuildOrgRollup(alerting);
  });

  it("fire over 7 days past the thresholds, and stop when an admin raises them, audited", async () => {
    expect(await deliverabilityAlerts(alerting)).toMatchObject({ sent: 100, failed: 6, optOuts: 2, alerts: [{ kind: "failures", count: 6, thresholdBps: 500 }, { kind: "optOuts", count: 2, thresholdBps: 130 }] });
    await updateAlertThresholds(alerting, { failureAlertBps: 600, optOutAlertBps: 130 });
    // 6% is not over 6%.
    expect((await deliverabilityAlerts(alerting)).alerts.map((a) => a.kind)).toEqual(["optOuts"]);
    await updateAlertThresholds(alerting, { failureAlertBps: 600, optOutAlertBps: 250 });
    expect((await deliverabilityAlerts(alerting)).alerts).toEqual([]);
    const audits = await db.auditLog.findMany({ where: { orgId: alerting.orgId, action: "organization.alert_thresholds_updated" }, orderBy: { id: "asc" } });
    expect(audits.map((a) => a.changes)).toEqual([{ failureAlertBps: { from: 500, to: 600 } }, { optOutAlertBps: { from: 130, to: 250 } }]);
  });

  it("are not raised on no traffic, and only admins change the thresholds", async () => {
    expect((await deliverabilityAlerts(other)).alerts).toEqual([]);
    const { user } = await addMember(db, alerting.orgId, "MEMBER");
    await expectTRPCError(callerFor(db, user, alerting.orgId).analytics.updateAlertThresholds({ failureAlertBps: 100, optOutAlertBps: 100 }), "FORBIDDEN");
    expect(await callerFor(db, user, alerting.orgId).analytics.alerts()).toMatchObject({ thresholds: { failureAlertBps: 600, optOutAlertBps: 250 } });
  });
});
