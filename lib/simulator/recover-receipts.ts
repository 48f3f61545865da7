// The safety net under the simulator's receipts: they travel as an event emitted after the dispatch
// round commits SENT (simulator-adapter.ts `recorded`), so a process killed in between loses them
// and its messages would stay SENT (and their campaign open) until the campaign sweep gives up an
// hour later. Messages of simulator connections still SENT well after their connection's delivery
// delay get a receipt drawn now, as the network would have reported it. Safe against the normal path
// arriving too (a late event, a second sweep): final statuses stay final (lib/messaging/status.ts), so
// a second receipt for a message moves nothing and counts nothing.
import type { Db } from "@/lib/db/client";
import { systemSql } from "@/lib/db/sql";
import type { CarrierReceipt } from "@/lib/carriers/carrier";
import { simulatorConfig } from "@/lib/carriers/connection-config";
import { recordReceipts } from "@/lib/messaging/record-receipt";
import { simulatedOutcome } from "@/lib/simulator/simulator-adapter";

/** How long past its delivery delay a receipt may still be on its way (the executor's backlog). */
export const RECEIPT_GRACE_MS = 2 * 60_000;
// Older than this the message is left alone, so the sweep's index range stays short (PendingReceipt
// keeps unmatched receipts as long).
const OLDEST_DAYS = 7;
const BATCH = 5_000;

interface LostMessage {
  id: string;
  connectionId: string;
  config: unknown;
  sentMs: number;
}

/** Records receipts for simulator messages whose receipts were lost; returns how many it recorded. */
export async function recoverSimulatorReceipts(db: Db, now = new Date(), limit = BATCH): Promise<number> {
  const defaultDelay = simulatorConfig.parse({}).deliveryDelayMs;
  const sql = systemSql(db);
  // Per simulator sender, an index range of its SENT messages (the partial index of
  // migrations/20261217000401_message_sent_by_sender holds only messages in SENT); other carriers'
  // SENT messages (some never get receipts) are never read.
  const lost = await sql.$queryRaw<LostMessage[]>`
    SELECT m.id, c.id AS "connectionId", c.config, (extract(epoch FROM m."sentAt") * 1000)::float8 AS "sentMs"
    FROM "CarrierConnection" c
    JOIN "SenderNumber" s ON s."connectionId" = c.id
    CROSS JOIN LATERAL (
      SELECT m.id, m."sentAt" FROM "Message" m
      WHERE m."senderId" = s.id AND m.status = 'SENT'
        AND m."sentAt" > ${now.toISOString()}::timestamp - ${OLDEST_DAYS} * interval '1 day'
        AND m."sentAt" < ${now.toISOString()}::timestamp
          - (coalesce((c.config ->> 'deliveryDelayMs')::bigint, ${defaultDelay}) + ${RECEIPT_GRACE_MS}) * interval '1 millisecond'
      ORDER BY m."sentAt" LIMIT ${limit}
    ) m
    WHERE c.kind = 'SIMULATOR'
    LIMIT ${limit}`;
  if (lost.length === 0) return 0;
  // Their parts not yet reported, by message id alone: joined in the statement above, a planner
  // whose statistics lag a million fresh submissions read every submission of the connection
  // for each message (measured: past the 30 s statement timeout in bench:campaign).
  const parts = await sql.$queryRaw<{ messageId: string; connectionId: string; carrierMessageId: string }[]>`
    SELECT "messageId", "connectionId", "carrierMessageId" FROM "MessageSubmission"
    WHERE "messageId" = ANY(${lost.map((m) => m.id)}::text[]) AND status IS NULL`;
  const byId = new Map(lost.map((m) => [m.id, m]));
  const rows = parts.flatMap((p) => {
    const message = byId.get(p.messageId)!;
    // A part sent by another connection (the number moved since) is that carrier's to report.
    return p.connectionId === message.connectionId ? [{ ...message, carrierMessageId: p.carrierMessageId }] : [];
  });
  const byConnection = new Map<string, { config: unknown; receipts: CarrierReceipt[] }>();
  for (const row of rows) {
    let entry = byConnection.get(row.connectionId);
    if (!entry) byConnection.set(row.connectionId, (entry = { config: row.config, receipts: [] }));
    const config = simulatorConfig.safeParse(entry.config);
    const settings = config.success ? config.data : simulatorConfig.parse({});
    entry.receipts.push({
      carrierMessageId: row.carrierMessageId,
      ...simulatedOutcome(settings),
      occurredAt: new Date(row.sentMs + settings.deliveryDelayMs),
    });
  }
  for (const [connectionId, { receipts }] of byConnection) await recordReceipts(db, connectionId, receipts);
  return rows.length;
}
