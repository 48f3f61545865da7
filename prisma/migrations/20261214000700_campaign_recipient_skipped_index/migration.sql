-- The skipped recipients by reason (the funnel's lists, the skipped CSV): only they need the index.
-- With every recipient in it, the audience's INSERT and each recipient's link to its message wrote an
-- entry a row for nothing.
DROP INDEX "CampaignRecipient_campaignId_skipReason_idx";
CREATE INDEX "CampaignRecipient_skipped_idx" ON "CampaignRecipient"("campaignId", "skipReason") WHERE "skipReason" IS NOT NULL;
