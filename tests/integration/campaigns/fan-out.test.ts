// The fan-out's chunks against a real PostgreSQL: one message per recipient whatever runs twice or
// dies mid-way, pacing, pause/resume/cancel (and their races with a chunk), a STOP mid-campaign, and
// completion with its webhook.
import { beforeAll, describe, expect, it } from "vitest";
import { completeIfSettled } from "@/lib/campaigns/complete-campaign";
import { overdueCampaigns } from "@/lib/campaigns/overdue-campaigns";
import { cancelCampaign, pauseCampaign, resumeCampaign } from "@/lib/campaigns/control-campaign";
import { fanOutChunk, fanOutChunks, type ChunkOutcome } from "@/lib/campaigns/fan-out-chunk";
import { listCampaigns } from "@/lib/campaigns/list-campaigns";
import { createCampaign, getCampaign } from "@/lib/campaigns/manage-campaigns";
import { scheduleCampaign } from "@/lib/campaigns/schedule-campaign";
import { startCampaign } from "@/lib/campaigns/start-campaign";
import { systemSql } from "@/lib/db/sql";
import { applyStatusChanges } from "@/lib/messaging/message-history";
import { receiveMessage } from "@/lib/messaging/receive-message";
import type { OrgContext } from "@/lib/org-context";
import { createEndpoint } from "@/lib/webhooks/manage-endpoints";
import { setupTestDatabase } from "../helpers/db";
import { campaignOrg, makeList, phone, seedContacts } from "./campaign-helpers";

const { db, sql } = await setupTestDatabase();

let ctx: OrgContext;
let sender: { id: string; address: string; connectionId: string };
let listId: string;
let contactIds: string[];
const COUNT = 25;

beforeAll(async () => {
  const org = await campaignOrg(db);
  ctx = org.ctx;
  sender = org.sender;
  listId = (await makeList(db, ctx, "Everyone")).id;
  contactIds = await seedContacts(db, ctx, Array.from({ length: COUNT }, (_, i) => ({ phone: phone(100 + i), firstName: `N${i}`, lists: [listId] })));
});

async function sendingCampaign(name: string) {
  const campaign = await createCampaign(ctx, {
    name,
    body: "Hi {{first_name}}",
    audience: { include: { listIds: [listId], segmentIds: [] } },
    senderIds: [sender.id],
    // The bodies asserted are the template's (first-text.test.ts tests the opt-out language).
    appendOptOut: "off",
  });
  await scheduleCampaign(ctx, { id: campaign.id });
  await startCampaign(ctx, campaign.id);
  return campaign.id;
}

/** Chunks until the fan-out is done or stopped (a wait, from pacing, is not expected here). */
async function drain(campaignId: string, options: Parameters<typeof fanOutChunk>[2] = {}): Promise<ChunkOutcome> {
  for (;;) {
    const outcome = await fanOutChunk(ctx, campaignId, { maxChunk: 4, leadSeconds: 3600, ...options });
    if (outcome.kind !== "created") return outcome;
  }
}

const perContact = (campaignId: string) =>
  sql<{ contactId: string; n: number }>(`SELECT "contactId", count(*)::int AS n FROM "Message" WHERE "campaignId" = $1 GROUP BY 1`, [campaignId]);

async function expectOncePerRecipient(campaignId: string, recipients = COUNT) {
  const counts = await perContact(campaignId);
  expect(counts).toHaveLength(recipients);
  expect(counts.every((c) => c.n === 1)).toBe(true);
  const unlinked = await db.campaignRecipient.count({ where: { campaignId, messageId: null, skipReason: null } });
  expect(unlinked).toBe(0);
  const [history] = await sql<{ n: number }>(
    `SELECT count(DISTINCT e."messageId")::int AS n FROM "MessageEvent" e JOIN "Message" m ON m.id = e."messageId" WHERE m."campaignId" = $1 AND e.status = 'QUEUED' AND e.source = 'campaign'`,
    [campaignId],
  );
  expect(history!.n).toBe(recipients);
}

