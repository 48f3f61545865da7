-- Indexes for segment rules (lib/segments/compile-segment.ts), measured by `npm run bench:segments`
-- at 1M contacts and 5M messages (BENCHMARKS.md says which query uses which).

-- Tags: has any of (&&), has all of (@>). A seq scan is as fast for a tag most contacts have; the
-- planner takes the index for the rarer ones.
CREATE INDEX "Contact_tags_idx" ON "Contact" USING GIN ("tags");

-- Engagement rules read messages by kind and time, then join to contacts. Each index holds only the
-- messages its rule reads (a message is written four times in its life: an index it never enters
-- costs it nothing). Partial, which schema.prisma cannot declare; Prisma's migrate ignores them.

-- "Received a message in the last N days": outbound messages that reached the carrier, by sentAt.
CREATE INDEX "Message_orgId_sentAt_received_idx" ON "Message"("orgId", "sentAt", "contactId") WHERE "direction" = 'OUTBOUND' AND "status" IN ('SENT', 'DELIVERED');

-- "Replied in the last N days / never": inbound messages by time.
CREATE INDEX "Message_orgId_createdAt_inbound_idx" ON "Message"("orgId", "createdAt", "contactId") WHERE "direction" = 'INBOUND';

-- "Last delivery failed (with code)": the failures, and for each the outbound messages with an
-- outcome after it (is there a later one?).
CREATE INDEX "Message_orgId_errorCode_failed_idx" ON "Message"("orgId", "errorCode", "contactId", "id") WHERE "direction" = 'OUTBOUND' AND "status" IN ('FAILED', 'UNDELIVERED');
CREATE INDEX "Message_orgId_contactId_id_outcome_idx" ON "Message"("orgId", "contactId", "id") WHERE "direction" = 'OUTBOUND' AND "status" IN ('SENT', 'DELIVERED', 'UNDELIVERED', 'FAILED');
