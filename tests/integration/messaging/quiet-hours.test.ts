// Quiet hours at claim time, on the real dispatcher round with the simulator and a fixed "now" (in
// the future, so the history rows the test writes at the real time sort first): a
// queued message whose recipient's window is closed is held (scheduled for the opening, not
// submitted), goes out when the window opens, is stopped by a STOP while held, and fires
// message.queued once. The SQL opening agrees with lib/sms/quiet-hours.ts.
import { beforeAll, describe, expect, it } from "vitest";
import { systemSql } from "@/lib/db/sql";
import { dispatchRound } from "@/lib/delivery/dispatch-round";
import { heldUntilSql } from "@/lib/delivery/quiet-hold";
import { Prisma } from "@/lib/generated/prisma/client";
import { queueDueScheduled } from "@/lib/messaging/queue-scheduled";
import { receiveMessage } from "@/lib/messaging/receive-message";
import { sendOne } from "@/lib/messaging/send-one";
import type { OrgContext } from "@/lib/org-context";
import { DEFAULT_WINDOW, nextOpening, windowFor, type SendWindow } from "@/lib/sms/quiet-hours";
import { createEndpoint } from "@/lib/webhooks/manage-endpoints";
import { setupTestDatabase } from "../helpers/db";
import { createOrgWithOwner, orgContextFor } from "../helpers/factories";

const { db } = await setupTestDatabase();

let ctx: OrgContext;
let sender: { id: string; connectionId: string; address: string };
let endpointId: string;

beforeAll(async () => {
  const { org, owner } = await createOrgWithOwner(db, { defaultCountry: "US" });
  ctx = await orgContextFor(db, owner, org.id);
  sender = await db.senderNumber.findFirstOrThrow({ where: { orgId: org.id } });
  endpointId = (await createEndpoint(ctx, { url: "http://127.0.0.1:9/hooks", eventTypes: ["message.queued"] })).id;
});

/** A queued marketing text to `to` with the recipient window `window` in `zone` (as a campaign writes it). */
async function queuedWithWindow(to: string, zone: string | null, window: SendWindow = DEFAULT_WINDOW) {
  const message = await sendOne(ctx, { to, body: "Fresh beans today" }, "api");
  if (zone) await db.message.update({ where: { id: message.id }, data: { quietZone: zone, quietStart: window.start, quietEnd: window.end } });
  return message.id;
}

const statusOf = async (id: string) => db.message.findUniqueOrThrow({ where: { id } });
const historyOf = async (id: string) =>
  (await db.messageEvent.findMany({ where: { messageId: id }, orderBy: { id: "asc" } })).map((e) => [e.status, e.source, e.detail]);

describe("quiet hours at claim time", () => {
  it("holds a message whose window is closed, sends the others, and sends it when the window opens", async () => {
    // 23:00 in New York (EDT), 20:00 in Los Angeles, 08:30 in Kolkata.
    const night = new Date("2027-06-02T03:00:00Z");
    const held = await queuedWithWindow("+12125550101", "America/New_York");
    const open = await queuedWithWindow("+13105550102", "America/Los_Angeles");
    const noWindow = await queuedWithWindow("+12125550103", null);
    const kolkata = await queuedWithWindow("+12125550104", "Asia/Kolkata");

    const round = await dispatchRound(db, sender.id, night);
    expect(round).toMatchObject({ claimed: 3, sent: 3, held: 1, failed: 0 });
    for (const id of [open, noWindow, kolkata]) expect((await statusOf(id)).status).toBe("SENT");
    const waiting = await statusOf(held);
    expect(waiting).toMatchObject({ status: "SCHEDULED", sendAt: new Date("2027-06-02T12:00:00Z") });
    expect(await db.messageSubmission.count({ where: { messageId: held } })).toBe(0);

    // Nothing more to claim that night; the scheduler leaves it until 08:00 New York time.
    expect(await dispatchRound(db, sender.id, night)).toMatchObject({ claimed: 0, held: 0, more: false });
    expect(await queueDueScheduled(db, sender.id, new Date("2027-06-02T11:59:59Z"))).toBe(0);
    const morning = new Date("2027-06-02T12:00:00Z");
    expect(await queueDueScheduled(db, sender.id, morning)).toBe(1);
    expect(await dispatchRound(db, sender.id, new Date(morning.getTime() + 1_000))).toMatchObject({ claimed: 1, sent: 1, held: 0 });

    expect(await historyOf(held)).toEqual([
      ["QUEUED", "api", null],
      ["SCHEDULED", "dispatcher", "Held for quiet hours until 08:00 in America/New_York (2027-06-02 12:00 UTC)"],
      ["QUEUED", "scheduler", null],
      ["SENDING", "dispatcher", null],
      ["SENT", "carrier", null],
    ]);
    // message.queued once: at its send, not again when it came out of its hold.
    expect(await db.webhookDelivery.count({ where: { endpointId, eventType: "message.queued", orderingKey: held } })).toBe(1);
  });

  it("keeps Florida's 20:00 end, and holds across a day boundary", async () => {
    // 20:30 EDT: inside the federal window, outside Florida's.
    const evening = new Date("2027-06-03T00:30:00Z");
    const miami = await queuedWithWindow("+13055550105", "America/New_York", windowFor(DEFAULT_WINDOW, "FL"));
    const newYork = await queuedWithWindow("+12125550106", "America/New_York", windowFor(DEFAULT_WINDOW, "NY"));
    expect(await dispatchRound(db, sender.id, evening)).toMatchObject({ sent: 1, held: 1 });
    expect((await statusOf(newYork)).status).toBe("SENT");
    expect(await statusOf(miami)).toMatchObject({ status: "SCHEDULED", sendAt: new Date("2027-06-03T12:00:00Z") });
  });

  it("stops a held message when its recipient texts STOP", async () => {
    const id = await queuedWithWindow("+12125550107", "America/New_York");
    expect(await dispatchRound(db, sender.id, new Date("2027-06-04T04:00:00Z"))).toMatchObject({ held: 1 });
    expect((await statusOf(id)).status).toBe("SCHEDULED");
    await receiveMessage(db, sender.connectionId, { from: "+12125550107", to: sender.address, body: "STOP", media: [], receivedAt: new Date() });
    // As any pending marketing to someone who opts out: failed with Twilio's code for it.
    expect(await statusOf(id)).toMatchObject({ status: "FAILED", errorCode: "21610" });
    // Its opening comes and goes (the round sends the reply to STOP): it is not sent.
    await queueDueScheduled(db, sender.id, new Date("2027-06-04T12:00:00Z"));
    await dispatchRound(db, sender.id, new Date("2027-06-04T12:00:00Z"));
    expect((await statusOf(id)).status).toBe("FAILED");
    expect(await db.messageSubmission.count({ where: { messageId: id } })).toBe(0);
  });

  it("fails marketing to someone who opted out rather than holding it", async () => {
    const id = await queuedWithWindow("+12125550108", "America/New_York");
    const contact = await db.contact.findFirstOrThrow({ where: { orgId: ctx.orgId, phone: "+12125550108" } });
    await db.contact.update({ where: { id: contact.id }, data: { consentStatus: "OPTED_OUT" } });
    expect(await dispatchRound(db, sender.id, new Date("2027-06-05T04:00:00Z"))).toMatchObject({ failed: 1, held: 0 });
    expect(await statusOf(id)).toMatchObject({ status: "FAILED", errorCode: "21610" });
  });
});

