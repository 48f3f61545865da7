-- Each contact's last delivery outcome (lib/messaging/last-outcome.ts), for the segment rule "last
-- delivery failed": one row per contact, kept by applyStatusChanges from now on, filled here from
-- the messages already sent. Its rows are rewritten with every outcome (sent, then delivered), so
-- no index but the key's and room left on each page (fillfactor, which schema.prisma cannot
-- declare): a rewrite can then be a HOT update, on its page and with no index entry (an index of
-- the failures would hold `status` and rule that out). The rule scans the table for the failures
-- (84 MB at 560k contacts), then looks each one's contact up: a partial index of the failures
-- measured no faster, as the lookups are most of the time.
CREATE TABLE "ContactLastOutcome" (
    "contactId" TEXT NOT NULL,
    "orgId" TEXT NOT NULL,
    "messageId" TEXT NOT NULL,
    "status" "MessageStatus" NOT NULL,
    "errorCode" TEXT,

    CONSTRAINT "ContactLastOutcome_pkey" PRIMARY KEY ("contactId")
) WITH (fillfactor = 70);

ALTER TABLE "ContactLastOutcome" ADD CONSTRAINT "ContactLastOutcome_contactId_fkey" FOREIGN KEY ("contactId") REFERENCES "Contact"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- The backfill: each contact's newest outbound message with an outcome. Its id per contact comes
-- from the outcome index alone (Message_orgId_contactId_id_outcome_idx, read backwards), then one
-- lookup by id per contact for its status: no sort of every outcome.
INSERT INTO "ContactLastOutcome" ("contactId", "orgId", "messageId", "status", "errorCode")
SELECT m."contactId", m."orgId", m.id, m.status, m."errorCode"
FROM (
    SELECT DISTINCT ON ("orgId", "contactId") id
    FROM "Message"
    WHERE "direction" = 'OUTBOUND' AND "status" IN ('SENT', 'DELIVERED', 'UNDELIVERED', 'FAILED') AND "contactId" IS NOT NULL
    ORDER BY "orgId" DESC, "contactId" DESC, id DESC
) latest
JOIN "Message" m ON m.id = latest.id;

-- The rule no longer reads messages: the two indexes migration 20261213000000 made for it go. Every
-- failure wrote an entry in the first, every outcome of an outbound message (sent, then delivered)
-- one in the second; one contact's messages stay indexed by Message_orgId_contactId_id_idx.
DROP INDEX "Message_orgId_errorCode_failed_idx";
DROP INDEX "Message_orgId_contactId_id_outcome_idx";

-- Statistics now, so the rule's first plans know how few rows are failures.
ANALYZE "ContactLastOutcome";
