// Inbound texts reach their contact's conversation in receiveMessage's transaction: made, reopened,
// woken from a snooze, unread per teammate, auto-assigned round-robin under caps.
import pg from "pg";
import { beforeAll, describe, expect, it } from "vitest";
import { conversationUpdated } from "@/lib/conversations/conversation-events";
import { channelFor } from "@/lib/realtime/channel";
import { systemSqlTransaction } from "@/lib/db/sql";
import { wakeSnoozed } from "@/lib/conversations/wake-snoozed";
import { setAutoAssign } from "@/lib/inbox/auto-assign-settings";
import { changeConversationStatus } from "@/lib/inbox/change-status";
import { inboxCounts } from "@/lib/inbox/inbox-counts";
import { listConversations } from "@/lib/inbox/list-conversations";
import { markRead } from "@/lib/inbox/mark-read";
import { receiveMessage } from "@/lib/messaging/receive-message";
import type { OrgContext } from "@/lib/org-context";
import { databaseUrl, setupTestDatabase } from "../helpers/db";
import { addMember, createOrgWithOwner, orgContextFor } from "../helpers/factories";

const { db, schema } = await setupTestDatabase();

let owner: OrgContext;
let teammate: OrgContext;
let sender: { id: string; address: string; connectionId: string };

beforeAll(async () => {
  const { org, owner: user } = await createOrgWithOwner(db, { name: "Routing" });
  owner = await orgContextFor(db, user, org.id);
  const { user: other } = await addMember(db, org.id, "MEMBER");
  teammate = await orgContextFor(db, other, org.id);
  sender = await db.senderNumber.findFirstOrThrow({ where: { orgId: org.id } });
});

let n = 0;
const nextPhone = () => `+1415555${String(4000 + n++).padStart(4, "0")}`;
const text = (from: string, body = "hi", receivedAt = new Date()) =>
  receiveMessage(db, sender.connectionId, { from, to: sender.address, body, media: [], receivedAt });
const conversationOf = async (phone: string) => {
  const contact = await db.contact.findFirstOrThrow({ where: { orgId: owner.orgId, phone } });
  return db.conversation.findUniqueOrThrow({ where: { contactId: contact.id } });
};

describe("routing inbound texts", () => {
  it("makes one open conversation per contact, waiting since the first unanswered text", async () => {
    const phone = nextPhone();
    const first = new Date(Date.now() - 60_000);
    const { message } = await text(phone, "hello", first);
    const { message: second } = await text(phone, "anyone?");
    const conversation = await conversationOf(phone);
    expect(conversation).toMatchObject({ status: "OPEN", senderId: sender.id, lastMessageId: second.id, waitingSince: first, assigneeId: null });
    expect(conversation.lastInboundAt!.getTime()).toBe(second.receivedAt!.getTime());
    expect(await db.conversation.count({ where: { contactId: conversation.contactId } })).toBe(1);
    expect(message.id).not.toBe(second.id);
  });

  it("shows a STOP, HELP or START without making anyone wait: the system answers those", async () => {
    const phone = nextPhone();
    const { message: stop } = await text(phone, "STOP");
    expect(await conversationOf(phone)).toMatchObject({ status: "OPEN", lastMessageId: stop.id, waitingSince: null });
    await text(phone, "START");
    expect((await conversationOf(phone)).waitingSince).toBeNull();
    const asked = new Date(Date.now() - 1_000);
    await text(phone, "What time do you open?", asked);
    await text(phone, "HELP");
    // The question still waits for a person, from when it was asked.
    expect((await conversationOf(phone)).waitingSince).toEqual(asked);
  });

  it("reopens a closed conversation on the contact's next text", async () => {
    const phone = nextPhone();
    await text(phone);
    const { id } = await conversationOf(phone);
    await changeConversationStatus(owner, { id, status: "CLOSED" });
    expect((await conversationOf(phone)).status).toBe("CLOSED");
    await text(phone, "back again");
    expect((await conversationOf(phone)).status).toBe("OPEN");
  });

  it("wakes a snoozed conversation on the next text, and a timed snooze when its time comes", async () => {
    const phone = nextPhone();
    await text(phone);
    const { id } = await conversationOf(phone);
    await changeConversationStatus(owner, { id, status: "SNOOZED", until: null });
    expect(await conversationOf(phone)).toMatchObject({ status: "SNOOZED", snoozedUntil: null });
    await text(phone, "ping");
    expect((await conversationOf(phone)).status).toBe("OPEN");

    const until = new Date(Date.now() + 60_000);
    await changeConversationStatus(owner, { id, status: "SNOOZED", until });
    expect(await systemSqlTransaction(db, (tx) => wakeSnoozed(tx, new Date(until.getTime() - 1000)))).toEqual([]);
    expect((await conversationOf(phone)).status).toBe("SNOOZED");
    const woken = await systemSqlTransaction(db, (tx) => wakeSnoozed(tx, new Date(until.getTime() + 1000)));
    expect(woken).toContainEqual({ orgId: owner.orgId, id });
    expect(await conversationOf(phone)).toMatchObject({ status: "OPEN", snoozedUntil: null });
  });

  it("refuses a snooze until a time already past, naming the field", async () => {
    const phone = nextPhone();
    await text(phone);
    const { id } = await conversationOf(phone);
    await expect(changeConversationStatus(owner, { id, status: "SNOOZED", until: new Date(Date.now() - 1000) })).rejects.toMatchObject({ field: "until" });
  });

  it("counts unread per teammate: one reading it leaves it unread for the other", async () => {
    const phone = nextPhone();
    const before = { owner: (await inboxCounts(owner)).unread, teammate: (await inboxCounts(teammate)).unread };
    await text(phone);
    const { id } = await conversationOf(phone);
    expect((await inboxCounts(owner)).unread).toBe(before.owner + 1);
    expect((await inboxCounts(teammate)).unread).toBe(before.teammate + 1);

    await markRead(owner, id);
    expect((await inboxCounts(owner)).unread).toBe(before.owner);
    expect((await inboxCounts(teammate)).unread).toBe(before.teammate + 1);
    const unreadForTeammate = await listConversations(teammate, { view: "unread" });
    expect(unreadForTeammate.conversations.map((c) => c.id)).toContain(id);
    expect((await listConversations(owner, { view: "unread" })).conversations.map((c) => c.id)).not.toContain(id);

    await text(phone, "one more");
    expect((await inboxCounts(owner)).unread).toBe(before.owner + 1);
  });
});

