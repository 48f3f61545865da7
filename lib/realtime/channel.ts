// The NOTIFY channel of one database schema: each schema its own, as every test file and benchmark
// has its own schema on a shared server, and a LISTEN would otherwise hear the others' events.
// Publishers name it in SQL (`current_schema()`, the schema their tables resolve to); the listener
// reads the same from its connection.
import { Prisma } from "@/lib/generated/prisma/client";

export const CHANNEL_SQL = Prisma.sql`'textstack_live.' || current_schema()`;

export const channelFor = (schema: string) => `textstack_live.${schema}`;

/** The payload of a NOTIFY on the channel (JSON). Kept under PostgreSQL's 8,000-byte limit by the publisher. */
export type LivePayload =
  /** Events stored in the table, inline: [id, topic, data]; `h` their horizon (lib/realtime/live-cursor.ts). */
  | { o: string; h: string; e: [string, string, Record<string, unknown>][] }
  /** Too many to inline: rows `a`..`b` of transaction `x`, read back by the listener. */
  | { o: string; h: string; x: string; a: string; b: string }
  /** Presence, never stored. */
  | { o: string; p: Record<string, unknown> };
