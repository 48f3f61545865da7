-- AlterTable
ALTER TABLE "User" ADD COLUMN     "isInstanceAdmin" BOOLEAN NOT NULL DEFAULT false;

-- Installations that already have accounts: the oldest one administers the installation.
UPDATE "User" SET "isInstanceAdmin" = true WHERE id = (SELECT id FROM "User" ORDER BY "createdAt", id LIMIT 1);
