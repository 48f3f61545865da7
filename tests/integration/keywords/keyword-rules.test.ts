// The keyword rules' procedures: saved normalised and audited; overlaps refused naming the other
// rule (disabled ones too, across numbers only where they share one); compliance keywords and
// opt-out wording refused naming the word; unknown merge fields, other orgs' numbers and lists
// refused; admins only; the figures per day and keyword, and the contacts a rule brought in.
import { beforeAll, describe, expect, it } from "vitest";
import { createList } from "@/lib/lists/manage-lists";
import { receiveMessage } from "@/lib/messaging/receive-message";
import type { OrgContext } from "@/lib/org-context";
import { createSender } from "@/lib/senders/manage-senders";
import { setupTestDatabase } from "../helpers/db";
import { expectTRPCError } from "../helpers/expect-error";
import { addMember, callerFor, createOrgWithOwner, orgContextFor, type Caller } from "../helpers/factories";

const { db } = await setupTestDatabase();

let ctx: OrgContext;
let owner: Caller;
let sender: { id: string; address: string; connectionId: string };
let other: { id: string };

beforeAll(async () => {
  const made = await createOrgWithOwner(db, { name: "Roastery" });
  ctx = await orgContextFor(db, made.owner, made.org.id);
  owner = callerFor(db, made.owner, made.org.id);
  sender = await db.senderNumber.findFirstOrThrow({ where: { orgId: made.org.id } });
  other = await createSender(ctx, { kind: "LONG_CODE", address: "+1 415 555 0198", connectionId: sender.connectionId });
});

const rule = (name: string, keywords: string[], extra: object = {}) => ({ name, keywords, matchOn: "whole" as const, reply: "Thanks!", ...extra });

