-- The dashboard (lib/analytics/): where a message and a contact came from, the daily message rollup
-- kept by the refresh-analytics job, and the org's deliverability alert thresholds.

-- Who made an outbound message: "campaign", "api", "ui", "workflow", "system" (keyword replies);
-- null for inbound ones. Written by sendMessages and the campaign fan-out; older rows take their
-- first history row's source.
ALTER TABLE "Message" ADD COLUMN "source" TEXT;
UPDATE "Message" m SET "source" = CASE WHEN m."campaignId" IS NOT NULL THEN 'campaign' ELSE (
    SELECT e.source FROM "MessageEvent" e WHERE e."messageId" = m.id ORDER BY e."occurredAt", e.id LIMIT 1) END
  WHERE m.direction = 'OUTBOUND';

-- How a contact came: "import", "api", "ui" (made, or texted as a new number), "campaign"/"workflow"
-- (never in practice: they text contacts), "inbound" (their own text); null for contacts made before
-- this column (older imports are recognised).
ALTER TABLE "Contact" ADD COLUMN "source" TEXT;
UPDATE "Contact" c SET "source" = 'import'
  WHERE EXISTS (SELECT 1 FROM "ConsentEvent" e WHERE e."contactId" = c.id AND e."importId" IS NOT NULL);
-- New contacts of a period by source, read along the index alone.
CREATE INDEX "Contact_orgId_createdAt_idx" ON "Contact"("orgId", "createdAt") INCLUDE ("source");
-- Opt-outs of a period.
CREATE INDEX "ConsentEvent_orgId_occurredAt_idx" ON "ConsentEvent"("orgId", "occurredAt") INCLUDE ("action");

-- Alert thresholds in basis points of the messages sent over 7 days (500 = 5%, 130 = 1.3%).
ALTER TABLE "Organization" ADD COLUMN "failureAlertBps" INTEGER NOT NULL DEFAULT 500,
                           ADD COLUMN "optOutAlertBps" INTEGER NOT NULL DEFAULT 130;

-- One row per org, UTC day of the message's creation, sender, source, campaign, direction and
-- error code ('' for none: the key is a primary key), with counts by outcome. An inbound text's
-- campaign is the one of the last message its contact got, if within 5 days (replies and STOPs by
-- campaign); optOuts counts inbound texts that opted their contact out.
CREATE TABLE "MessageDailyStat" (
    "orgId" TEXT NOT NULL,
    "day" DATE NOT NULL,
    "senderId" TEXT NOT NULL,
    "source" TEXT NOT NULL,
    "campaignId" TEXT NOT NULL,
    "direction" "MessageDirection" NOT NULL,
    "errorCode" TEXT NOT NULL,
    "messages" INTEGER NOT NULL,
    "sent" INTEGER NOT NULL,
    "delivered" INTEGER NOT NULL,
    "failed" INTEGER NOT NULL,
    "pending" INTEGER NOT NULL,
    "canceled" INTEGER NOT NULL,
    "received" INTEGER NOT NULL,
    "optOuts" INTEGER NOT NULL,
    "segments" BIGINT NOT NULL,
    "priceMicros" BIGINT NOT NULL,

    CONSTRAINT "MessageDailyStat_pkey" PRIMARY KEY ("orgId", "day", "senderId", "source", "campaignId", "direction", "errorCode")
);
ALTER TABLE "MessageDailyStat" ADD CONSTRAINT "MessageDailyStat_orgId_fkey" FOREIGN KEY ("orgId") REFERENCES "Organization"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- How far the refresh job has read the pipeline's writes (one row, id 'messages').
CREATE TABLE "AnalyticsWatermark" (
    "id" TEXT NOT NULL,
    "at" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "AnalyticsWatermark_pkey" PRIMARY KEY ("id")
);
