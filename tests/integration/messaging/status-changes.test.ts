// applyStatusChanges: moves allowed by lib/messaging/status.ts only, each with its history row, and a
// status passed through on the way (`via`) as a history row without a write of its own.
import { beforeAll, describe, expect, it } from "vitest";
import { systemSql, systemSqlTransaction, type SqlClient } from "@/lib/db/sql";
import { applyStatusChanges } from "@/lib/messaging/message-history";
import { sendOne } from "@/lib/messaging/send-one";
import { sendMessages } from "@/lib/messaging/send-messages";
import type { OrgContext } from "@/lib/org-context";
import { setupTestDatabase } from "../helpers/db";
import { createOrgWithOwner, orgContextFor } from "../helpers/factories";

const { db } = await setupTestDatabase();

let ctx: OrgContext;
beforeAll(async () => {
  const { org, owner } = await createOrgWithOwner(db, { defaultCountry: "US" });
  ctx = await orgContextFor(db, owner, org.id);
});

const queued = async (to: string) => (await sendOne(ctx, { to, body: "Your table is ready" }, "api")).id;
const history = async (id: string) =>
  (await db.messageEvent.findMany({ where: { messageId: id }, orderBy: [{ occurredAt: "asc" }, { id: "asc" }] })).map((e) => [e.status, e.source, e.occurredAt.getTime()]);
/** Rows of Message this connection has updated (its counts not yet reported to the server's statistics). */
const messageUpdates = async (tx: SqlClient) =>
  (await tx.$queryRaw<{ n: number }[]>`SELECT n_tup_upd::int AS n FROM pg_stat_xact_user_tables WHERE relname = 'Message' AND schemaname = current_schema()`)[0]?.n ?? 0;
/** Rows of Message this connection has read, by index or by scan. */
const messageReads = async (tx: SqlClient) =>
  (await tx.$queryRaw<{ n: number }[]>`SELECT (coalesce(seq_tup_read, 0) + coalesce(idx_tup_fetch, 0))::int AS n FROM pg_stat_xact_user_tables WHERE relname = 'Message' AND schemaname = current_schema()`)[0]?.n ?? 0;
/** Row versions of Message that `moves` writes, counted inside its transaction. */
const writesOf = (moves: (tx: SqlClient) => Promise<unknown>) =>
  systemSqlTransaction(db, async (tx) => {
    const before = await messageUpdates(tx);
    await moves(tx);
    return (await messageUpdates(tx)) - before;
  });

describe("applyStatusChanges", () => {
  it("passes a message through a status in one write, with a history row for each status in order", async () => {
    const id = await queued("+14155550161");
    const claimedAt = new Date();
    const sentAt = new Date(claimedAt.getTime() + 5);
    const writes = await writesOf(async (tx) => {
      const moved = await applyStatusChanges(tx, "SENT", [{ messageId: id, to: "SENT", carrierMessageId: "SM1" }], "carrier", {
        at: sentAt,
        via: { status: "SENDING", source: "dispatcher", at: claimedAt },
      });
      expect(moved.map((m) => m.id)).toEqual([id]);
    });
    expect(writes).toBe(1);
    expect(await db.message.findUniqueOrThrow({ where: { id } })).toMatchObject({ status: "SENT", carrierMessageId: "SM1", sentAt });
    expect((await history(id)).slice(1)).toEqual([
      ["SENDING", "dispatcher", claimedAt.getTime()],
      ["SENT", "carrier", sentAt.getTime()],
    ]);
  });

  it("takes two writes for the same two moves made one after the other", async () => {
    const id = await queued("+14155550162");
    const writes = await writesOf(async (tx) => {
      await applyStatusChanges(tx, "SENDING", [{ messageId: id, to: "SENDING" }], "dispatcher");
      await applyStatusChanges(tx, "SENT", [{ messageId: id, to: "SENT" }], "carrier");
    });
    expect(writes).toBe(2);
  });

  it("moves only messages that may enter the status passed through", async () => {
    const id = await queued("+14155550163");
    await applyStatusChanges(systemSql(db), "SENDING", [{ messageId: id, to: "SENDING" }], "dispatcher");
    const moved = await applyStatusChanges(systemSql(db), "SENT", [{ messageId: id, to: "SENT" }], "carrier", { via: { status: "SENDING", source: "dispatcher", at: new Date() } });
    expect(moved).toEqual([]);
    expect((await db.message.findUniqueOrThrow({ where: { id } })).status).toBe("SENDING");
    expect((await history(id)).map(([status]) => status)).toEqual(["QUEUED", "SENDING"]);
  });

  it("finds the messages it moves by id, however many others wait and whatever the statistics say", async () => {
    // Statistics taken before the queue filled (the embedded database never takes them again): the
    // planner then thought few messages were waiting and read all of them for every batch.
    await db.$executeRawUnsafe(`ANALYZE "Message"`);
    const queuedIds: string[] = [];
    for (let batch = 0; batch < 3; batch++) {
      const results = await sendMessages(ctx, Array.from({ length: 1_000 }, (_, i) => ({ to: `+1415555${String(batch * 1_000 + i).padStart(4, "0")}`, body: "Doors open at 7" })), "api");
      for (const r of results) if (r.ok) queuedIds.push(r.message.id);
    }
    expect(queuedIds).toHaveLength(3_000);
    const moving = queuedIds.slice(0, 20);
    const reads = await systemSqlTransaction(db, async (tx) => {
      const before = await messageReads(tx);
      const moved = await applyStatusChanges(tx, "SENDING", moving.map((messageId) => ({ messageId, to: "SENDING" })), "dispatcher");
      expect(moved).toHaveLength(20);
      return (await messageReads(tx)) - before;
    });
    expect(reads).toBeLessThan(100);
  });

  it("moves only from the statuses it is narrowed to, among those the rules allow", async () => {
    const id = await queued("+14155550165");
    const narrowed = await applyStatusChanges(systemSql(db), "CANCELED", [{ messageId: id, to: "CANCELED" }], "ui", { from: ["SCHEDULED"] });
    expect(narrowed).toEqual([]);
    expect((await db.message.findUniqueOrThrow({ where: { id } })).status).toBe("QUEUED");
    const moved = await applyStatusChanges(systemSql(db), "CANCELED", [{ messageId: id, to: "CANCELED" }], "ui");
    expect(moved.map((m) => m.id)).toEqual([id]);
    expect((await history(id)).map(([status, source]) => [status, source])).toEqual([["QUEUED", "api"], ["CANCELED", "ui"]]);
  });

  it("refuses a status passed through that cannot lead to the target", async () => {
    const id = await queued("+14155550164");
    await expect(
      applyStatusChanges(systemSql(db), "DELIVERED", [{ messageId: id, to: "DELIVERED" }], "carrier", { via: { status: "QUEUED", source: "dispatcher", at: new Date() } }),
    ).rejects.toThrow("A message cannot move from QUEUED to DELIVERED");
    expect((await db.message.findUniqueOrThrow({ where: { id } })).status).toBe("QUEUED");
  });
});
