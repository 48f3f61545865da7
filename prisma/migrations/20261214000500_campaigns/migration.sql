-- Campaigns (lib/campaigns/): the campaign, its recipients (the audience resolved once, with a skip
-- reason per contact who gets nothing), and the messages' link to the campaign that made them.
CREATE TYPE "CampaignStatus" AS ENUM ('DRAFT', 'SCHEDULED', 'SENDING', 'PAUSED', 'COMPLETED', 'CANCELED');
CREATE TYPE "CampaignSkipReason" AS ENUM ('OPTED_OUT', 'INVALID_NUMBER', 'FREQUENCY_CAPPED');

CREATE TABLE "Campaign" (
    "id" TEXT NOT NULL,
    "orgId" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "status" "CampaignStatus" NOT NULL DEFAULT 'DRAFT',
    "body" TEXT NOT NULL,
    "mediaIds" TEXT[] DEFAULT ARRAY[]::TEXT[],
    "audience" JSONB NOT NULL,
    "senderIds" TEXT[],
    "schedule" JSONB NOT NULL,
    "appendOptOut" BOOLEAN NOT NULL DEFAULT false,
    "startAt" TIMESTAMP(3),
    "resolvedAt" TIMESTAMP(3),
    "recipients" INTEGER NOT NULL DEFAULT 0,
    "duplicates" INTEGER NOT NULL DEFAULT 0,
    "createdById" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,
    "startedAt" TIMESTAMP(3),
    "completedAt" TIMESTAMP(3),
    "canceledAt" TIMESTAMP(3),
    CONSTRAINT "Campaign_pkey" PRIMARY KEY ("id")
);
CREATE INDEX "Campaign_orgId_id_idx" ON "Campaign"("orgId", "id" DESC);
CREATE INDEX "Campaign_status_idx" ON "Campaign"("status");
ALTER TABLE "Campaign" ADD CONSTRAINT "Campaign_orgId_fkey" FOREIGN KEY ("orgId") REFERENCES "Organization"("id") ON DELETE CASCADE ON UPDATE CASCADE;

CREATE TABLE "CampaignRecipient" (
    "campaignId" TEXT NOT NULL,
    "contactId" TEXT NOT NULL,
    "orgId" TEXT NOT NULL,
    "skipReason" "CampaignSkipReason",
    "senderId" TEXT,
    "sendAt" TIMESTAMP(3),
    "messageId" TEXT,
    "segments" INTEGER,
    "priceMicros" INTEGER,
    CONSTRAINT "CampaignRecipient_pkey" PRIMARY KEY ("campaignId","contactId")
);
CREATE INDEX "CampaignRecipient_campaignId_skipReason_idx" ON "CampaignRecipient"("campaignId", "skipReason");
-- The fan-out's pick: recipients still to send, by when they are due.
CREATE INDEX "CampaignRecipient_due_idx" ON "CampaignRecipient"("campaignId", "sendAt") WHERE "messageId" IS NULL AND "skipReason" IS NULL;
ALTER TABLE "CampaignRecipient" ADD CONSTRAINT "CampaignRecipient_campaignId_fkey" FOREIGN KEY ("campaignId") REFERENCES "Campaign"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "CampaignRecipient" ADD CONSTRAINT "CampaignRecipient_contactId_fkey" FOREIGN KEY ("contactId") REFERENCES "Contact"("id") ON DELETE CASCADE ON UPDATE CASCADE;

ALTER TABLE "Message" ADD COLUMN "campaignId" TEXT;
ALTER TABLE "Message" ADD CONSTRAINT "Message_campaignId_fkey" FOREIGN KEY ("campaignId") REFERENCES "Campaign"("id") ON DELETE SET NULL ON UPDATE CASCADE;
-- No contact ever gets two messages of one campaign, whatever retries or runs race (the backstop
-- under the recipients' messageId); also the progress counts' index (by campaign, by status).
CREATE UNIQUE INDEX "Message_campaignId_contactId_key" ON "Message"("campaignId", "contactId") WHERE "campaignId" IS NOT NULL;
CREATE INDEX "Message_campaignId_status_idx" ON "Message"("campaignId", status) WHERE "campaignId" IS NOT NULL;
