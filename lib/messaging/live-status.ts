// Which status moves are published live (topic `message.status`, lib/realtime/topics.ts): those of
// outbound messages a person or a keyword reply sent (sources "ui", "system"), the texts an inbox
// thread shows being answered. Not a campaign's nor the API's: they move by the thousand a second,
// and a row and a NOTIFY each would slow the pipeline (bench:pipeline, BENCHMARKS.md); a thread
// shows their status when it reads the thread again. The test is in applyStatusChanges' own
// statement, so a move of another source pays one comparison and no extra statement.
import type { SqlClient } from "@/lib/db/sql";
import type { MessageStatus } from "@/lib/generated/prisma/enums";
import { publishLive } from "@/lib/realtime/publish-live";

export const LIVE_STATUS_SOURCES: readonly string[] = ["ui", "system"];

export interface LiveStatusMove {
  id: string;
  orgId: string;
  /** [contactId, errorCode] as JSON, from applyStatusChanges' statement. */
  live: string | null;
}

/** Publishes the moves to `status` in `tx`'s transaction, one batch per org. */
export async function publishStatusMoves(tx: SqlClient, status: MessageStatus, moves: readonly LiveStatusMove[]): Promise<void> {
  const byOrg = new Map<string, { topic: string; data: Record<string, unknown> }[]>();
  for (const m of moves) {
    const [contactId, errorCode] = JSON.parse(m.live ?? "[null, null]") as [string | null, string | null];
    const events = byOrg.get(m.orgId) ?? [];
    events.push({ topic: "message.status", data: { messageId: m.id, contactId, status, errorCode } });
    byOrg.set(m.orgId, events);
  }
  for (const [orgId, events] of byOrg) await publishLive(tx, orgId, events);
}
