-- A campaign's link options (lib/links/): its links shortened per recipient and tracked, and UTM
-- parameters added to their destinations. Both on by default, as Klaviyo and Postscript do.
ALTER TABLE "Campaign" ADD COLUMN "trackLinks" BOOLEAN NOT NULL DEFAULT true;
ALTER TABLE "Campaign" ADD COLUMN "utmParameters" BOOLEAN NOT NULL DEFAULT true;
