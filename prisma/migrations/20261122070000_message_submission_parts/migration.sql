-- How many parts the carrier took the message in, on each of its parts. A receipt for a message
-- sent as one part is the message's own status: no part status is kept for it, and it needs no lock
-- of its part (lib/messaging/record-receipt.ts). Parts written before this count their siblings.
ALTER TABLE "MessageSubmission" ADD COLUMN "parts" INTEGER NOT NULL DEFAULT 1;

UPDATE "MessageSubmission" s SET "parts" = c.n
FROM (SELECT "messageId", count(*)::int AS n FROM "MessageSubmission" GROUP BY "messageId" HAVING count(*) > 1) c
WHERE c."messageId" = s."messageId";
