import type { Metadata } from "next";
import { PageHeader } from "@/components/app/page-header";
import { JobEvents } from "@/components/jobs/job-events";
import { JobRuns } from "@/components/jobs/job-runs";
import { EmptyState } from "@/components/ui/empty-state";
import { isInstanceAdmin } from "@/lib/auth/instance-admin";
import { requireUser } from "@/lib/auth/session";
import { db } from "@/lib/db";

export const metadata: Metadata = { title: "Jobs" };

export default async function JobsPage() {
  const user = await requireUser();
  if (!(await isInstanceAdmin(db, user.id))) {
    return (
      <>
        <PageHeader title="Jobs" />
        <EmptyState title="Only administrators of this installation can view jobs" description="Jobs run for every organisation on this server." />
      </>
    );
  }
  return (
    <>
      <PageHeader
        title="Jobs"
        description="Background work run by the embedded executor, for every organisation. Refreshes every few seconds."
      />
      <div className="space-y-10">
        <JobRuns />
        <JobEvents />
      </div>
    </>
  );
}
