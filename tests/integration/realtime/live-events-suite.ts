// Live events (lib/realtime/): heard only once their transaction commits, by every process's
// listener, only by their own org's subscribers, and never lost across a broken connection or a
// transaction that commits out of id order.
import { spawn } from "node:child_process";
import path from "node:path";
import { createInterface } from "node:readline";
import pg from "pg";
import { afterAll, describe, expect, it } from "vitest";
import { orgEventsAfter } from "@/lib/realtime/live-cursor";
import { LiveListener } from "@/lib/realtime/live-listener";
import { publishLive, publishPresence } from "@/lib/realtime/publish-live";
import type { LiveMessage } from "@/lib/realtime/topics";
import { databaseUrl, setupTestDatabase, withSchema } from "../helpers/db";

/** The tests, on the database server the calling file set up (the tier's, or the embedded PostgreSQL 18). */
export async function liveEventTests() {
  const { db, schema, sql } = await setupTestDatabase();
  const url = withSchema(databaseUrl(), schema);

  const listeners: LiveListener[] = [];
  afterAll(() => Promise.all(listeners.map((l) => l.close())));

  async function listen(orgId: string, backoffMs = { min: 50, max: 200 }) {
    const listener = new LiveListener({ url, backoffMs });
    listeners.push(listener);
    const heard: LiveMessage[] = [];
    listener.subscribe(orgId, (m) => heard.push(m));
    await listener.ready();
    return { listener, heard };
  }

  const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

  async function until(check: () => boolean, what: string, ms = 5_000) {
    const deadline = Date.now() + ms;
    while (!check()) {
      if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
      await sleep(20);
    }
  }

  const publish = (orgId: string, ...events: { topic: string; data: Record<string, unknown> }[]) =>
    db.$transaction((tx) => publishLive(tx, orgId, events));
  const topics = (heard: LiveMessage[]) => heard.map((m) => m.topic);

  let org = 0;
  const newOrg = () => `org_live_${org++}`;

  describe("publishLive", () => {
    it("is heard only after its transaction commits, and never when it rolls back", async () => {
      const orgId = newOrg();
      const { heard } = await listen(orgId);
      let release!: () => void;
      const released = new Promise<void>((resolve) => (release = resolve));
      const committing = db.$transaction(async (tx) => {
        await publishLive(tx, orgId, [{ topic: "first", data: { n: 1 } }]);
        await released;
      });
      await sleep(300);
      expect(heard).toEqual([]);
      release();
      await committing;
      await until(() => heard.length === 1, "the committed event");
      expect(heard[0]).toEqual({ id: expect.stringMatching(/^\d+$/), topic: "first", data: { n: 1 } });

      await expect(
        db.$transaction(async (tx) => {
          await publishLive(tx, orgId, [{ topic: "rolled-back", data: {} }]);
          throw new Error("abort");
        }),
      ).rejects.toThrow("abort");
      await publish(orgId, { topic: "after", data: {} });
      await until(() => heard.length === 2, "the event after the rollback");
      expect(topics(heard)).toEqual(["first", "after"]);
      expect(await sql(`SELECT topic FROM "LiveEvent" WHERE "orgId" = $1 ORDER BY id`, [orgId])).toEqual([{ topic: "first" }, { topic: "after" }]);
    });

    it("reaches a listener in another process", async () => {
      const orgId = newOrg();
      const child = spawn(path.resolve("node_modules/.bin/tsx"), [path.resolve(import.meta.dirname, "listen-child.ts"), url, orgId], {
        stdio: ["pipe", "pipe", "inherit"],
        env: { ...process.env, LOG_LEVEL: "silent" },
      });
      try {
        const lines: string[] = [];
        createInterface({ input: child.stdout! }).on("line", (line) => lines.push(line));
        await until(() => lines.includes("ready"), "the second process to listen", 20_000);
        await publish(orgId, { topic: "message.received", data: { messageId: "msg_1" } });
        await publish(newOrg(), { topic: "other org", data: {} });
        await publish(orgId, { topic: "message.received", data: { messageId: "msg_2" } });
        await until(() => lines.length === 3, "the second process to hear both");
        expect(lines.slice(1).map((l) => JSON.parse(l).data.messageId)).toEqual(["msg_1", "msg_2"]);
      } finally {
        child.stdin!.end();
        child.kill();
      }
    });

    it("reaches only the org's own subscribers", async () => {
      const [a, b] = [newOrg(), newOrg()];
      const heardByA = await listen(a);
      const heardByB = await listen(b);
      await publish(a, { topic: "for a", data: {} });
      await publishPresence({ db, orgId: a }, { conversationId: "cnv_1", state: "viewing" });
      await publish(b, { topic: "for b", data: {} });
      await until(() => heardByB.heard.length === 1 && heardByA.heard.length === 2, "both orgs' events");
      await sleep(100);
      expect(topics(heardByA.heard)).toEqual(["for a", "presence"]);
      expect(heardByA.heard[1]).toEqual({ topic: "presence", data: { conversationId: "cnv_1", state: "viewing" } });
      expect(topics(heardByB.heard)).toEqual(["for b"]);
    });

    it("names events too big for a NOTIFY, which the listener reads back", async () => {
      const orgId = newOrg();
      const { heard } = await listen(orgId);
      const many = Array.from({ length: 300 }, (_, i) => ({ topic: "message.status", data: { messageId: `msg_${i}`, padding: "x".repeat(40) } }));
      await publish(orgId, ...many);
      await until(() => heard.length === 300, "300 events");
      expect(heard.map((m) => m.data.messageId)).toEqual(many.map((m) => m.data.messageId));
    });
  });

  describe("catching up", () => {
    it("loses nothing while the listener's connection is down, and repeats nothing", async () => {
      const orgId = newOrg();
      // It stays down for half a second: long enough to publish while it is.
      const { listener, heard } = await listen(orgId, { min: 500, max: 500 });
      await publish(orgId, { topic: "before", data: {} });
      await until(() => heard.length === 1, "the first event");
      const pid = listener.backendPid;
      const admin = new pg.Client({ connectionString: databaseUrl() });
      await admin.connect();
      try {
        await admin.query("SELECT pg_terminate_backend($1)", [pid]);
      } finally {
        await admin.end();
      }
      // Published while the listener is (likely) reconnecting.
      await until(() => listener.backendPid === null, "the listener to notice");
      for (let i = 0; i < 5; i++) await publish(orgId, { topic: `during ${i}`, data: {} });
      expect(listener.backendPid).toBeNull();
      await until(() => heard.length === 6, "the events published while down");
      await until(() => listener.backendPid !== null && listener.backendPid !== pid, "a new connection");
      await publish(orgId, { topic: "after", data: {} });
      await until(() => heard.length === 7, "the event after");
      await sleep(100);
      expect(topics(heard)).toEqual(["before", "during 0", "during 1", "during 2", "during 3", "during 4", "after"]);
    });

    it("finds an event that committed after a later id was heard", async () => {
      const orgId = newOrg();
      const { heard } = await listen(orgId);
      let release!: () => void;
      const released = new Promise<void>((resolve) => (release = resolve));
      // Takes the lower id, then stays open.
      const slow = db.$transaction(async (tx) => {
        await publishLive(tx, orgId, [{ topic: "slow", data: {} }]);
        await released;
      });
      await sleep(100);
      await publish(orgId, { topic: "fast", data: {} });
      await until(() => heard.length === 1, "the fast event");
      const fast = heard[0]!;
      release();
      await slow;
      await until(() => heard.length === 2, "the slow event");
      const slowEvent = heard[1]!;
      // Heard in commit order, though its id is lower.
      expect(topics(heard)).toEqual(["fast", "slow"]);
      expect(BigInt(slowEvent.id!)).toBeLessThan(BigInt(fast.id!));
      // A browser that heard only "fast" before it dropped gets "slow" on resuming from it.
      const missed = await orgEventsAfter(db, orgId, fast.id!);
      expect(missed).toEqual({ ok: true, events: [expect.objectContaining({ id: slowEvent.id, topic: "slow" })] });
      // From the newest, at most what was heard already (its transaction overlapped: the browser
      // drops the repeat); from an id unknown to this org, a reset.
      const fromNewest = await orgEventsAfter(db, orgId, slowEvent.id!);
      expect(fromNewest.ok && fromNewest.events.map((e) => e.topic)).toEqual(["fast"]);
      const other = newOrg();
      await publish(other, { topic: "x", data: {} });
      const [otherEvent] = await sql<{ id: string }>(`SELECT id::text AS id FROM "LiveEvent" WHERE "orgId" = $1`, [other]);
      expect(await orgEventsAfter(db, orgId, otherEvent!.id)).toEqual({ ok: false });
      expect(await orgEventsAfter(db, orgId, "not a number")).toEqual({ ok: false });
    });
  });
}
