-- CreateEnum
CREATE TYPE "JobRunStatus" AS ENUM ('QUEUED', 'RUNNING', 'COMPLETED', 'FAILED', 'CANCELLED');

-- CreateEnum
CREATE TYPE "JobStepStatus" AS ENUM ('ERRORED', 'SLEEPING', 'WAITING', 'INVOKING', 'COMPLETED', 'FAILED');

-- CreateEnum
CREATE TYPE "JobQueueKind" AS ENUM ('CALL', 'SLEEP', 'WAIT_TIMEOUT', 'INVOKE_TIMEOUT', 'BATCH', 'DEBOUNCE', 'CRON', 'RUN_TIMEOUT');

-- CreateEnum
CREATE TYPE "JobWaitKind" AS ENUM ('WAIT', 'CANCEL');

-- CreateTable
CREATE TABLE "JobApp" (
    "id" TEXT NOT NULL,
    "url" TEXT NOT NULL,
    "sdk" TEXT NOT NULL,
    "framework" TEXT,
    "syncedAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "JobApp_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "JobFunction" (
    "id" TEXT NOT NULL,
    "appId" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "url" TEXT NOT NULL,
    "config" JSONB NOT NULL,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "JobFunction_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "JobEvent" (
    "id" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "data" JSONB NOT NULL,
    "user" JSONB,
    "externalId" TEXT,
    "version" TEXT,
    "occurredAt" TIMESTAMPTZ(3) NOT NULL,
    "receivedAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "JobEvent_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "JobRun" (
    "id" TEXT NOT NULL,
    "functionId" TEXT NOT NULL,
    "status" "JobRunStatus" NOT NULL DEFAULT 'QUEUED',
    "eventIds" TEXT[],
    "events" JSONB NOT NULL,
    "output" JSONB,
    "error" JSONB,
    "version" INTEGER NOT NULL DEFAULT -1,
    "disableImmediate" BOOLEAN NOT NULL DEFAULT false,
    "concurrencyKeys" TEXT[] DEFAULT ARRAY[]::TEXT[],
    "singletonKey" TEXT,
    "parentRunId" TEXT,
    "parentStepId" TEXT,
    "replayOfId" TEXT,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "startedAt" TIMESTAMPTZ(3),
    "endedAt" TIMESTAMPTZ(3),

    CONSTRAINT "JobRun_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "JobStep" (
    "runId" TEXT NOT NULL,
    "id" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "op" TEXT NOT NULL,
    "status" "JobStepStatus" NOT NULL,
    "attempts" INTEGER NOT NULL DEFAULT 0,
    "data" JSONB,
    "error" JSONB,
    "opts" JSONB,
    "startedAt" TIMESTAMPTZ(3),
    "endedAt" TIMESTAMPTZ(3),
    "completedAt" TIMESTAMPTZ(6),

    CONSTRAINT "JobStep_pkey" PRIMARY KEY ("runId","id")
);

-- CreateTable
CREATE TABLE "JobQueue" (
    "id" BIGSERIAL NOT NULL,
    "kind" "JobQueueKind" NOT NULL,
    "runId" TEXT,
    "functionId" TEXT,
    "stepId" TEXT,
    "payload" JSONB,
    "attempt" INTEGER NOT NULL DEFAULT 0,
    "dueAt" TIMESTAMPTZ(3) NOT NULL,
    "sortAt" TIMESTAMPTZ(3) NOT NULL,
    "concurrencyKeys" TEXT[] DEFAULT ARRAY[]::TEXT[],
    "dedupeKey" TEXT,
    "rerun" BOOLEAN NOT NULL DEFAULT false,
    "leaseToken" TEXT,
    "leaseUntil" TIMESTAMPTZ(3),
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "JobQueue_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "JobWait" (
    "id" BIGSERIAL NOT NULL,
    "runId" TEXT NOT NULL,
    "kind" "JobWaitKind" NOT NULL,
    "stepId" TEXT,
    "eventName" TEXT NOT NULL,
    "expression" TEXT,
    "expiresAt" TIMESTAMPTZ(3),

    CONSTRAINT "JobWait_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "JobThrottle" (
    "key" TEXT NOT NULL,
    "tat" TIMESTAMPTZ(6) NOT NULL,

    CONSTRAINT "JobThrottle_pkey" PRIMARY KEY ("key")
);

-- CreateTable
CREATE TABLE "JobIdempotency" (
    "key" TEXT NOT NULL,
    "runId" TEXT NOT NULL,
    "expiresAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "JobIdempotency_pkey" PRIMARY KEY ("key")
);

-- CreateTable
CREATE TABLE "JobBatch" (
    "id" TEXT NOT NULL,
    "functionId" TEXT NOT NULL,
    "batchKey" TEXT NOT NULL,
    "events" JSONB NOT NULL,
    "size" INTEGER NOT NULL,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "JobBatch_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "JobDebounce" (
    "key" TEXT NOT NULL,
    "functionId" TEXT NOT NULL,
    "event" JSONB NOT NULL,
    "dueAt" TIMESTAMPTZ(3) NOT NULL,
    "firstAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "JobDebounce_pkey" PRIMARY KEY ("key")
);

-- CreateIndex
CREATE INDEX "JobFunction_appId_idx" ON "JobFunction"("appId");

-- CreateIndex
CREATE INDEX "JobEvent_receivedAt_idx" ON "JobEvent"("receivedAt" DESC);

-- CreateIndex
CREATE INDEX "JobEvent_name_receivedAt_idx" ON "JobEvent"("name", "receivedAt" DESC);

-- CreateIndex
CREATE INDEX "JobEvent_externalId_idx" ON "JobEvent"("externalId");

-- CreateIndex
CREATE INDEX "JobRun_createdAt_idx" ON "JobRun"("createdAt" DESC);

-- CreateIndex
CREATE INDEX "JobRun_functionId_createdAt_idx" ON "JobRun"("functionId", "createdAt" DESC);

-- CreateIndex
CREATE INDEX "JobRun_status_createdAt_idx" ON "JobRun"("status", "createdAt" DESC);

-- CreateIndex
CREATE INDEX "JobRun_functionId_singletonKey_idx" ON "JobRun"("functionId", "singletonKey");

-- CreateIndex
CREATE INDEX "JobRun_eventIds_idx" ON "JobRun" USING GIN ("eventIds");

-- CreateIndex
CREATE UNIQUE INDEX "JobQueue_dedupeKey_key" ON "JobQueue"("dedupeKey");

-- CreateIndex
CREATE INDEX "JobQueue_sortAt_idx" ON "JobQueue"("sortAt");

-- CreateIndex
CREATE INDEX "JobQueue_runId_idx" ON "JobQueue"("runId");

-- CreateIndex
CREATE INDEX "JobQueue_concurrencyKeys_idx" ON "JobQueue" USING GIN ("concurrencyKeys");

-- CreateIndex
CREATE INDEX "JobWait_eventName_idx" ON "JobWait"("eventName");

-- CreateIndex
CREATE INDEX "JobWait_runId_idx" ON "JobWait"("runId");

-- CreateIndex
CREATE UNIQUE INDEX "JobBatch_functionId_batchKey_key" ON "JobBatch"("functionId", "batchKey");

-- AddForeignKey
ALTER TABLE "JobFunction" ADD CONSTRAINT "JobFunction_appId_fkey" FOREIGN KEY ("appId") REFERENCES "JobApp"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "JobStep" ADD CONSTRAINT "JobStep_runId_fkey" FOREIGN KEY ("runId") REFERENCES "JobRun"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "JobWait" ADD CONSTRAINT "JobWait_runId_fkey" FOREIGN KEY ("runId") REFERENCES "JobRun"("id") ON DELETE CASCADE ON UPDATE CASCADE;
