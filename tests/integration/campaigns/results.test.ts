// A campaign's results beyond its funnel: delivery over time with its empty minutes filled, failures
// by the carrier's error code, the recipients by outcome in keyset pages, and a draft's media.
import { beforeAll, describe, expect, it } from "vitest";
import { campaignMedia } from "@/lib/campaigns/campaign-media";
import { campaignRecipients } from "@/lib/campaigns/campaign-recipients";
import { campaignFailures, campaignTimeline } from "@/lib/campaigns/campaign-results";
import { campaignStats } from "@/lib/campaigns/campaign-stats";
import { fanOutChunk } from "@/lib/campaigns/fan-out-chunk";
import { createCampaign } from "@/lib/campaigns/manage-campaigns";
import { scheduleCampaign } from "@/lib/campaigns/schedule-campaign";
import { startCampaign } from "@/lib/campaigns/start-campaign";
import { systemSql } from "@/lib/db/sql";
import { applyStatusChanges } from "@/lib/messaging/message-history";
import type { OrgContext } from "@/lib/org-context";
import { setupTestDatabase } from "../helpers/db";
import { campaignOrg, makeList, phone, seedContacts } from "./campaign-helpers";

const { db } = await setupTestDatabase();

let ctx: OrgContext;
let campaignId: string;
let ids: string[];
/** Message ids by the contact they went to, in the contacts' order. */
let messageOf: (i: number) => string;

const T0 = new Date("2026-12-01T15:00:20Z");
const minutes = (n: number) => new Date(T0.getTime() + n * 60_000);

beforeAll(async () => {
  const org = await campaignOrg(db);
  ctx = org.ctx;
  const list = await makeList(db, ctx, "All");
  ids = await seedContacts(db, ctx, [
    ...Array.from({ length: 6 }, (_, i) => ({ phone: phone(10 + i), firstName: `C${i}`, lists: [list.id] })),
    { phone: phone(20), firstName: "Opted", optedOut: true, lists: [list.id] },
  ]);
  const campaign = await createCampaign(ctx, { name: "Results", body: "Hi {{first_name}}", audience: { include: { listIds: [list.id], segmentIds: [] } }, senderIds: [org.sender.id] });
  campaignId = campaign.id;
  await scheduleCampaign(ctx, { id: campaignId });
  await startCampaign(ctx, campaignId);
  await fanOutChunk(ctx, campaignId, { leadSeconds: 3600 });
  const messages = await db.message.findMany({ where: { campaignId }, select: { id: true, contactId: true } });
  messageOf = (i) => messages.find((m) => m.contactId === ids[i])!.id;
  const sql = systemSql(db);
  const move = (to: "SENDING" | "SENT" | "DELIVERED" | "UNDELIVERED" | "FAILED", which: number[], at: Date, error?: { errorCode: string; errorMessage: string }) =>
    applyStatusChanges(sql, to, which.map((i) => ({ messageId: messageOf(i), to, ...error })), "carrier", { at });
  await move("SENDING", [0, 1, 2, 3, 4], minutes(0));
  await move("SENT", [0, 1, 2, 3], minutes(0)); // four sent in the first minute
  await move("DELIVERED", [0, 1], minutes(3)); // two delivered three minutes later: minutes 1 and 2 are empty
  await move("UNDELIVERED", [2], minutes(3), { errorCode: "30003", errorMessage: "Unreachable destination handset" });
  await move("FAILED", [4], minutes(0), { errorCode: "30007", errorMessage: "Carrier violation" });
  // C3 stays sent; C5 stays queued.
});

describe("a campaign's results", () => {
  it("draws sent, delivered and failed per minute, with the minutes between filled with zeros", async () => {
    const timeline = await campaignTimeline(ctx, { id: campaignId });
    expect(timeline.unit).toBe("minute");
    expect(timeline.points).toEqual([
      { at: "2026-12-01T15:00:00.000Z", sent: 4, delivered: 0, failed: 1 },
      { at: "2026-12-01T15:01:00.000Z", sent: 0, delivered: 0, failed: 0 },
      { at: "2026-12-01T15:02:00.000Z", sent: 0, delivered: 0, failed: 0 },
      // The undelivered one counts as failed when its receipt said so.
      { at: "2026-12-01T15:03:00.000Z", sent: 0, delivered: 2, failed: 1 },
    ]);
  });

  it("counts failures and undelivered messages by error code, with the carrier's words", async () => {
    expect(await campaignFailures(ctx, { id: campaignId })).toEqual([
      { errorCode: "30003", errorMessage: "Unreachable destination handset", failed: 0, undelivered: 1 },
      { errorCode: "30007", errorMessage: "Carrier violation", failed: 1, undelivered: 0 },
    ]);
  });

  it("lists the recipients behind each outcome, the skipped ones too", async () => {
    const contactsOf = async (outcome: Parameters<typeof campaignRecipients>[1]["outcome"]) =>
      (await campaignRecipients(ctx, { id: campaignId, outcome })).items.map((r) => r.firstName).sort();
    expect(await contactsOf("sent")).toEqual(["C0", "C1", "C2", "C3"]);
    expect(await contactsOf("delivered")).toEqual(["C0", "C1"]);
    expect(await contactsOf("undelivered")).toEqual(["C2"]);
    expect(await contactsOf("failed")).toEqual(["C4"]);
    expect(await contactsOf("queued")).toEqual(["C5"]);
    expect(await contactsOf("held")).toEqual([]);
    // Held back for its recipient's quiet hours (as the dispatcher's claim holds it): held, no longer queued.
    await db.message.update({ where: { id: messageOf(5) }, data: { status: "SCHEDULED", sendAt: minutes(600) } });
    expect(await contactsOf("held")).toEqual(["C5"]);
    expect(await contactsOf("queued")).toEqual([]);
    expect((await campaignStats(ctx, { id: campaignId })).funnel).toMatchObject({ held: 1, queued: 0 });
    await db.message.update({ where: { id: messageOf(5) }, data: { status: "QUEUED", sendAt: null } });
    expect(await contactsOf("OPTED_OUT")).toEqual(["Opted"]);
    const [failed] = (await campaignRecipients(ctx, { id: campaignId, outcome: "failed" })).items;
    expect(failed).toMatchObject({ status: "FAILED", errorCode: "30007", messageId: messageOf(4), contactId: ids[4] });
  });

  it("pages the recipients along a cursor, each once", async () => {
    const seen: string[] = [];
    let cursor: string | undefined;
    do {
      const page = await campaignRecipients(ctx, { id: campaignId, limit: 4, cursor });
      seen.push(...page.items.map((r) => r.contactId));
      cursor = page.nextCursor ?? undefined;
    } while (cursor);
    expect(seen.sort()).toEqual(ids.slice(0, 6).sort());
  });

  it("gives a draft's attachments back with a URL to show them, and none for another org's ids", async () => {
    expect(await campaignMedia(ctx, { id: campaignId })).toEqual([]);
    await expect(campaignRecipients(ctx, { id: "cmp_nope", outcome: "all" })).rejects.toThrow("Campaign not found");
  });
});
