-- Verification codes are not kept readable: the message's body shows the code masked, and the whole
-- text waits here for the carrier only until the message is sent, fails or is canceled.
ALTER TABLE "Message" ADD COLUMN "secretBody" TEXT;
