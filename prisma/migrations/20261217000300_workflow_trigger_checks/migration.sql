-- The workflows' own trigger checks (lib/workflows/check-segment-triggers.ts, check-anniversary-triggers.ts):
-- who was in a segment at a workflow's last check, when it last checked which segment, and which
-- anniversaries have fired for which year.
-- CreateTable
CREATE TABLE "WorkflowSegmentCheck" (
    "workflowId" TEXT NOT NULL,
    "orgId" TEXT NOT NULL,
    "segmentId" TEXT NOT NULL,
    "checkedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "WorkflowSegmentCheck_pkey" PRIMARY KEY ("workflowId")
);

-- CreateTable
CREATE TABLE "WorkflowSegmentMember" (
    "workflowId" TEXT NOT NULL,
    "contactId" TEXT NOT NULL,
    "orgId" TEXT NOT NULL,

    CONSTRAINT "WorkflowSegmentMember_pkey" PRIMARY KEY ("workflowId","contactId")
);

-- CreateTable
CREATE TABLE "WorkflowAnniversaryFired" (
    "workflowId" TEXT NOT NULL,
    "contactId" TEXT NOT NULL,
    "year" INTEGER NOT NULL,
    "orgId" TEXT NOT NULL,
    "firedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "WorkflowAnniversaryFired_pkey" PRIMARY KEY ("workflowId","contactId","year")
);

-- CreateIndex
CREATE INDEX "WorkflowSegmentMember_contactId_idx" ON "WorkflowSegmentMember"("contactId");

-- CreateIndex
CREATE INDEX "WorkflowAnniversaryFired_contactId_idx" ON "WorkflowAnniversaryFired"("contactId");

-- AddForeignKey
ALTER TABLE "WorkflowSegmentCheck" ADD CONSTRAINT "WorkflowSegmentCheck_workflowId_fkey" FOREIGN KEY ("workflowId") REFERENCES "Workflow"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "WorkflowSegmentMember" ADD CONSTRAINT "WorkflowSegmentMember_workflowId_fkey" FOREIGN KEY ("workflowId") REFERENCES "Workflow"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "WorkflowSegmentMember" ADD CONSTRAINT "WorkflowSegmentMember_contactId_fkey" FOREIGN KEY ("contactId") REFERENCES "Contact"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "WorkflowAnniversaryFired" ADD CONSTRAINT "WorkflowAnniversaryFired_workflowId_fkey" FOREIGN KEY ("workflowId") REFERENCES "Workflow"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "WorkflowAnniversaryFired" ADD CONSTRAINT "WorkflowAnniversaryFired_contactId_fkey" FOREIGN KEY ("contactId") REFERENCES "Contact"("id") ON DELETE CASCADE ON UPDATE CASCADE;
