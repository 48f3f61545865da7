// Each contact's last delivery outcome (lib/messaging/last-outcome.ts), as the status moves of the
// pipeline write it, read through the segment rule "last delivery failed": its newest outbound
// message with an outcome decides, a late receipt of an older one does not, and what is kept equals
// what the messages say (rebuildLastOutcomes derives it from them).
import { beforeAll, describe, expect, it } from "vitest";
import type { MessageStatus } from "@/lib/generated/prisma/enums";
import { rebuildLastOutcomes } from "@/lib/messaging/last-outcome";
import { applyStatusChanges, type StatusChange } from "@/lib/messaging/message-history";
import { sendOne } from "@/lib/messaging/send-one";
import type { OrgContext } from "@/lib/org-context";
import { previewSegment } from "@/lib/segments/evaluate-segment";
import { deleteMessage } from "@/lib/twilio-api/delete-message";
import { setupTestDatabase } from "../helpers/db";
import { createOrgWithOwner, orgContextFor } from "../helpers/factories";

const { db } = await setupTestDatabase();

let ctx: OrgContext;
let other: OrgContext;

beforeAll(async () => {
  for (const set of [(c: OrgContext) => (ctx = c), (c: OrgContext) => (other = c)]) {
    const { org, owner } = await createOrgWithOwner(db);
    set(await orgContextFor(db, owner, org.id));
  }
});

let nextPhone = 100;
/** A new contact's phone number in this test, unique across its cases. */
const newPhone = () => `+1415555${String(nextPhone++).padStart(4, "0")}`;

/** A message queued to `to` through the send path (its contact created with it). */
const queue = async (to: string, c = ctx) => (await sendOne(c, { to, body: "Hi" }, "api")).id;

const move = (to: MessageStatus, ids: string[], change: Partial<StatusChange> = {}) =>
  applyStatusChanges(db, to, ids.map((messageId) => ({ messageId, to, ...change })), "carrier");

/** Queued → sending → sent, as the dispatcher moves them. */
async function send(...ids: string[]) {
  await move("SENDING", ids);
  await move("SENT", ids);
}

/** The phones of the org's contacts the rule matches, sorted. */
async function matching(operator: "is_true" | "is_false" | "with_code", value?: string[], c = ctx): Promise<string[]> {
  const rule = { type: "condition" as const, field: "engagement.lastDeliveryFailed", operator, ...(value && { value }) };
  const { contacts } = await previewSegment(c, { root: { type: "group", match: "all", rules: [rule] } }, 100);
  return contacts.map((x) => x.phone).sort();
}
const failing = (c = ctx) => matching("is_true", undefined, c);

const kept = (orgId: string) =>
  db.contactLastOutcome.findMany({ where: { orgId }, orderBy: { contactId: "asc" }, select: { contactId: true, messageId: true, status: true, errorCode: true } });

describe("a contact's last delivery outcome", () => {
  it("matches after a failure, with its code, and stops matching once a later message is sent or delivered", async () => {
    const phone = newPhone();
    const first = await queue(phone);
    await send(first);
    expect(await failing()).not.toContain(phone);
    await move("UNDELIVERED", [first], { errorCode: "30007", errorMessage: "Filtered" });
    expect(await failing()).toContain(phone);
    expect(await matching("with_code", ["30007"])).toContain(phone);
    expect(await matching("with_code", ["30003"])).not.toContain(phone);
    expect(await matching("is_false")).not.toContain(phone);

    const second = await queue(phone);
    await move("SENDING", [second]);
    expect(await failing(), "a message not yet sent has no outcome").toContain(phone);
    await move("SENT", [second]);
    expect(await failing(), "sent is an outcome").not.toContain(phone);
    expect(await matching("is_false")).toContain(phone);
    await move("DELIVERED", [second]);
    expect(await failing()).not.toContain(phone);
  });

  it("keeps the newest message's outcome when an older one's receipt arrives late", async () => {
    const phone = newPhone();
    const older = await queue(phone);
    const newer = await queue(phone);
    await send(older, newer);
    await move("DELIVERED", [newer]);
    await move("FAILED", [older], { errorCode: "30008" });
    expect(await failing()).not.toContain(phone);
    expect(await matching("with_code", ["30008"])).not.toContain(phone);

    // And the other way round: the newer one fails after the older one was delivered.
    const phone2 = newPhone();
    const [a, b] = [await queue(phone2), await queue(phone2)];
    await send(a, b);
    await move("UNDELIVERED", [b], { errorCode: "30003" });
    await move("DELIVERED", [a]);
    expect(await matching("with_code", ["30003"])).toContain(phone2);
  });

  it("takes the newest of one contact's messages moved in the same statement", async () => {
    const phone = newPhone();
    const ids = [await queue(phone), await queue(phone), await queue(phone)];
    await send(...ids);
    await move("FAILED", ids.slice(0, 2), { errorCode: "30005" });
    expect(await failing(), "the newest is still sent").not.toContain(phone);
    const [row] = (await kept(ctx.orgId)).filter((r) => r.messageId === ids[2]);
    expect(row).toMatchObject({ status: "SENT", errorCode: null });
  });

  it("does not count a canceled message, and counts marketing failed at a STOP as the failure it is", async () => {
    const phone = newPhone();
    const delivered = await queue(phone);
    await send(delivered);
    await move("DELIVERED", [delivered]);
    const canceled = await queue(phone);
    await applyStatusChanges(db, "CANCELED", [{ messageId: canceled, to: "CANCELED" }], "api");
    expect(await failing()).not.toContain(phone);
    const refused = await queue(phone);
    await move("FAILED", [refused], { errorCode: "21610" });
    expect(await matching("with_code", ["21610"])).toContain(phone);
  });

  it("falls back to the message before when the last one is deleted (Twilio's DELETE)", async () => {
    const phone = newPhone();
    const [a, b] = [await queue(phone), await queue(phone)];
    await send(a, b);
    await move("UNDELIVERED", [a], { errorCode: "30006" });
    await move("DELIVERED", [b]);
    expect(await failing()).not.toContain(phone);
    await deleteMessage(ctx, b);
    expect(await matching("with_code", ["30006"])).toContain(phone);
    await deleteMessage(ctx, a);
    expect(await failing()).not.toContain(phone);
    expect(await matching("is_false")).toContain(phone);
  });

  it("is each org's own: another org's failures to the same number are not this org's contact's", async () => {
    const phone = newPhone();
    const ours = await queue(phone);
    await send(ours);
    await move("DELIVERED", [ours]);
    const theirs = await queue(phone, other);
    await send(theirs);
    await move("FAILED", [theirs], { errorCode: "30007" });
    expect(await failing()).not.toContain(phone);
    expect(await failing(other)).toContain(phone);
    for (const c of [ctx, other]) {
      const contacts = await db.contact.findMany({ where: { orgId: c.orgId }, select: { id: true } });
      const ids = new Set(contacts.map((x) => x.id));
      expect((await kept(c.orgId)).every((r) => ids.has(r.contactId))).toBe(true);
    }
  });

  it("is what the messages say: rebuilding it from them changes nothing", async () => {
    const before = await kept(ctx.orgId);
    expect(before.length).toBeGreaterThan(5);
    await db.contactLastOutcome.deleteMany({ where: { orgId: ctx.orgId } });
    expect(await rebuildLastOutcomes(db, ctx.orgId)).toBe(before.length);
    expect(await kept(ctx.orgId)).toEqual(before);
  });
});
