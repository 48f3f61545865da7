-- Messages in SENT by sender and send time, for the sweep that recovers simulator receipts lost in a
-- crash (lib/simulator/recover-receipts.ts): per simulator sender, an index range of its messages
-- still SENT past the delivery delay. Partial: only messages waiting for a receipt are in it (each
-- message enters and leaves it once), and the SENT ones of carriers that never report are never
-- read by the sweep (they are on other senders). Prisma cannot declare a partial index; it ignores it.
CREATE INDEX "Message_senderId_sentAt_sent_idx" ON "Message"("senderId", "sentAt") WHERE "status" = 'SENT';