describe("the fan-out", () => {
  it("makes one marketing message per recipient, rendered and linked, in chunks", async () => {
    const id = await sendingCampaign("Chunks");
    expect(await drain(id)).toEqual({ kind: "fanned-out" });
    await expectOncePerRecipient(id);
    const message = await db.message.findFirstOrThrow({ where: { campaignId: id, contactId: contactIds[3] } });
    expect(message).toMatchObject({ status: "QUEUED", marketing: true, body: "Hi N3", senderId: sender.id, to: phone(103), segments: 1 });
    const recipient = await db.campaignRecipient.findUniqueOrThrow({ where: { campaignId_contactId: { campaignId: id, contactId: contactIds[3]! } } });
    expect(recipient).toMatchObject({ messageId: message.id, segments: 1 });
  });

  it("makes no second message when chunks run concurrently (two runs, a retried step racing its first attempt)", async () => {
    const id = await sendingCampaign("Concurrent");
    await Promise.all([drain(id), drain(id), drain(id), drain(id)]);
    await expectOncePerRecipient(id);
  });

  it("leaves nothing behind when a chunk dies inside its transaction, and its retry makes the messages", async () => {
    const id = await sendingCampaign("Crash");
    await expect(fanOutChunk(ctx, id, { maxChunk: 10, beforeCommit: () => { throw new Error("killed"); } })).rejects.toThrow("killed");
    expect(await db.message.count({ where: { campaignId: id } })).toBe(0);
    expect(await db.campaignRecipient.count({ where: { campaignId: id, messageId: { not: null } } })).toBe(0);
    await drain(id);
    await expectOncePerRecipient(id);
  });

  it("keeps at most its lead of the senders' throughput queued, and waits", async () => {
    const id = await sendingCampaign("Paced");
    const { throughput } = await db.senderNumber.findUniqueOrThrow({ where: { id: sender.id } });
    const lead = 10 / throughput; // room for 10 messages
    const first = await fanOutChunk(ctx, id, { leadSeconds: lead });
    expect(first).toEqual({ kind: "created", created: 10, skipped: 0 });
    const second = await fanOutChunk(ctx, id, { leadSeconds: lead });
    expect(second.kind).toBe("wait");
    expect(await db.message.count({ where: { campaignId: id } })).toBe(10);
  });

  it("makes chunk after chunk in one call until its lead is queued, summing them, then says wait", async () => {
    const id = await sendingCampaign("Series");
    const { throughput } = await db.senderNumber.findUniqueOrThrow({ where: { id: sender.id } });
    const lead = 10 / throughput;
    // Chunks of 4 until the 10 messages of lead are queued: 4, 4, 2, then a wait ends the series.
    expect(await fanOutChunks(ctx, id, 60_000, { maxChunk: 4, leadSeconds: lead })).toEqual({ kind: "created", created: 10, skipped: 0 });
    expect((await fanOutChunks(ctx, id, 60_000, { maxChunk: 4, leadSeconds: lead })).kind).toBe("wait");
    // Out of budget, one chunk and no more.
    await db.message.updateMany({ where: { campaignId: id }, data: { status: "SENT" } });
    expect(await fanOutChunks(ctx, id, 0, { maxChunk: 4, leadSeconds: lead })).toEqual({ kind: "created", created: 4, skipped: 0 });
    expect(await fanOutChunks(ctx, id, 60_000, { maxChunk: 4, leadSeconds: 3600 })).toEqual({ kind: "created", created: COUNT - 14, skipped: 0 });
    expect(await fanOutChunks(ctx, id, 60_000, { maxChunk: 4, leadSeconds: 3600 })).toEqual({ kind: "fanned-out" });
    await expectOncePerRecipient(id);
  });
});