describe("auto-assignment", () => {
  it("deals new conversations in turn to the chosen teammates, each up to their cap, then leaves them unassigned", async () => {
    // Close everything open so far: caps count open conversations.
    await db.conversation.updateMany({ where: { orgId: owner.orgId }, data: { status: "CLOSED", assigneeId: null } });
    await setAutoAssign(owner, { teammates: [{ userId: owner.actor.id!, cap: 1 }, { userId: teammate.actor.id!, cap: 2 }] });
    const phones = [nextPhone(), nextPhone(), nextPhone(), nextPhone()];
    const assignees: (string | null)[] = [];
    for (const phone of phones) {
      await text(phone);
      assignees.push((await conversationOf(phone)).assigneeId);
    }
    const ownerId = owner.actor.id!;
    const teammateId = teammate.actor.id!;
    // Fewest open first: one each, then the teammate (owner at cap 1), then nobody (both at cap).
    expect(assignees.slice(0, 2).sort()).toEqual([ownerId, teammateId].sort());
    expect(assignees[2]).toBe(teammateId);
    expect(assignees[3]).toBeNull();

    // A closed conversation frees a place under the cap.
    const { id } = await conversationOf(phones[0]!);
    await changeConversationStatus(owner, { id, status: "CLOSED" });
    const next = nextPhone();
    await text(next);
    expect((await conversationOf(next)).assigneeId).toBe(assignees[0]);
  });

  it("keeps caps under texts routed at the same time", async () => {
    await db.conversation.updateMany({ where: { orgId: owner.orgId }, data: { status: "CLOSED", assigneeId: null } });
    await setAutoAssign(owner, { teammates: [{ userId: owner.actor.id!, cap: 2 }, { userId: teammate.actor.id!, cap: 2 }] });
    const phones = Array.from({ length: 8 }, nextPhone);
    await Promise.all(phones.map((phone) => text(phone)));
    const open = await db.conversation.groupBy({ by: ["assigneeId"], where: { orgId: owner.orgId, status: "OPEN" }, _count: { _all: true } });
    const byAssignee = Object.fromEntries(open.map((o) => [o.assigneeId ?? "none", o._count._all]));
    expect(byAssignee).toEqual({ [owner.actor.id!]: 2, [teammate.actor.id!]: 2, none: 4 });
  });

  it("refuses someone who is not a member, naming the field", async () => {
    await expect(setAutoAssign(owner, { teammates: [{ userId: "usr_nobody", cap: 1 }] })).rejects.toMatchObject({ field: "teammates" });
  });
});

describe("live events", () => {
  it("announces a conversation's change to listeners only when its transaction commits, never after a rollback", async () => {
    const listener = new pg.Client({ connectionString: databaseUrl() });
    await listener.connect();
    const heard: string[] = [];
    listener.on("notification", (n) => heard.push(n.payload ?? ""));
    await listener.query(`LISTEN "${channelFor(schema)}"`);
    try {
      const phone = nextPhone();
      await text(phone);
      const conversation = await conversationOf(phone);
      const settle = () => new Promise((resolve) => setTimeout(resolve, 200));
      const mine = () => heard.filter((p) => p.includes(`"conversation.updated"`) && p.includes(conversation.id));
      await settle();
      heard.length = 0;

      await expect(
        owner.db.$transaction(async (tx) => {
          await conversationUpdated(tx, owner.orgId, [conversation]);
          throw new Error("rolled back");
        }),
      ).rejects.toThrow("rolled back");
      await settle();
      expect(mine()).toEqual([]);

      await owner.db.$transaction(async (tx) => {
        await conversationUpdated(tx, owner.orgId, [conversation]);
        await settle();
        expect(mine()).toEqual([]);
      });
      await settle();
      expect(mine()).toHaveLength(1);

      // A teammate's change publishes it in its own transaction.
      await changeConversationStatus(owner, { id: conversation.id, status: "CLOSED" });
      await settle();
      expect(mine()).toHaveLength(2);
      expect(JSON.parse(mine()[1]!).e).toEqual([[expect.any(String), "conversation.updated", { conversationId: conversation.id, contactId: conversation.contactId }]]);
    } finally {
      await listener.end();
    }
  });
});
