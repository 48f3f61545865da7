// Receiving events (from the HTTP API, and internal ones such as inngest/function.failed): every
// event is stored, then resolves waits, cancels runs and starts functions. All in the caller's
// transaction, so an event is either fully taken in or not at all.
import { newId } from "../../lib/ids.ts";
import type { Ctx, EventPayload } from "../context.ts";
import type { Tx } from "../db.ts";
import { fanOut } from "./fanout.ts";
import { matchWaits } from "./waits.ts";

export interface IncomingEvent {
  name: string;
  data?: Record<string, unknown>;
  user?: Record<string, unknown>;
  /** The sender's id: a second event with the same id within 24 hours is stored but runs nothing. */
  id?: string;
  ts?: number;
  v?: string;
}

/** The SDK's x-inngest-event-id-seed ("<ms>,<base64 entropy>"): a retried send gets the same ids. */
export interface IdSeed {
  millis: number;
  entropy: Uint8Array;
}

export function parseIdSeed(header: string | undefined): IdSeed | undefined {
  const match = header ? /^(\d+),([A-Za-z0-9+/=]+)$/.exec(header) : null;
  if (!match) return undefined;
  const entropy = Buffer.from(match[2]!, "base64");
  return entropy.length >= 4 ? { millis: Number(match[1]), entropy } : undefined;
}

function seededId(seed: IdSeed, index: number): string {
  const random = new Uint8Array(14);
  random.set(seed.entropy.subarray(0, 10));
  new DataView(random.buffer).setUint32(10, index);
  return newId("event", new Date(seed.millis), random);
}

/** Stores and acts on `events`; returns their ids, in order. */
export async function ingestEvents(tx: Tx, ctx: Ctx, events: IncomingEvent[], seed?: IdSeed): Promise<string[]> {
  const now = Date.now();
  const stored = events.map((e, i) => {
    const id = seed ? seededId(seed, i) : newId("event");
    const payload: EventPayload = { name: e.name, data: e.data ?? {}, id: e.id ?? id, ts: e.ts ?? now };
    if (e.user) payload.user = e.user;
    if (e.v) payload.v = e.v;
    return { id, externalId: e.id ?? null, payload };
  });
  const rows = stored.map((s) => ({
    id: s.id,
    name: s.payload.name,
    data: s.payload.data,
    user: s.payload.user ?? null,
    externalId: s.externalId,
    version: s.payload.v ?? null,
    ts: s.payload.ts,
  }));
  const { t } = ctx.db;
  const inserted = await tx.query<{ id: string }>(
    `INSERT INTO ${t.event} (id, name, data, "user", "externalId", version, "occurredAt")
     SELECT x.id, x.name, x.data, x."user", x."externalId", x.version, to_timestamp(x.ts / 1000.0)
     FROM jsonb_to_recordset($1::jsonb) AS x(id text, name text, data jsonb, "user" jsonb, "externalId" text, version text, ts float8)
     ON CONFLICT (id) DO NOTHING RETURNING id`,
    [JSON.stringify(rows)],
  );
  const fresh = new Set(inserted.map((row) => row.id));
  const candidates = stored.filter((s) => fresh.has(s.id));

  const externalIds = [...new Set(candidates.flatMap((s) => (s.externalId ? [s.externalId] : [])))].sort();
  const seen = new Set<string>();
  if (externalIds.length > 0) {
    await tx.query(`SELECT pg_advisory_xact_lock(hashtextextended(k, 1)) FROM unnest($1::text[]) AS k`, [externalIds]);
    const earlier = await tx.query<{ externalId: string }>(
      `SELECT DISTINCT "externalId" FROM ${t.event} WHERE "externalId" = ANY($1::text[]) AND id <> ALL($2::text[]) AND "receivedAt" > now() - interval '24 hours'`,
      [externalIds, [...fresh]],
    );
    for (const row of earlier) seen.add(row.externalId);
  }
  const runnable = candidates.filter((s) => {
    if (!s.externalId) return true;
    if (seen.has(s.externalId)) return false;
    seen.add(s.externalId);
    return true;
  });

  await matchWaits(tx, ctx, runnable.map((s) => s.payload));
  for (const s of runnable) await fanOut(tx, ctx, s.payload, s.id);
  return stored.map((s) => s.id);
}
