// message.status (lib/messaging/live-status.ts): a move of a text a person or a keyword reply sent is
// published in applyStatusChanges' transaction; a campaign's or the API's is not.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { applyStatusChanges } from "@/lib/messaging/message-history";
import { sendOne } from "@/lib/messaging/send-one";
import type { OrgContext } from "@/lib/org-context";
import { LiveListener } from "@/lib/realtime/live-listener";
import type { LiveMessage } from "@/lib/realtime/topics";
import { databaseUrl, setupTestDatabase, withSchema } from "../helpers/db";
import { createOrgWithOwner, orgContextFor } from "../helpers/factories";

const { db, schema } = await setupTestDatabase();
const listener = new LiveListener({ url: withSchema(databaseUrl(), schema) });
afterAll(() => listener.close());

let ctx: OrgContext;
const heard: LiveMessage[] = [];

beforeAll(async () => {
  const { org, owner } = await createOrgWithOwner(db);
  ctx = await orgContextFor(db, owner, org.id);
  listener.subscribe(org.id, (m) => heard.push(m));
  await listener.ready();
});

async function until(check: () => boolean, what: string) {
  const deadline = Date.now() + 5_000;
  while (!check()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

describe("message.status", () => {
  it("is published for a teammate's text and a keyword reply, not for the API's", async () => {
    const fromUi = await sendOne(ctx, { to: "+14155550101", body: "Your order is ready" }, "ui");
    const fromApi = await sendOne(ctx, { to: "+14155550102", body: "Your code" }, "api");
    const reply = await sendOne(ctx, { to: "+14155550103", body: "You are unsubscribed", marketing: false }, "system");
    await db.$transaction((tx) =>
      applyStatusChanges(tx, "SENDING", [fromUi, fromApi, reply].map((m) => ({ messageId: m.id, to: "SENDING" as const })), "dispatcher"),
    );
    await db.$transaction((tx) =>
      applyStatusChanges(tx, "FAILED", [fromUi, fromApi].map((m) => ({ messageId: m.id, to: "FAILED" as const, errorCode: "30003" })), "carrier"),
    );
    await until(() => heard.length === 3, "three moves");
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(heard.map((m) => [m.topic, m.data.messageId, m.data.status, m.data.errorCode])).toEqual([
      ["message.status", fromUi.id, "SENDING", null],
      ["message.status", reply.id, "SENDING", null],
      ["message.status", fromUi.id, "FAILED", "30003"],
    ]);
    expect(heard[0]!.data.contactId).toBe(fromUi.contactId);
  });
});

describe("pruneLiveEvents", () => {
  it("deletes the events older than an hour, and a resume from one of them is a reset", async () => {
    const { pruneLiveEvents } = await import("@/lib/realtime/prune-live-events");
    const { orgEventsAfter } = await import("@/lib/realtime/live-cursor");
    const before = await db.liveEvent.count({ where: { orgId: ctx.orgId } });
    expect(before).toBeGreaterThan(1);
    const [oldest] = await db.liveEvent.findMany({ where: { orgId: ctx.orgId }, orderBy: { id: "asc" }, take: 1, select: { id: true } });
    await db.$executeRaw`UPDATE "LiveEvent" SET "createdAt" = "createdAt" - interval '61 minutes' WHERE id = ${oldest!.id}`;
    expect(await pruneLiveEvents(db)).toEqual({ deleted: 1 });
    expect(await db.liveEvent.count({ where: { orgId: ctx.orgId } })).toBe(before - 1);
    expect(await orgEventsAfter(db, ctx.orgId, oldest!.id.toString())).toEqual({ ok: false });
  });
});
