-- A keyword rule may open or close the contact's inbox conversation (lib/messaging/apply-keyword-rule.ts).
ALTER TABLE "KeywordRule" ADD COLUMN "conversationAction" TEXT;
