-- CSV import of contacts (lib/contacts/import/): the import, its staging rows, and the consent
-- history's link to the import that recorded a consent.
CREATE TYPE "ContactImportStatus" AS ENUM ('UPLOADED', 'STAGING', 'READY', 'RUNNING', 'COMPLETED', 'CANCELED', 'FAILED');

CREATE TABLE "ContactImport" (
    "id" TEXT NOT NULL,
    "orgId" TEXT NOT NULL,
    "fileName" TEXT NOT NULL,
    "fileSize" INTEGER NOT NULL,
    "storageKey" TEXT NOT NULL,
    "delimiter" TEXT NOT NULL,
    "headers" TEXT[],
    "sample" JSONB NOT NULL DEFAULT '[]',
    "mapping" JSONB NOT NULL DEFAULT '{}',
    "options" JSONB NOT NULL DEFAULT '{}',
    "consentStatement" TEXT,
    "status" "ContactImportStatus" NOT NULL DEFAULT 'UPLOADED',
    "rowsTotal" INTEGER NOT NULL DEFAULT 0,
    "rowsDone" INTEGER NOT NULL DEFAULT 0,
    "nextLine" INTEGER NOT NULL DEFAULT 0,
    "preview" JSONB,
    "result" JSONB,
    "error" TEXT,
    "createdById" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,
    "startedAt" TIMESTAMP(3),
    "finishedAt" TIMESTAMP(3),
    CONSTRAINT "ContactImport_pkey" PRIMARY KEY ("id")
);
CREATE INDEX "ContactImport_orgId_createdAt_idx" ON "ContactImport"("orgId", "createdAt" DESC);
ALTER TABLE "ContactImport" ADD CONSTRAINT "ContactImport_orgId_fkey" FOREIGN KEY ("orgId") REFERENCES "Organization"("id") ON DELETE CASCADE ON UPDATE CASCADE;

CREATE TABLE "ContactImportRow" (
    "importId" TEXT NOT NULL,
    "line" INTEGER NOT NULL,
    "orgId" TEXT NOT NULL,
    "contactId" TEXT NOT NULL,
    "phone" TEXT,
    "firstName" TEXT,
    "lastName" TEXT,
    "email" TEXT,
    "timeZone" TEXT,
    "guessedTimeZone" TEXT,
    "tags" TEXT[],
    "customFields" JSONB,
    "optedOut" BOOLEAN NOT NULL DEFAULT false,
    "errorReason" TEXT,
    "errorColumn" TEXT,
    "errorValue" TEXT,
    "duplicateOf" INTEGER,
    CONSTRAINT "ContactImportRow_pkey" PRIMARY KEY ("importId", "line")
);
ALTER TABLE "ContactImportRow" ADD CONSTRAINT "ContactImportRow_importId_fkey" FOREIGN KEY ("importId") REFERENCES "ContactImport"("id") ON DELETE CASCADE ON UPDATE CASCADE;

ALTER TABLE "ConsentEvent" ADD COLUMN "importId" TEXT, ADD COLUMN "detail" TEXT;
ALTER TABLE "ConsentEvent" ADD CONSTRAINT "ConsentEvent_importId_fkey" FOREIGN KEY ("importId") REFERENCES "ContactImport"("id") ON DELETE SET NULL ON UPDATE CASCADE;
