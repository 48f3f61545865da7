import { beforeAll, describe, expect, it } from "vitest";
import { newId } from "@/lib/ids";
import { applyPendingReceipts, recordReceipts } from "@/lib/messaging/record-receipt";
import { sendOne } from "@/lib/messaging/send-one";
import type { OrgContext } from "@/lib/org-context";
import { setupTestDatabase } from "../helpers/db";
import { createOrgWithOwner, orgContextFor } from "../helpers/factories";

const { db } = await setupTestDatabase();

let ctx: OrgContext;
let connectionId: string;

beforeAll(async () => {
  const { org, owner } = await createOrgWithOwner(db);
  ctx = await orgContextFor(db, owner, org.id);
  connectionId = (await db.carrierConnection.findFirstOrThrow({ where: { orgId: org.id } })).id;
});

/** A message as the dispatcher leaves it after the carrier accepted `parts` parts. */
async function sentMessage(parts: number) {
  const message = await sendOne(ctx, { to: "+14155550150", body: "x".repeat(153 * parts) }, "api");
  const ids = Array.from({ length: parts }, () => newId("event"));
  await db.message.update({ where: { id: message.id }, data: { status: "SENT", sentAt: new Date(), carrierMessageId: ids[0] } });
  await db.messageSubmission.createMany({ data: ids.map((carrierMessageId, part) => ({ connectionId, carrierMessageId, messageId: message.id, part, parts })) });
  return { id: message.id, parts: ids };
}

const at = new Date();
const statusOf = async (id: string) => (await db.message.findUniqueOrThrow({ where: { id } })).status;
const history = async (id: string) => (await db.messageEvent.findMany({ where: { messageId: id }, orderBy: { id: "asc" } })).map((e) => e.status);

describe("recordReceipts", () => {
  it("marks a multipart message delivered only when every part is", async () => {
    const m = await sentMessage(3);
    await recordReceipts(db, connectionId, [{ carrierMessageId: m.parts[0]!, status: "DELIVERED", occurredAt: at }]);
    await recordReceipts(db, connectionId, [{ carrierMessageId: m.parts[2]!, status: "DELIVERED", occurredAt: at }]);
    expect(await statusOf(m.id)).toBe("SENT");
    await recordReceipts(db, connectionId, [{ carrierMessageId: m.parts[1]!, status: "DELIVERED", occurredAt: at }]);
    expect(await statusOf(m.id)).toBe("DELIVERED");
    expect(await history(m.id)).toEqual(["QUEUED", "DELIVERED"]);
  });

  it("marks a multipart message undelivered as soon as one part is, with that part's error", async () => {
    const m = await sentMessage(2);
    await recordReceipts(db, connectionId, [
      { carrierMessageId: m.parts[0]!, status: "DELIVERED", occurredAt: at },
      { carrierMessageId: m.parts[1]!, status: "UNDELIVERED", errorCode: "30003", errorMessage: "Unreachable destination handset", occurredAt: at },
    ]);
    expect(await db.message.findUniqueOrThrow({ where: { id: m.id } })).toMatchObject({ status: "UNDELIVERED", errorCode: "30003" });
  });

  it("never moves a message backwards: a late 'sent' or a second receipt after 'delivered' changes nothing", async () => {
    const m = await sentMessage(1);
    await recordReceipts(db, connectionId, [{ carrierMessageId: m.parts[0]!, status: "DELIVERED", occurredAt: at }]);
    await recordReceipts(db, connectionId, [{ carrierMessageId: m.parts[0]!, status: "SENT", occurredAt: at }]);
    await recordReceipts(db, connectionId, [{ carrierMessageId: m.parts[0]!, status: "FAILED", errorCode: "30008", occurredAt: at }]);
    await recordReceipts(db, connectionId, [{ carrierMessageId: m.parts[0]!, status: "DELIVERED", occurredAt: at }]);
    expect(await db.message.findUniqueOrThrow({ where: { id: m.id } })).toMatchObject({ status: "DELIVERED", errorCode: null });
    expect(await history(m.id)).toEqual(["QUEUED", "DELIVERED"]);
  });

  it("keeps a receipt that overtakes its submission and applies it when the submission is written", async () => {
    const message = await sendOne(ctx, { to: "+14155550151", body: "fast network" }, "api");
    await recordReceipts(db, connectionId, [{ carrierMessageId: "SMearly", status: "DELIVERED", occurredAt: at }]);
    expect(await db.pendingReceipt.count({ where: { connectionId, carrierMessageId: "SMearly" } })).toBe(1);
    await db.message.update({ where: { id: message.id }, data: { status: "SENT" } });
    await db.$transaction(async (tx) => {
      await tx.messageSubmission.create({ data: { connectionId, carrierMessageId: "SMearly", messageId: message.id, part: 0 } });
      await applyPendingReceipts(tx, connectionId, ["SMearly"]);
    });
    expect(await statusOf(message.id)).toBe("DELIVERED");
    expect(await db.pendingReceipt.count({ where: { carrierMessageId: "SMearly" } })).toBe(0);
  });

  it("matches receipts within their own connection only", async () => {
    const m = await sentMessage(1);
    const other = await createOrgWithOwner(db);
    const otherConnection = await db.carrierConnection.findFirstOrThrow({ where: { orgId: other.org.id } });
    await recordReceipts(db, otherConnection.id, [{ carrierMessageId: m.parts[0]!, status: "UNDELIVERED", occurredAt: at }]);
    expect(await statusOf(m.id)).toBe("SENT");
  });
});
