-- A message is written four times in its life (queued, sending, sent, delivered), and each write
-- of a row whose indexed columns change adds an entry to every index of the table. Indexes that
-- only some messages need now hold only those. They are partial, which schema.prisma cannot
-- declare, so it no longer lists them; Prisma's migrate ignores partial indexes (no drift, never
-- dropped). MessageEvent drops an index no query reads.

-- Only messages still waiting or in flight: the dispatcher's claim, its retry times, scheduled
-- sends and the sweeper's stranded `sending` ones.
DROP INDEX "Message_senderId_status_id_idx";
CREATE INDEX "Message_senderId_status_id_idx" ON "Message"("senderId", "status", "id") WHERE "status" IN ('SCHEDULED', 'QUEUED', 'SENDING');

-- Only inbound messages: a carrier retrying an inbound webhook must not make a second message.
DROP INDEX "Message_orgId_carrierMessageId_idx";
CREATE INDEX "Message_orgId_carrierMessageId_idx" ON "Message"("orgId", "carrierMessageId") WHERE "direction" = 'INBOUND';

-- Only messages sent with an idempotency key (still unique per org).
DROP INDEX "Message_orgId_idempotencyKey_key";
CREATE UNIQUE INDEX "Message_orgId_idempotencyKey_key" ON "Message"("orgId", "idempotencyKey") WHERE "idempotencyKey" IS NOT NULL;

DROP INDEX "MessageEvent_orgId_id_idx";