describe("pause, resume, cancel", () => {
  it("holds the queued messages on pause, makes no more, and sends them again on resume", async () => {
    const id = await sendingCampaign("Pause");
    await fanOutChunk(ctx, id, { maxChunk: 10 });
    const paused = await pauseCampaign(ctx, { id });
    expect(paused).toMatchObject({ status: "PAUSED", held: 10 });
    expect(await db.message.count({ where: { campaignId: id, status: "SCHEDULED", sendAt: null } })).toBe(10);
    expect(await fanOutChunk(ctx, id)).toEqual({ kind: "stopped" });
    expect(await db.message.count({ where: { campaignId: id } })).toBe(10);

    const resumed = await resumeCampaign(ctx, { id });
    expect(resumed).toMatchObject({ status: "SENDING", released: 10 });
    expect(await db.message.count({ where: { campaignId: id, status: "QUEUED" } })).toBe(10);
    await drain(id);
    await expectOncePerRecipient(id);
  });

  it("cancels what waits, with a count, and what was never made", async () => {
    const id = await sendingCampaign("Cancel");
    await fanOutChunk(ctx, id, { maxChunk: 10 });
    const sent = await db.message.findMany({ where: { campaignId: id }, take: 2, select: { id: true } });
    await applyStatusChanges(systemSql(db), "SENDING", sent.map((m) => ({ messageId: m.id, to: "SENDING" as const })), "dispatcher");
    const canceled = await cancelCampaign(ctx, { id });
    expect(canceled).toMatchObject({ status: "CANCELED", canceled: 8, notSent: COUNT - 10 });
    expect(await db.message.count({ where: { campaignId: id, status: "CANCELED" } })).toBe(8);
    expect(await fanOutChunk(ctx, id)).toEqual({ kind: "stopped" });
    await expect(resumeCampaign(ctx, { id })).rejects.toThrow("A canceled campaign cannot be resumed");
  });

  it("a pause racing a chunk waits for it and then holds its messages too", async () => {
    const id = await sendingCampaign("Race");
    let release!: () => void;
    const inChunk = new Promise<void>((resolve) => {
      const chunk = fanOutChunk(ctx, id, { maxChunk: 10, beforeCommit: () => { resolve(); return new Promise<void>((r) => (release = r)); } });
      void chunk.then(() => undefined);
    });
    await inChunk;
    const pausing = pauseCampaign(ctx, { id });
    await new Promise((r) => setTimeout(r, 200));
    release();
    expect(await pausing).toMatchObject({ status: "PAUSED", held: 10 });
    expect(await db.message.count({ where: { campaignId: id, status: "QUEUED" } })).toBe(0);
  });

  it("reschedules a campaign not yet started, and refuses to for one sending", async () => {
    const campaign = await createCampaign(ctx, { name: "Later", body: "Hi", audience: { include: { listIds: [listId], segmentIds: [] } }, senderIds: [sender.id] });
    const day = new Date(Date.now() + 3 * 86_400_000).toISOString().slice(0, 10);
    const first = await scheduleCampaign(ctx, { id: campaign.id, schedule: { kind: "at", localTime: `${day}T09:00`, zone: "America/Chicago" } });
    const moved = await scheduleCampaign(ctx, { id: campaign.id, schedule: { kind: "at", localTime: `${day}T11:00`, zone: "America/Chicago" } });
    expect(moved.startAt!.getTime() - first.startAt!.getTime()).toBe(2 * 3_600_000);
    // The run that waited for the first start finds it moved and does not start.
    expect(await startCampaign(ctx, campaign.id, first.startAt!.toISOString())).toEqual({ go: false });
    expect((await getCampaign(ctx, { id: campaign.id })).status).toBe("SCHEDULED");
    const audit = await db.auditLog.findMany({ where: { orgId: ctx.orgId, targetId: campaign.id }, orderBy: { id: "asc" } });
    expect(audit.map((a) => a.action)).toEqual(["campaign.created", "campaign.scheduled", "campaign.rescheduled"]);
    const sending = await sendingCampaign("Started");
    await expect(scheduleCampaign(ctx, { id: sending })).rejects.toThrow(/sending: only a draft or a scheduled campaign/);
  });
});

describe("the safety net", () => {
  it("asks again for the fan-out of a scheduled campaign five minutes past its start, and of none other", async () => {
    const late = await createCampaign(ctx, { name: "Lost", body: "Hi", audience: { include: { listIds: [listId], segmentIds: [] } }, senderIds: [sender.id] });
    await scheduleCampaign(ctx, { id: late.id });
    const started = await sendingCampaign("Fine");
    await db.campaign.updateMany({ where: { id: { in: [late.id, started] } }, data: { startAt: new Date(Date.now() - 6 * 60_000) } });
    const overdue = (await overdueCampaigns(db)).filter((c) => c.orgId === ctx.orgId);
    expect(overdue).toEqual([{ orgId: ctx.orgId, campaignId: late.id, startAt: expect.any(String) }]);
    // Its run starts it, late, with the start it has.
    expect(await startCampaign(ctx, late.id, overdue[0]!.startAt!)).toEqual({ go: true });
  });

  it("asks again for the fan-out of a sending campaign whose due recipients wait with nothing queued", async () => {
    const stalled = await sendingCampaign("Stalled");
    const mine = async (now?: Date) => (await overdueCampaigns(db, now)).filter((c) => c.campaignId === stalled);
    expect(await mine()).toEqual([]);
    const later = new Date(Date.now() + 11 * 60_000);
    expect(await mine(later)).toEqual([{ orgId: ctx.orgId, campaignId: stalled }]);
    // A live run keeps some queued: not stalled.
    await fanOutChunk(ctx, stalled, { maxChunk: 2 });
    expect(await mine(later)).toEqual([]);
  });
});

