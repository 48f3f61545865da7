-- The org's keyword rules and the texts that triggered them (lib/keywords/, receive-message.ts).
-- CreateTable
CREATE TABLE "KeywordRule" (
    "id" TEXT NOT NULL,
    "orgId" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "keywords" TEXT[],
    "matchOn" TEXT NOT NULL,
    "senderIds" TEXT[] DEFAULT ARRAY[]::TEXT[],
    "reply" TEXT,
    "addTags" TEXT[] DEFAULT ARRAY[]::TEXT[],
    "addListIds" TEXT[] DEFAULT ARRAY[]::TEXT[],
    "subscribe" BOOLEAN NOT NULL DEFAULT false,
    "enabled" BOOLEAN NOT NULL DEFAULT true,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "KeywordRule_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "KeywordMatch" (
    "id" TEXT NOT NULL,
    "orgId" TEXT NOT NULL,
    "ruleId" TEXT NOT NULL,
    "keyword" TEXT NOT NULL,
    "messageId" TEXT NOT NULL,
    "contactId" TEXT NOT NULL,
    "newContact" BOOLEAN NOT NULL,
    "replied" BOOLEAN NOT NULL,
    "occurredAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "KeywordMatch_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "KeywordRule_orgId_idx" ON "KeywordRule"("orgId");

-- CreateIndex
CREATE UNIQUE INDEX "KeywordRule_orgId_name_key" ON "KeywordRule"("orgId", "name");

-- CreateIndex
CREATE INDEX "KeywordMatch_orgId_occurredAt_idx" ON "KeywordMatch"("orgId", "occurredAt");

-- CreateIndex
CREATE INDEX "KeywordMatch_ruleId_contactId_occurredAt_idx" ON "KeywordMatch"("ruleId", "contactId", "occurredAt");

-- AddForeignKey
ALTER TABLE "KeywordRule" ADD CONSTRAINT "KeywordRule_orgId_fkey" FOREIGN KEY ("orgId") REFERENCES "Organization"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "KeywordMatch" ADD CONSTRAINT "KeywordMatch_orgId_fkey" FOREIGN KEY ("orgId") REFERENCES "Organization"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "KeywordMatch" ADD CONSTRAINT "KeywordMatch_ruleId_fkey" FOREIGN KEY ("ruleId") REFERENCES "KeywordRule"("id") ON DELETE CASCADE ON UPDATE CASCADE;

