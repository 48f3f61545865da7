-- A workflow draft's revision: every save names the revision it edited, so two tabs cannot silently overwrite each other.
ALTER TABLE "Workflow" ADD COLUMN "draftRevision" INTEGER NOT NULL DEFAULT 0;
