-- Sending rules of an org (lib/orgs/sending-rules.ts): its marketing window in each recipient's
-- zone, within the law's 08:00-21:00 (an org may narrow it, never widen it); its cap of marketing
-- texts per recipient per rolling 24 hours (NULL: none of its own); its opt-out language.
ALTER TABLE "Organization"
  ADD COLUMN "quietStart" INTEGER NOT NULL DEFAULT 480,
  ADD COLUMN "quietEnd" INTEGER NOT NULL DEFAULT 1260,
  ADD COLUMN "marketingCapPer24h" INTEGER DEFAULT 1,
  ADD COLUMN "optOutLanguage" TEXT,
  ADD CONSTRAINT "Organization_quiet_window_check" CHECK ("quietStart" >= 480 AND "quietStart" < "quietEnd" AND "quietEnd" <= 1260),
  ADD CONSTRAINT "Organization_marketingCapPer24h_check" CHECK ("marketingCapPer24h" IS NULL OR "marketingCapPer24h" >= 1);

-- A message's recipient window: the dispatcher holds it until the window is open in the zone
-- (lib/delivery/dispatch-round.ts). All three or none.
ALTER TABLE "Message"
  ADD COLUMN "quietZone" TEXT,
  ADD COLUMN "quietStart" INTEGER,
  ADD COLUMN "quietEnd" INTEGER,
  ADD CONSTRAINT "Message_quiet_window_check" CHECK (
    ("quietZone" IS NULL AND "quietStart" IS NULL AND "quietEnd" IS NULL)
    OR ("quietZone" IS NOT NULL AND "quietStart" >= 0 AND "quietStart" < "quietEnd" AND "quietEnd" <= 1440));
