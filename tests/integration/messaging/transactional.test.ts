// Transactional messages reach contacts who opted out, so choosing one is deliberate: owners and
// admins in the UI (a member is refused), keys with messages:transactional in REST (tested with
// the messages resource, api/messages.test.ts); each one a person or a key sends to an opted-out
// contact is in the audit log; the system's own (keyword replies) still go, unaudited.
import { beforeAll, describe, expect, it, vi } from "vitest";
import { newId } from "@/lib/ids";
import { receiveMessage } from "@/lib/messaging/receive-message";
import { setupTestDatabase } from "../helpers/db";
import { expectTRPCError } from "../helpers/expect-error";
import { addMember, callerFor, createOrgWithOwner, type Caller } from "../helpers/factories";

const { db } = await setupTestDatabase();

let orgId: string;
let owner: Caller;
let admin: Caller;
let member: Caller;
let optedOut: string;
let seq = 0;
const phone = () => `+1415555${String(3000 + seq++).padStart(4, "0")}`;

beforeAll(async () => {
  const created = await createOrgWithOwner(db);
  orgId = created.org.id;
  owner = callerFor(db, created.owner, orgId);
  admin = callerFor(db, (await addMember(db, orgId, "ADMIN")).user, orgId);
  member = callerFor(db, (await addMember(db, orgId, "MEMBER")).user, orgId);
  optedOut = phone();
  await db.contact.create({ data: { id: newId("contact"), orgId, phone: optedOut, consentStatus: "OPTED_OUT", optedOutAt: new Date() } });
});

const overrides = () => db.auditLog.findMany({ where: { orgId, action: "message.sent_to_opted_out" }, orderBy: { id: "asc" } });

describe("transactional from the compose box", () => {
  it("is refused to a member, who may still send marketing", async () => {
    const to = phone();
    const error = await expectTRPCError(member.messages.send({ to, body: "Your receipt", marketing: false }), "FORBIDDEN");
    expect(error.message).toContain("Only admins and owners may send transactional messages");
    expect(await db.message.count({ where: { orgId, to } })).toBe(0);
    expect(await member.messages.send({ to, body: "Sale" })).toMatchObject({ marketing: true });
  });

  it("reaches an opted-out contact when an admin or owner sends it, and each such send is audited naming them", async () => {
    await expectTRPCError(admin.messages.send({ to: optedOut, body: "Sale" }), "BAD_REQUEST");
    const byAdmin = await admin.messages.send({ to: optedOut, body: "Your order shipped", marketing: false });
    const byOwner = await owner.messages.send({ to: optedOut, body: "Your refund is on its way", marketing: false });
    // To a contact who has not opted out, transactional is not an override: no such row.
    await owner.messages.send({ to: phone(), body: "Your code", marketing: false });
    const rows = await overrides();
    expect(rows.map((r) => [r.targetId, r.actorType, r.actorLabel])).toEqual([
      [byAdmin.id, "USER", expect.stringContaining("@example.test")],
      [byOwner.id, "USER", expect.stringContaining("@example.test")],
    ]);
    expect(rows[0]!.actorId).not.toBe(rows[1]!.actorId);
    expect(rows[0]!.changes).toMatchObject({ to: optedOut, contactId: byAdmin.contactId });
  });

  it("leaves the system's own replies to STOP alone: sent, not audited", async () => {
    const before = (await overrides()).length;
    const sender = await db.senderNumber.findFirstOrThrow({ where: { orgId } });
    const from = phone();
    await receiveMessage(db, sender.connectionId, { from, to: sender.address, body: "STOP", media: [], receivedAt: new Date() });
    await vi.waitFor(async () => expect(await db.message.count({ where: { orgId, to: from, direction: "OUTBOUND", marketing: false } })).toBe(1));
    expect((await overrides()).length).toBe(before);
  });
});
