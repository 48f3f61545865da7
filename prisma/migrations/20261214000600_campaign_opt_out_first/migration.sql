-- A campaign's opt-out language becomes a choice of three: off, to the recipients who never had a
-- marketing text from the org (CTIA: in the first message to a subscriber), or to every recipient.
-- Existing campaigns keep what they did: true appended to everyone, false to no one.
CREATE TYPE "CampaignOptOut" AS ENUM ('off', 'first', 'every');

ALTER TABLE "Campaign" ALTER COLUMN "appendOptOut" DROP DEFAULT;
ALTER TABLE "Campaign" ALTER COLUMN "appendOptOut" TYPE "CampaignOptOut"
  USING (CASE WHEN "appendOptOut" THEN 'every' ELSE 'off' END)::"CampaignOptOut";
ALTER TABLE "Campaign" ALTER COLUMN "appendOptOut" SET DEFAULT 'first';

-- Decided per recipient at the start (lib/campaigns/audience-sql.ts), so a retried chunk renders the
-- same body; the recipients of campaigns already started keep their campaign's choice.
ALTER TABLE "CampaignRecipient" ADD COLUMN "optOutLanguage" BOOLEAN NOT NULL DEFAULT false;
UPDATE "CampaignRecipient" r SET "optOutLanguage" = true
FROM "Campaign" c WHERE c.id = r."campaignId" AND c."appendOptOut" = 'every';