describe("keyword rule procedures", () => {
  it("saves keywords upper case, audits create, update (what changed) and delete", async () => {
    const created = await owner.keywords.create(rule("Coffee club", [" coffee  club ", "beans"], { addTags: ["Coffee"] }));
    expect(created).toMatchObject({ keywords: ["COFFEE CLUB", "BEANS"], addTags: ["coffee"], matchOn: "whole", enabled: true, senderIds: [] });
    const updated = await owner.keywords.update({ id: created.id, rule: rule("Coffee club", ["COFFEE CLUB", "BEANS"], { addTags: ["coffee"], reply: "Welcome to the club" }) });
    expect(updated.reply).toBe("Welcome to the club");
    await owner.keywords.setEnabled({ id: created.id, enabled: false });
    await owner.keywords.delete({ id: created.id });
    const audit = await db.auditLog.findMany({ where: { orgId: ctx.orgId, targetId: created.id }, orderBy: { id: "asc" } });
    expect(audit.map((a) => [a.action, a.changes])).toEqual([
      ["keyword_rule.created", expect.objectContaining({ name: "Coffee club", keywords: ["COFFEE CLUB", "BEANS"] })],
      ["keyword_rule.updated", { reply: { from: "Thanks!", to: "Welcome to the club" } }],
      ["keyword_rule.updated", { enabled: { from: true, to: false } }],
      ["keyword_rule.deleted", { name: "Coffee club", keywords: ["COFFEE CLUB", "BEANS"] }],
    ]);
    expect(await owner.keywords.rules()).toEqual([]);
  });

  it("refuses a keyword another rule has, naming the rule, even a disabled one", async () => {
    const join = await owner.keywords.create(rule("Join", ["JOIN", "VIP CLUB"]));
    await owner.keywords.setEnabled({ id: join.id, enabled: false });
    await expect(owner.keywords.create(rule("Join again", ["Join"]))).rejects.toMatchObject({ code: "CONFLICT", message: 'JOIN is already a keyword of the rule "Join"' });
    await expect(owner.keywords.create(rule("VIP", ["VIP"], { matchOn: "first_word" }))).rejects.toMatchObject({
      code: "CONFLICT",
      message: 'VIP overlaps VIP CLUB, which is already a keyword of the rule "Join"',
    });
    // Its own keywords do not conflict with themselves when it is saved again.
    await expect(owner.keywords.update({ id: join.id, rule: rule("Join", ["JOIN", "VIP CLUB", "MEMBER"]) })).resolves.toMatchObject({ keywords: ["JOIN", "VIP CLUB", "MEMBER"] });
    await expect(owner.keywords.create(rule("Join", ["OTHER"]))).rejects.toMatchObject({ code: "CONFLICT", message: 'A keyword rule named "Join" already exists' });
  });

  it("lets two rules share a keyword on different numbers only", async () => {
    await owner.keywords.create(rule("Deals here", ["DEALS"], { senderIds: [sender.id] }));
    await expect(owner.keywords.create(rule("Deals there", ["DEALS"], { senderIds: [other.id] }))).resolves.toMatchObject({ senderIds: [other.id] });
    await expect(owner.keywords.create(rule("Deals everywhere", ["DEALS"]))).rejects.toMatchObject({ code: "CONFLICT" });
  });

  it("refuses compliance keywords, opt-out wording, unknown merge fields and lists not the org's", async () => {
    await expect(owner.keywords.create(rule("Stop", ["STOP"]))).rejects.toMatchObject({ code: "BAD_REQUEST", message: expect.stringContaining("STOP is a compliance keyword: it opts the contact out") });
    await expect(owner.keywords.create(rule("Help", ["help"]))).rejects.toMatchObject({ message: expect.stringContaining("HELP is a compliance keyword") });
    await expect(owner.keywords.create(rule("Remove", ["remove me"]))).rejects.toMatchObject({ message: expect.stringContaining("REMOVE ME is how people opt out") });
    await expect(owner.keywords.create(rule("Hi", ["HI"], { reply: "Hi {{frist_name}}" }))).rejects.toMatchObject({ code: "BAD_REQUEST", message: expect.stringContaining("Unknown merge field {{frist_name}}") });
    const stranger = await createOrgWithOwner(db, { name: "Elsewhere" });
    const theirList = await createList(await orgContextFor(db, stranger.owner, stranger.org.id), { name: "Theirs" });
    await expect(owner.keywords.create(rule("Hi", ["HI"], { addListIds: [theirList.id] }))).rejects.toMatchObject({ code: "NOT_FOUND", message: "List not found" });
  });

  it("lets members read but not change rules", async () => {
    const { user } = await addMember(db, ctx.orgId, "MEMBER");
    const member = callerFor(db, user, ctx.orgId);
    expect((await member.keywords.rules()).length).toBeGreaterThan(0);
    await expectTRPCError(member.keywords.create(rule("Mine", ["MINE"])), "FORBIDDEN");
  });

  it("counts matches per day and keyword, and lists the contacts a rule brought in", async () => {
    const club = await owner.keywords.create(rule("Beans", ["BEANS", "BEAN CLUB"], { addTags: ["beans"] }));
    const text = (from: string, body: string) => receiveMessage(db, sender.connectionId, { from, to: sender.address, body, media: [], receivedAt: new Date() });
    await text("+14155557001", "beans");
    await text("+14155557002", "Bean club");
    await text("+14155557001", "BEANS");
    // An existing contact texting the keyword is counted, not brought in.
    await text("+14155557003", "hello");
    await text("+14155557003", "beans");
    await text("+14155557004", "please remove me");

    const stats = await owner.keywords.stats({ days: 7 });
    expect(stats.series).toHaveLength(7);
    const today = stats.series.at(-1)!;
    expect(today.counts).toMatchObject({ BEANS: 3, "BEAN CLUB": 1 });
    expect(stats.series[0]!.counts.BEANS).toBe(0);
    expect(stats.rules.find((r) => r.ruleId === club.id)).toEqual({ ruleId: club.id, matches: 4, contacts: 3, newContacts: 2, replied: 3 });

    const brought = await owner.keywords.ruleContacts({ ruleId: club.id });
    expect(brought.contacts.map((c) => [c.phone, c.keyword])).toEqual([["+14155557002", "BEAN CLUB"], ["+14155557001", "BEANS"]]);

    const optOuts = await owner.keywords.phraseOptOuts();
    expect(optOuts).toMatchObject([{ phrase: "remove me", text: "please remove me", contact: { phone: "+14155557004", consentStatus: "OPTED_OUT" } }]);
  });
});
