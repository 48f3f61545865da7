-- Each contact's last delivery outcome (lib/messaging/last-outcome.ts), for the segment rule "last
-- delivery failed": one row per contact, kept by applyStatusChanges from now on, filled here from
-- the messages already sent.
CREATE TABLE "ContactLastOutcome" (
    "contactId" TEXT NOT NULL,
    "orgId" TEXT NOT NULL,
    "messageId" TEXT NOT NULL,
    "status" "MessageStatus" NOT NULL,
    "errorCode" TEXT,

    CONSTRAINT "ContactLastOutcome_pkey" PRIMARY KEY ("contactId")
);

ALTER TABLE "ContactLastOutcome" ADD CONSTRAINT "ContactLastOutcome_contactId_fkey" FOREIGN KEY ("contactId") REFERENCES "Contact"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- The rule reads the failures only (with a code or any): a few percent of the rows. Partial, which
-- schema.prisma cannot declare.
CREATE INDEX "ContactLastOutcome_orgId_errorCode_failed_idx" ON "ContactLastOutcome"("orgId", "errorCode", "contactId") WHERE "status" IN ('FAILED', 'UNDELIVERED');

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
