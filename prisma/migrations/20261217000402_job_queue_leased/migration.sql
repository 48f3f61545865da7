-- The executor's leased queue rows, for the claim's count of each concurrency group's calls in flight
-- (executor/queue/claim.ts): a handful of rows, however long the queue of due and future work.
CREATE INDEX "JobQueue_leaseUntil_leased_idx" ON "JobQueue"("leaseUntil") WHERE "leaseToken" IS NOT NULL;