describe("the SQL opening", () => {
  const cases: [string, SendWindow, string][] = [
    ["America/New_York", DEFAULT_WINDOW, "2026-03-08T03:00:00Z"], // the night of spring forward
    ["America/New_York", DEFAULT_WINDOW, "2026-11-01T03:00:00Z"], // the night of fall back
    ["America/New_York", DEFAULT_WINDOW, "2027-06-02T01:00:00Z"], // 21:00 exactly: closed
    ["America/New_York", DEFAULT_WINDOW, "2027-06-02T00:59:00Z"], // 20:59: open
    ["America/New_York", windowFor(DEFAULT_WINDOW, "FL"), "2027-06-02T00:00:00Z"], // 20:00 in Florida: closed
    ["Asia/Kolkata", DEFAULT_WINDOW, "2026-03-08T16:00:00Z"],
    ["Asia/Kolkata", { start: 540, end: 1020 }, "2026-03-09T03:00:00Z"], // 08:30, before a 09:00 start
    ["Australia/Lord_Howe", DEFAULT_WINDOW, "2026-10-03T13:00:00Z"], // the night its clock goes +30 min
    ["Australia/Lord_Howe", DEFAULT_WINDOW, "2026-04-04T13:00:00Z"], // the night it goes back
    ["America/St_Johns", DEFAULT_WINDOW, "2026-11-01T02:00:00Z"],
    ["Pacific/Chatham", DEFAULT_WINDOW, "2026-09-26T12:00:00Z"],
  ];

  it.each(cases)("in %s for %o at %s is what nextOpening says", async (zone, window, iso) => {
    const now = new Date(iso);
    const [row] = await systemSql(db).$queryRaw<{ heldUntil: Date | null }[]>`
      SELECT ${heldUntilSql(now)} AS "heldUntil" FROM (SELECT ${zone}::text AS "quietZone", ${window.start}::int AS "quietStart", ${window.end}::int AS "quietEnd") m`;
    const expected = nextOpening(zone, window, now);
    expect(row!.heldUntil?.toISOString() ?? iso.replace("Z", ".000Z")).toBe(expected.toISOString());
  });

  it("costs a message without a window one IS NULL: no clock is read", async () => {
    const [row] = await systemSql(db).$queryRaw<{ heldUntil: Date | null }[]>`
      SELECT ${heldUntilSql(new Date())} AS "heldUntil" FROM (SELECT NULL::text AS "quietZone", NULL::int AS "quietStart", NULL::int AS "quietEnd") m`;
    expect(row!.heldUntil).toBeNull();
    expect(Prisma.sql`${heldUntilSql(new Date())}`.sql).toMatch(/^CASE WHEN m."quietZone" IS NULL OR/);
  });
});
