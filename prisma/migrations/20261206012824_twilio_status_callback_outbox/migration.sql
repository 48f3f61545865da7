-- CreateTable
CREATE TABLE "TwilioStatusCallback" (
    "id" BIGSERIAL NOT NULL,
    "orgId" TEXT NOT NULL,
    "messageId" TEXT NOT NULL,
    "status" "MessageStatus" NOT NULL,
    "errorCode" TEXT,
    "attempts" INTEGER NOT NULL DEFAULT 0,
    "nextAttemptAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "TwilioStatusCallback_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "TwilioStatusCallback_messageId_id_idx" ON "TwilioStatusCallback"("messageId", "id");

-- AddForeignKey
ALTER TABLE "TwilioStatusCallback" ADD CONSTRAINT "TwilioStatusCallback_messageId_fkey" FOREIGN KEY ("messageId") REFERENCES "Message"("id") ON DELETE CASCADE ON UPDATE CASCADE;
