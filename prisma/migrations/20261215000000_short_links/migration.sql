-- Tracked links and their clicks (lib/links/).
CREATE TABLE "ShortLink" (
    "id" TEXT NOT NULL,
    "orgId" TEXT NOT NULL,
    "code" TEXT NOT NULL,
    "url" TEXT NOT NULL,
    "messageId" TEXT,
    "contactId" TEXT,
    "campaignId" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "expiresAt" TIMESTAMP(3),

    CONSTRAINT "ShortLink_pkey" PRIMARY KEY ("id")
);

CREATE TABLE "LinkClick" (
    "id" TEXT NOT NULL,
    "orgId" TEXT NOT NULL,
    "linkId" TEXT NOT NULL,
    "messageId" TEXT,
    "contactId" TEXT,
    "campaignId" TEXT,
    "occurredAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "userAgent" TEXT,
    "botReason" TEXT,

    CONSTRAINT "LinkClick_pkey" PRIMARY KEY ("id")
);

CREATE UNIQUE INDEX "ShortLink_code_key" ON "ShortLink"("code");
CREATE INDEX "ShortLink_messageId_idx" ON "ShortLink"("messageId");
CREATE INDEX "ShortLink_orgId_campaignId_idx" ON "ShortLink"("orgId", "campaignId");
CREATE INDEX "LinkClick_linkId_idx" ON "LinkClick"("linkId");
CREATE INDEX "LinkClick_orgId_occurredAt_idx" ON "LinkClick"("orgId", "occurredAt");
CREATE INDEX "LinkClick_campaignId_occurredAt_idx" ON "LinkClick"("campaignId", "occurredAt");
CREATE INDEX "LinkClick_orgId_contactId_occurredAt_idx" ON "LinkClick"("orgId", "contactId", "occurredAt");

ALTER TABLE "ShortLink" ADD CONSTRAINT "ShortLink_orgId_fkey" FOREIGN KEY ("orgId") REFERENCES "Organization"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "LinkClick" ADD CONSTRAINT "LinkClick_linkId_fkey" FOREIGN KEY ("linkId") REFERENCES "ShortLink"("id") ON DELETE CASCADE ON UPDATE CASCADE;
