-- The workflow runtime (lib/workflows/, lib/jobs/run-workflow.ts): the secret its webhook nodes sign with,
-- made at first use (one per org, as a receiver verifies any of the org's workflows with it).
ALTER TABLE "Organization" ADD COLUMN "workflowWebhookSecret" TEXT;

-- A contact's active runs, read by every STOP (all of them end) and by re-entry "one at a time".
CREATE INDEX "WorkflowRun_active_contact_idx" ON "WorkflowRun"("orgId", "contactId") WHERE status = 'ACTIVE';

-- Runs whose first step never ran (their run.requested was lost between commit and emit): the sweeper's read.
CREATE INDEX "WorkflowRun_unstarted_idx" ON "WorkflowRun"("startedAt") WHERE status = 'ACTIVE' AND "stepCount" = 0;
