// One process's ear on the live channel (lib/realtime/channel.ts): a dedicated PostgreSQL connection
// (not the pool's: a LISTEN holds its session) that hears every org's events and hands each to this
// process's subscribers of that org (the SSE streams of app/api/live). Several app processes each
// have their own, all hearing every commit.
//
// Nothing is lost when the connection breaks (a database restart, a network cut): it reconnects with
// backoff, LISTENs again, then reads back every row from its catch-up point on
// (lib/realtime/live-cursor.ts), dropping those it had heard. NOTIFYs are handled one at a time in
// the order they arrive, which is the order their transactions committed.
import pg from "pg";
import { logger } from "@/lib/log/logger";
import type { Prisma } from "@/lib/generated/prisma/client";
import { channelFor, type LivePayload } from "@/lib/realtime/channel";
import { eventsOfTransaction, eventsSinceHorizon, HORIZON_NOW, type StoredEvent } from "@/lib/realtime/live-cursor";
import { laterHorizon, RecentIds } from "@/lib/realtime/recent-ids";
import type { LiveMessage } from "@/lib/realtime/topics";

const log = logger.child({ component: "realtime" });

export type LiveSubscriber = (message: LiveMessage) => void;

export interface LiveListenerOptions {
  /** A postgresql:// URL; a `schema` parameter (tests, benchmarks) is that schema's channel and tables. */
  url: string;
  /** First and longest wait between reconnection attempts. */
  backoffMs?: { min: number; max: number };
}

export class LiveListener {
  private readonly subscribers = new Map<string, Set<LiveSubscriber>>();
  private readonly recent = new RecentIds(20_000);
  private client: pg.Client | null = null;
  /** Catch-up point: every event committed from here on may not have been heard (null: not yet connected). */
  private horizon: string | null = null;
  /** NOTIFYs and catch-ups, one at a time, in order. */
  private chain: Promise<void> = Promise.resolve();
  private started: Promise<void> | null = null;
  private closed = false;
  private attempt = 0;
  private retry: NodeJS.Timeout | null = null;
  private firstConnected!: () => void;
  private readonly connected = new Promise<void>((resolve) => (this.firstConnected = resolve));

  constructor(private readonly options: LiveListenerOptions) {}

  /** Hears `orgId`'s events until the returned function is called. Starts listening on first use. */
  subscribe(orgId: string, subscriber: LiveSubscriber): () => void {
    void this.start();
    let set = this.subscribers.get(orgId);
    if (!set) this.subscribers.set(orgId, (set = new Set()));
    set.add(subscriber);
    return () => {
      set.delete(subscriber);
      if (set.size === 0 && this.subscribers.get(orgId) === set) this.subscribers.delete(orgId);
    };
  }

  /** Resolves once the first LISTEN is in place: anything committed after is heard. */
  ready(): Promise<void> {
    void this.start();
    return this.connected;
  }

  /** The listening connection's server process id (tests end it to see the listener recover). */
  get backendPid(): number | null {
    return (this.client as unknown as { processID?: number } | null)?.processID ?? null;
  }

  async close(): Promise<void> {
    this.closed = true;
    if (this.retry) clearTimeout(this.retry);
    const client = this.client;
    this.client = null;
    await client?.end().catch(() => {});
  }

  private start(): Promise<void> {
    return (this.started ??= this.connect());
  }

  private async connect(): Promise<void> {
    if (this.closed) return;
    const url = new URL(this.options.url);
    const schema = url.searchParams.get("schema");
    url.searchParams.delete("schema");
    const client = new pg.Client({ connectionString: url.toString(), keepAlive: true, keepAliveInitialDelayMillis: 10_000 });
    let broken = false;
    const onBroken = (error?: Error) => {
      if (broken) return;
      broken = true;
      if (this.client === client) this.client = null;
      client.end().catch(() => {});
      if (!this.closed) {
        log.warn(`live listener connection lost (${error?.message ?? "ended"}); reconnecting`);
        this.reconnectLater();
      }
    };
    client.on("error", onBroken);
    client.on("end", () => onBroken());
    client.on("notification", (notice) => {
      if (notice.payload) this.enqueue(() => this.handle(client, notice.payload!));
    });
    // The catch-up goes first in the queue, before any NOTIFY the LISTEN lets in; it waits for the LISTEN.
    let listened = () => {};
    const listening = new Promise<void>((resolve) => (listened = resolve));
    try {
      await client.connect();
      await client.query("SET statement_timeout = 30000");
      if (schema) await client.query(`SET search_path TO "${schema.replaceAll('"', '""')}", public`);
      const { rows } = await client.query<{ schema: string }>("SELECT current_schema() AS schema");
      const catchUp = this.enqueue(async () => {
        await listening;
        await this.catchUp(client);
      });
      await client.query(`LISTEN "${channelFor(rows[0]!.schema).replaceAll('"', '""')}"`);
      listened();
      await catchUp;
      if (this.closed) return void (await client.end().catch(() => {}));
      this.client = client;
      this.attempt = 0;
      this.firstConnected();
    } catch (error) {
      listened();
      onBroken(error as Error);
    }
  }

  private reconnectLater(): void {
    const { min, max } = this.options.backoffMs ?? { min: 250, max: 10_000 };
    const wait = Math.min(max, min * 2 ** this.attempt++);
    this.retry = setTimeout(() => {
      this.retry = null;
      void this.connect();
    }, wait);
  }

  private enqueue(work: () => Promise<void>): Promise<void> {
    const next = this.chain.then(work);
    // A failure (the connection broke mid-read) leaves the catch-up point where it was: the
    // reconnection's catch-up reads it again.
    this.chain = next.catch((error: Error) => log.warn(`live listener: ${error.message}`));
    return next;
  }

  private async catchUp(client: pg.Client): Promise<void> {
    const [{ horizon }] = (await client.query<{ horizon: string }>(HORIZON_NOW.text)).rows as [{ horizon: string }];
    if (this.horizon !== null) {
      const events = await eventsSinceHorizon(query(client), this.horizon);
      for (const event of events) this.deliver(event.orgId, event);
    }
    this.horizon = laterHorizon(this.horizon, horizon);
  }

  private async handle(client: pg.Client, text: string): Promise<void> {
    const payload = JSON.parse(text) as LivePayload;
    if ("p" in payload) return this.deliver(payload.o, { topic: "presence", data: payload.p });
    const events: StoredEvent[] =
      "e" in payload
        ? payload.e.map(([id, topic, data]) => ({ id, orgId: payload.o, topic, data }))
        : await eventsOfTransaction(query(client), payload.x, payload.a, payload.b);
    for (const event of events) this.deliver(payload.o, event);
    this.horizon = laterHorizon(this.horizon, payload.h);
  }

  private deliver(orgId: string, message: LiveMessage & { orgId?: string }): void {
    if (message.id !== undefined && !this.recent.add(message.id)) return;
    const set = this.subscribers.get(orgId);
    if (!set) return;
    const { id, topic, data } = message;
    // One object for every subscriber: a stream encodes its frame once for all (live-stream.ts).
    const shared: LiveMessage = Object.freeze(id === undefined ? { topic, data } : { id, topic, data });
    for (const subscriber of [...set]) {
      try {
        subscriber(shared);
      } catch (error) {
        log.error(`live subscriber failed: ${(error as Error).message}`);
      }
    }
  }
}

const query = (client: pg.Client) => async (sql: Prisma.Sql) =>
  (await client.query({ text: sql.text, values: sql.values as unknown[] })).rows;
