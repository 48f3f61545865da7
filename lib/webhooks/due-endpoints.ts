// Enabled endpoints that have a pending delivery due now (for the sweeper).
import type { Db } from "@/lib/db/client";
import { systemSql } from "@/lib/db/sql";

export async function endpointsWithDueDeliveries(db: Db, now = new Date()): Promise<string[]> {
  const rows = await systemSql(db).$queryRaw<{ id: string }[]>`
    SELECT e.id FROM "WebhookEndpoint" e
    WHERE e.enabled AND EXISTS (
      SELECT 1 FROM "WebhookDelivery" d WHERE d."endpointId" = e.id AND d.status = 'PENDING'
        AND (d."nextAttemptAt" IS NULL OR d."nextAttemptAt" <= ${now.toISOString()}::timestamp))`;
  return rows.map((r) => r.id);
}
