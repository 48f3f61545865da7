// StatusCallbacks as an outbox (TwilioStatusCallback): written by the status change in its own
// statement, so never for a change that rolled back; delivered oldest first per message, a failed one
// retried on its schedule while the message's later ones wait, given up after it; never POSTed twice
// at once; and found by the sweeper when nothing has taken it for a while. The Twilio-compatible
// wire format is held by twilio-compat.test.ts, through the executor.
import http from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { systemSqlTransaction } from "@/lib/db/sql";
import { applyStatusChanges } from "@/lib/messaging/message-history";
import { sendMessages } from "@/lib/messaging/send-messages";
import type { OrgContext } from "@/lib/org-context";
import { deliverStatusCallback } from "@/lib/twilio-api/deliver-status-callback";
import { LOST_AFTER_MS, messagesWithDueStatusCallbacks } from "@/lib/twilio-api/due-status-callbacks";
import { setupTestDatabase } from "../helpers/db";
import { createOrgWithOwner, orgContextFor } from "../helpers/factories";

const { db } = await setupTestDatabase();

const received: string[] = [];
let answer = 200;
let delayMs = 0;
const receiver = http.createServer((req, res) => {
  const chunks: Buffer[] = [];
  req.on("data", (c: Buffer) => chunks.push(c));
  req.on("end", () => {
    received.push(new URLSearchParams(Buffer.concat(chunks).toString()).get("MessageStatus")!);
    setTimeout(() => res.writeHead(answer).end(), delayMs);
  });
});
await new Promise<void>((resolve) => receiver.listen(0, "127.0.0.1", resolve));
const callbackUrl = `http://127.0.0.1:${(receiver.address() as AddressInfo).port}/status`;
afterAll(() => new Promise((resolve) => receiver.close(resolve)));

let ctx: OrgContext;
beforeAll(async () => {
  const { org, owner } = await createOrgWithOwner(db);
  ctx = await orgContextFor(db, owner, org.id);
});

let phone = 0;
async function message(statusCallback: string | null = callbackUrl): Promise<string> {
  const [sent] = await sendMessages(ctx, [{ to: `+1415555${String(3000 + phone++).padStart(4, "0")}`, body: "Hi", statusCallback: statusCallback ?? undefined }], "api");
  if (!sent?.ok) throw sent?.error;
  await applyStatusChanges(db, "SENDING", [{ messageId: sent.message.id, to: "SENDING" }], "dispatcher");
  return sent.message.id;
}

const waiting = (messageId: string) => db.twilioStatusCallback.findMany({ where: { messageId }, orderBy: { id: "asc" } });
const options = { allowPrivate: true, retryDelaysMs: [150] };

describe("StatusCallback rows", () => {
  it("are written with the status change, and not when it rolls back", async () => {
    const id = await message();
    await expect(
      systemSqlTransaction(db, async (tx) => {
        await applyStatusChanges(tx, "SENT", [{ messageId: id, to: "SENT" }], "carrier");
        throw new Error("roll back");
      }),
    ).rejects.toThrow("roll back");
    expect(await waiting(id)).toEqual([]);

    await systemSqlTransaction(db, (tx) => applyStatusChanges(tx, "UNDELIVERED", [{ messageId: id, to: "UNDELIVERED", errorCode: "30003" }], "carrier"));
    expect(await waiting(id)).toMatchObject([{ status: "UNDELIVERED", errorCode: "30003", attempts: 0, nextAttemptAt: null }]);

    const untracked = await message(null);
    await applyStatusChanges(db, "SENT", [{ messageId: untracked, to: "SENT" }], "carrier");
    expect(await waiting(untracked)).toEqual([]);
  });
});

describe("deliverStatusCallback", () => {
  it("POSTs a message's callbacks oldest first, holding the later ones back while one waits for its retry", async () => {
    const id = await message();
    await applyStatusChanges(db, "SENT", [{ messageId: id, to: "SENT" }], "carrier");
    await applyStatusChanges(db, "DELIVERED", [{ messageId: id, to: "DELIVERED" }], "carrier");
    received.length = 0;

    answer = 503;
    expect(await deliverStatusCallback(db, id, options)).toEqual({ attempted: true, ok: false, gaveUp: false });
    const [retrying] = await waiting(id);
    expect(retrying).toMatchObject({ status: "SENT", attempts: 1 });
    // "delivered" is due, but waits behind "sent": the round says when to come back.
    expect(await deliverStatusCallback(db, id, options)).toEqual({ attempted: false, nextDueAt: retrying!.nextAttemptAt!.toISOString() });

    answer = 200;
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(await deliverStatusCallback(db, id, options)).toEqual({ attempted: true, ok: true, gaveUp: false });
    expect(await deliverStatusCallback(db, id, options)).toEqual({ attempted: true, ok: true, gaveUp: false });
    expect(await deliverStatusCallback(db, id, options)).toEqual({ attempted: false, nextDueAt: null });
    expect(received).toEqual(["sent", "sent", "delivered"]);
    expect(await waiting(id)).toEqual([]);
  });

  it("gives a callback up when its retries are over, and goes on with the next", async () => {
    const id = await message();
    await applyStatusChanges(db, "FAILED", [{ messageId: id, to: "FAILED", errorCode: "30008" }], "carrier");
    answer = 500;
    expect(await deliverStatusCallback(db, id, options)).toMatchObject({ attempted: true, gaveUp: false });
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(await deliverStatusCallback(db, id, options)).toEqual({ attempted: true, ok: false, gaveUp: true });
    expect(await waiting(id)).toEqual([]);
    answer = 200;
  });

  it("never POSTs one callback twice at once", async () => {
    const id = await message();
    await applyStatusChanges(db, "SENT", [{ messageId: id, to: "SENT" }], "carrier");
    received.length = 0;
    delayMs = 300;
    const rounds = await Promise.all([deliverStatusCallback(db, id, options), deliverStatusCallback(db, id, options)]);
    delayMs = 0;
    expect(received).toEqual(["sent"]);
    expect(rounds).toContainEqual({ attempted: true, ok: true, gaveUp: false });
    // The other found it in flight: it comes back when the lease would end.
    expect(rounds).toContainEqual({ attempted: false, nextDueAt: expect.any(String) });
  });
});

describe("messagesWithDueStatusCallbacks", () => {
  it("finds a message whose next callback has waited past its time, not one waiting for a retry", async () => {
    const lost = await message();
    await applyStatusChanges(db, "SENT", [{ messageId: lost, to: "SENT" }], "carrier");
    const retrying = await message();
    await applyStatusChanges(db, "SENT", [{ messageId: retrying, to: "SENT" }], "carrier");
    await db.twilioStatusCallback.updateMany({ where: { messageId: retrying }, data: { attempts: 3, nextAttemptAt: new Date(Date.now() + 10 * LOST_AFTER_MS) } });

    const now = await messagesWithDueStatusCallbacks(db);
    expect(now.map((m) => m.messageId)).not.toContain(lost);
    const later = await messagesWithDueStatusCallbacks(db, new Date(Date.now() + LOST_AFTER_MS + 1_000));
    expect(later).toContainEqual({ orgId: ctx.orgId, messageId: lost });
    expect(later.map((m) => m.messageId)).not.toContain(retrying);
  });
});
