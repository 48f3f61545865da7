-- A/B tests of campaigns (lib/campaigns/campaign-variants.ts, pick-winner.ts, decide-winner.ts).
-- A campaign's variants ([] when it has one message) and its test's settings; the decision, once
-- made, with the counts behind it. A recipient's variant is decided at the start; null for the
-- skipped and, in a test then winner, for the rest, who get the winner's (their sendAt stays null
-- until the decision, so the fan-out's due index never offers them before).
ALTER TABLE "Campaign" ADD COLUMN "variants" JSONB NOT NULL DEFAULT '[]',
  ADD COLUMN "abTest" JSONB,
  ADD COLUMN "decideAt" TIMESTAMP(3),
  ADD COLUMN "winnerVariant" INTEGER,
  ADD COLUMN "decidedAt" TIMESTAMP(3),
  ADD COLUMN "decision" JSONB;

ALTER TABLE "CampaignRecipient" ADD COLUMN "variant" SMALLINT;