describe("a STOP mid-campaign", () => {
  it("fails the contact's queued message, and a contact who stopped before their chunk gets none", async () => {
    const id = await sendingCampaign("Stop");
    await fanOutChunk(ctx, id, { maxChunk: 5 });
    const made = await db.campaignRecipient.findFirstOrThrow({ where: { campaignId: id, messageId: { not: null } }, include: { contact: true } });
    const notYet = await db.campaignRecipient.findFirstOrThrow({ where: { campaignId: id, messageId: null }, include: { contact: true } });
    const stop = (from: string) => receiveMessage(db, sender.connectionId, { from, to: sender.address, body: "STOP", media: [], receivedAt: new Date() });
    await stop(made.contact.phone);
    await stop(notYet.contact.phone);
    await drain(id);
    const first = await db.message.findUniqueOrThrow({ where: { id: made.messageId! } });
    expect(first).toMatchObject({ status: "FAILED", errorCode: "21610" });
    expect(await db.message.count({ where: { campaignId: id, contactId: notYet.contactId } })).toBe(0);
    const skipped = await db.campaignRecipient.findUniqueOrThrow({ where: { campaignId_contactId: { campaignId: id, contactId: notYet.contactId } } });
    expect(skipped.skipReason).toBe("OPTED_OUT");
    await expectOncePerRecipient(id, COUNT - 1);
  });
});

describe("a STOP while the campaign is paused", () => {
  it("fails the contact's held message too", async () => {
    await db.contact.updateMany({ where: { orgId: ctx.orgId }, data: { consentStatus: "OPTED_IN" } });
    const id = await sendingCampaign("Held stop");
    await fanOutChunk(ctx, id, { maxChunk: 3 });
    await pauseCampaign(ctx, { id });
    const held = await db.message.findFirstOrThrow({ where: { campaignId: id, status: "SCHEDULED", sendAt: null } });
    await receiveMessage(db, sender.connectionId, { from: held.to, to: sender.address, body: "STOP", media: [], receivedAt: new Date() });
    expect(await db.message.findUniqueOrThrow({ where: { id: held.id } })).toMatchObject({ status: "FAILED", errorCode: "21610" });
    expect((await resumeCampaign(ctx, { id })).released).toBe(2);
  });
});

describe("completion", () => {
  it("completes once every message is final, with its campaign.completed webhook and audit entry", async () => {
    await db.contact.updateMany({ where: { orgId: ctx.orgId }, data: { consentStatus: "OPTED_IN" } });
    const endpoint = await createEndpoint(ctx, { url: "http://127.0.0.1:9/hooks", eventTypes: ["campaign.completed"] });
    const id = await sendingCampaign("Done");
    await drain(id);
    expect(await completeIfSettled(ctx, id)).toEqual({ completed: false });
    const messages = await db.message.findMany({ where: { campaignId: id }, select: { id: true } });
    for (const to of ["SENDING", "SENT", "DELIVERED"] as const) {
      await applyStatusChanges(systemSql(db), to, messages.map((m) => ({ messageId: m.id, to })), "carrier");
    }
    expect(await completeIfSettled(ctx, id)).toEqual({ completed: true });
    expect(await completeIfSettled(ctx, id)).toEqual({ completed: true });
    expect((await getCampaign(ctx, { id })).status).toBe("COMPLETED");
    const deliveries = await db.webhookDelivery.findMany({ where: { endpointId: endpoint.id } });
    expect(deliveries).toHaveLength(1);
    expect(deliveries[0]!.payload).toMatchObject({ type: "campaign.completed", data: { id, status: "completed", recipients: COUNT, messages: { delivered: COUNT } } });
    expect(await db.auditLog.count({ where: { targetId: id, action: "campaign.completed" } })).toBe(1);

    // The list shows its counts as it completed, and a sending campaign's counted now.
    const sending = await sendingCampaign("Still going");
    await fanOutChunk(ctx, sending, { maxChunk: 3 });
    const { items } = await listCampaigns(ctx, { limit: 2 });
    expect(items.map((c) => [c.id, c.status, c.messages])).toEqual([
      [sending, "SENDING", { QUEUED: 3 }],
      [id, "COMPLETED", { DELIVERED: COUNT }],
    ]);
  });
});
