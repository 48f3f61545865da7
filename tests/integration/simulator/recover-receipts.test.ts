// Issue 13: a dispatch round commits SENT and the process dies before the simulator's receipts event
// is emitted. The sweep gives those messages their receipts, once, and leaves the rest alone.
import { beforeAll, describe, expect, it } from "vitest";
import { newId } from "@/lib/ids";
import { recordReceipts } from "@/lib/messaging/record-receipt";
import { sendOne } from "@/lib/messaging/send-one";
import type { OrgContext } from "@/lib/org-context";
import { RECEIPT_GRACE_MS, recoverSimulatorReceipts } from "@/lib/simulator/recover-receipts";
import { setupTestDatabase } from "../helpers/db";
import { createOrgWithOwner, orgContextFor } from "../helpers/factories";

const { db } = await setupTestDatabase();
let ctx: OrgContext;
let connectionId: string;
const DELAY_MS = 5_000;

beforeAll(async () => {
  const { org, owner } = await createOrgWithOwner(db);
  ctx = await orgContextFor(db, owner, org.id);
  const connection = await db.carrierConnection.findFirstOrThrow({ where: { orgId: org.id } });
  expect(connection.kind).toBe("SIMULATOR");
  connectionId = connection.id;
  // Every receipt "delivered", so the outcome can be asserted.
  await db.carrierConnection.update({ where: { id: connectionId }, data: { config: { deliveryDelayMs: DELAY_MS, undeliveredRate: 0, failedRate: 0 } } });
});

/** A message as a dispatch round leaves it once the simulator accepted it: SENT, `parts` parts submitted. */
async function sentMessage(sentAt: Date, parts = 1) {
  const message = await sendOne(ctx, { to: "+14155550190", body: "x".repeat(parts === 1 ? 10 : 153 * parts) }, "api");
  const ids = Array.from({ length: parts }, () => `SM${newId("event")}`);
  await db.message.update({ where: { id: message.id }, data: { status: "SENT", sentAt, carrierMessageId: ids[0] } });
  await db.messageSubmission.createMany({ data: ids.map((carrierMessageId, part) => ({ connectionId, carrierMessageId, messageId: message.id, part, parts })) });
  return { id: message.id, parts: ids };
}

const eventsOf = async (id: string) => (await db.messageEvent.findMany({ where: { messageId: id }, orderBy: { id: "asc" } })).map((e) => e.status);

describe("recoverSimulatorReceipts", () => {
  it("delivers messages left SENT past the delay plus the grace, once; recent ones and other carriers' wait", async () => {
    const now = new Date();
    const lostAt = new Date(now.getTime() - DELAY_MS - RECEIPT_GRACE_MS - 1_000);
    const lost = await sentMessage(lostAt);
    const lostMultipart = await sentMessage(lostAt, 2);
    // One part already reported: only the other part gets a receipt, and the message then follows both.
    await recordReceipts(db, connectionId, [{ carrierMessageId: lostMultipart.parts[0]!, status: "DELIVERED", occurredAt: lostAt }]);
    const recent = await sentMessage(new Date(now.getTime() - DELAY_MS - RECEIPT_GRACE_MS + 10_000));
    // Sent through another carrier: never read, whatever its age.
    const other = await db.carrierConnection.create({ data: { id: newId("connection"), orgId: ctx.orgId, name: "SMPP", kind: "SMPP", config: {} } });
    const otherSender = await db.senderNumber.create({ data: { id: newId("sender"), orgId: ctx.orgId, connectionId: other.id, address: "+14155550999" } });
    const elsewhere = await sentMessage(lostAt);
    await db.message.update({ where: { id: elsewhere.id }, data: { senderId: otherSender.id } });
    await db.messageSubmission.updateMany({ where: { messageId: elsewhere.id }, data: { connectionId: other.id } });

    expect(await recoverSimulatorReceipts(db, now)).toBe(2);
    const status = async (id: string) => (await db.message.findUniqueOrThrow({ where: { id } })).status;
    expect(await status(lost.id)).toBe("DELIVERED");
    expect(await status(lostMultipart.id)).toBe("DELIVERED");
    expect(await status(recent.id)).toBe("SENT");
    expect(await status(elsewhere.id)).toBe("SENT");

    // A second sweep finds nothing; the lost event turning up after all moves and counts nothing.
    expect(await recoverSimulatorReceipts(db, now)).toBe(0);
    await recordReceipts(db, connectionId, [{ carrierMessageId: lost.parts[0]!, status: "UNDELIVERED", errorCode: "30003", occurredAt: now }]);
    expect(await db.message.findUniqueOrThrow({ where: { id: lost.id } })).toMatchObject({ status: "DELIVERED", errorCode: null });
    expect(await eventsOf(lost.id)).toEqual(["QUEUED", "DELIVERED"]);
    expect(await eventsOf(lostMultipart.id)).toEqual(["QUEUED", "DELIVERED"]);

    // The recent one's turn comes once it is as old.
    expect(await recoverSimulatorReceipts(db, new Date(now.getTime() + 11_000))).toBe(1);
    expect(await status(recent.id)).toBe("DELIVERED");
    expect(await status(elsewhere.id)).toBe("SENT");
  });
});
