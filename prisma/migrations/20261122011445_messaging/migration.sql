-- CreateEnum
CREATE TYPE "CarrierKind" AS ENUM ('SIMULATOR', 'SMPP', 'TWILIO');

-- CreateEnum
CREATE TYPE "SenderKind" AS ENUM ('LONG_CODE', 'TOLL_FREE', 'SHORT_CODE', 'ALPHANUMERIC');

-- CreateEnum
CREATE TYPE "MessageDirection" AS ENUM ('OUTBOUND', 'INBOUND');

-- CreateEnum
CREATE TYPE "MessageStatus" AS ENUM ('SCHEDULED', 'QUEUED', 'SENDING', 'SENT', 'DELIVERED', 'UNDELIVERED', 'FAILED', 'RECEIVED', 'CANCELED');

-- CreateEnum
CREATE TYPE "ConsentAction" AS ENUM ('OPT_OUT', 'OPT_IN');

-- AlterTable
ALTER TABLE "Organization" ADD COLUMN     "helpReply" TEXT,
ADD COLUMN     "optInReply" TEXT,
ADD COLUMN     "optOutReply" TEXT;

-- CreateTable
CREATE TABLE "CarrierConnection" (
    "id" TEXT NOT NULL,
    "orgId" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "kind" "CarrierKind" NOT NULL,
    "config" JSONB NOT NULL DEFAULT '{}',
    "smsPriceMicros" INTEGER NOT NULL DEFAULT 0,
    "mmsPriceMicros" INTEGER NOT NULL DEFAULT 0,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "CarrierConnection_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "SenderNumber" (
    "id" TEXT NOT NULL,
    "orgId" TEXT NOT NULL,
    "connectionId" TEXT NOT NULL,
    "kind" "SenderKind" NOT NULL DEFAULT 'LONG_CODE',
    "address" TEXT NOT NULL,
    "label" TEXT,
    "throughput" INTEGER NOT NULL DEFAULT 10,
    "mmsEnabled" BOOLEAN NOT NULL DEFAULT false,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "SenderNumber_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Message" (
    "id" TEXT NOT NULL,
    "orgId" TEXT NOT NULL,
    "direction" "MessageDirection" NOT NULL,
    "status" "MessageStatus" NOT NULL,
    "senderId" TEXT,
    "contactId" TEXT,
    "from" TEXT NOT NULL,
    "to" TEXT NOT NULL,
    "body" TEXT NOT NULL,
    "mediaIds" TEXT[] DEFAULT ARRAY[]::TEXT[],
    "encoding" TEXT NOT NULL,
    "segments" INTEGER NOT NULL,
    "priceMicros" INTEGER NOT NULL DEFAULT 0,
    "marketing" BOOLEAN NOT NULL DEFAULT true,
    "idempotencyKey" TEXT,
    "statusCallback" TEXT,
    "sendAt" TIMESTAMP(3),
    "errorCode" TEXT,
    "errorMessage" TEXT,
    "attempts" INTEGER NOT NULL DEFAULT 0,
    "nextAttemptAt" TIMESTAMP(3),
    "carrierMessageId" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,
    "sentAt" TIMESTAMP(3),
    "deliveredAt" TIMESTAMP(3),
    "failedAt" TIMESTAMP(3),
    "receivedAt" TIMESTAMP(3),

    CONSTRAINT "Message_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "MessageEvent" (
    "id" TEXT NOT NULL,
    "orgId" TEXT NOT NULL,
    "messageId" TEXT NOT NULL,
    "status" "MessageStatus" NOT NULL,
    "errorCode" TEXT,
    "errorMessage" TEXT,
    "source" TEXT NOT NULL,
    "detail" JSONB,
    "occurredAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "MessageEvent_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "MessageSubmission" (
    "connectionId" TEXT NOT NULL,
    "carrierMessageId" TEXT NOT NULL,
    "messageId" TEXT NOT NULL,
    "part" INTEGER NOT NULL,
    "status" "MessageStatus",
    "errorCode" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "MessageSubmission_pkey" PRIMARY KEY ("connectionId","carrierMessageId")
);

-- CreateTable
CREATE TABLE "PendingReceipt" (
    "connectionId" TEXT NOT NULL,
    "carrierMessageId" TEXT NOT NULL,
    "status" "MessageStatus" NOT NULL,
    "errorCode" TEXT,
    "errorMessage" TEXT,
    "occurredAt" TIMESTAMP(3) NOT NULL,
    "receivedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "PendingReceipt_pkey" PRIMARY KEY ("connectionId","carrierMessageId")
);

-- CreateTable
CREATE TABLE "ConsentEvent" (
    "id" TEXT NOT NULL,
    "orgId" TEXT NOT NULL,
    "contactId" TEXT NOT NULL,
    "action" "ConsentAction" NOT NULL,
    "source" TEXT NOT NULL,
    "keyword" TEXT,
    "messageId" TEXT,
    "occurredAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "ConsentEvent_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "MediaAsset" (
    "id" TEXT NOT NULL,
    "orgId" TEXT NOT NULL,
    "storageKey" TEXT NOT NULL,
    "contentType" TEXT NOT NULL,
    "size" INTEGER NOT NULL,
    "fileName" TEXT,
    "sha256" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "MediaAsset_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "CarrierConnection_orgId_idx" ON "CarrierConnection"("orgId");

-- CreateIndex
CREATE UNIQUE INDEX "SenderNumber_orgId_address_key" ON "SenderNumber"("orgId", "address");

-- CreateIndex
CREATE UNIQUE INDEX "SenderNumber_connectionId_address_key" ON "SenderNumber"("connectionId", "address");

-- CreateIndex
CREATE INDEX "Message_orgId_id_idx" ON "Message"("orgId", "id" DESC);

-- CreateIndex
CREATE INDEX "Message_orgId_status_id_idx" ON "Message"("orgId", "status", "id" DESC);

-- CreateIndex
CREATE INDEX "Message_orgId_contactId_id_idx" ON "Message"("orgId", "contactId", "id" DESC);

-- CreateIndex
CREATE INDEX "Message_senderId_status_id_idx" ON "Message"("senderId", "status", "id");

-- CreateIndex
CREATE UNIQUE INDEX "Message_orgId_idempotencyKey_key" ON "Message"("orgId", "idempotencyKey");

-- CreateIndex
CREATE INDEX "MessageEvent_messageId_occurredAt_idx" ON "MessageEvent"("messageId", "occurredAt");

-- CreateIndex
CREATE INDEX "MessageEvent_orgId_id_idx" ON "MessageEvent"("orgId", "id" DESC);

-- CreateIndex
CREATE INDEX "MessageSubmission_messageId_idx" ON "MessageSubmission"("messageId");

-- CreateIndex
CREATE INDEX "ConsentEvent_orgId_contactId_occurredAt_idx" ON "ConsentEvent"("orgId", "contactId", "occurredAt");

-- CreateIndex
CREATE UNIQUE INDEX "MediaAsset_storageKey_key" ON "MediaAsset"("storageKey");

-- CreateIndex
CREATE INDEX "MediaAsset_orgId_idx" ON "MediaAsset"("orgId");

-- AddForeignKey
ALTER TABLE "CarrierConnection" ADD CONSTRAINT "CarrierConnection_orgId_fkey" FOREIGN KEY ("orgId") REFERENCES "Organization"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "SenderNumber" ADD CONSTRAINT "SenderNumber_orgId_fkey" FOREIGN KEY ("orgId") REFERENCES "Organization"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "SenderNumber" ADD CONSTRAINT "SenderNumber_connectionId_fkey" FOREIGN KEY ("connectionId") REFERENCES "CarrierConnection"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Message" ADD CONSTRAINT "Message_orgId_fkey" FOREIGN KEY ("orgId") REFERENCES "Organization"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Message" ADD CONSTRAINT "Message_senderId_fkey" FOREIGN KEY ("senderId") REFERENCES "SenderNumber"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Message" ADD CONSTRAINT "Message_contactId_fkey" FOREIGN KEY ("contactId") REFERENCES "Contact"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "MessageEvent" ADD CONSTRAINT "MessageEvent_messageId_fkey" FOREIGN KEY ("messageId") REFERENCES "Message"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "MessageSubmission" ADD CONSTRAINT "MessageSubmission_messageId_fkey" FOREIGN KEY ("messageId") REFERENCES "Message"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ConsentEvent" ADD CONSTRAINT "ConsentEvent_orgId_fkey" FOREIGN KEY ("orgId") REFERENCES "Organization"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ConsentEvent" ADD CONSTRAINT "ConsentEvent_contactId_fkey" FOREIGN KEY ("contactId") REFERENCES "Contact"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "MediaAsset" ADD CONSTRAINT "MediaAsset_orgId_fkey" FOREIGN KEY ("orgId") REFERENCES "Organization"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- CreateIndex
CREATE INDEX "Message_orgId_carrierMessageId_idx" ON "Message"("orgId", "carrierMessageId");
