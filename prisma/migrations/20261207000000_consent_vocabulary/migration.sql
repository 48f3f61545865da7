-- A contact's consent in the code's words: opted in / opted out (and the opt-out's source), where
-- the first schema said subscribed / unsubscribed. Renames only: every row keeps its value, and the
-- column default follows the renamed enum value. The public API's names are unchanged.

-- RenameEnum
ALTER TYPE "SubscriptionStatus" RENAME TO "ConsentStatus";
ALTER TYPE "ConsentStatus" RENAME VALUE 'SUBSCRIBED' TO 'OPTED_IN';
ALTER TYPE "ConsentStatus" RENAME VALUE 'UNSUBSCRIBED' TO 'OPTED_OUT';

-- RenameColumns
ALTER TABLE "Contact" RENAME COLUMN "subscriptionStatus" TO "consentStatus";
ALTER TABLE "Contact" RENAME COLUMN "subscribedAt" TO "optedInAt";
ALTER TABLE "Contact" RENAME COLUMN "unsubscribedAt" TO "optedOutAt";
ALTER TABLE "Contact" RENAME COLUMN "unsubscribeSource" TO "optOutSource";

-- The audit entries of opt-outs and opt-ins, named as their webhook events are.
UPDATE "AuditLog" SET "action" = 'contact.opted_out' WHERE "action" = 'contact.unsubscribed';
UPDATE "AuditLog" SET "action" = 'contact.opted_in' WHERE "action" = 'contact.subscribed';
