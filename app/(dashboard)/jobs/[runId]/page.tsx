import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { JobRunDetail } from "@/components/jobs/job-run-detail";
import { isInstanceAdmin } from "@/lib/auth/instance-admin";
import { requireUser } from "@/lib/auth/session";
import { db } from "@/lib/db";

export const metadata: Metadata = { title: "Run" };

export default async function JobRunPage({ params }: { params: Promise<{ runId: string }> }) {
  const [user, { runId }] = await Promise.all([requireUser(), params]);
  if (!(await isInstanceAdmin(db, user.id))) notFound();
  return <JobRunDetail runId={runId} />;
}
