-- A click's message, as a relation: the Messages page lists the messages people clicked in a period
-- (the dashboard's click rate opens it). Indexed for that, and for a message's deletion.
CREATE INDEX "LinkClick_messageId_idx" ON "LinkClick"("messageId");
ALTER TABLE "LinkClick" ADD CONSTRAINT "LinkClick_messageId_fkey" FOREIGN KEY ("messageId") REFERENCES "Message"("id") ON DELETE SET NULL ON UPDATE CASCADE;
