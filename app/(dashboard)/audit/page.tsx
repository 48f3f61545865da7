import type { Metadata } from "next";
import { PageHeader } from "@/components/app/page-header";
import { AuditLog } from "@/components/audit/audit-log";
import { EmptyState } from "@/components/ui/empty-state";
import { requireUser } from "@/lib/auth/session";
import { hasRole } from "@/lib/members/roles";
import { resolveActiveOrg } from "@/lib/orgs/active-org";

export const metadata: Metadata = { title: "Audit log" };

export default async function AuditPage() {
  const user = await requireUser();
  const { active } = await resolveActiveOrg(user.id);
  const description = "Who changed what in this organisation, newest first. Times are in your time zone.";
  // The nav hides this page from non-admins, but a typed or shared URL still lands here.
  if (!hasRole(active?.role, "ADMIN")) {
    return (
      <>
        <PageHeader title="Audit log" />
        <EmptyState
          title="Only admins can view the audit log"
          description={`Ask an owner or admin of ${active?.name ?? "your organisation"} if you need to know who changed something.`}
        />
      </>
    );
  }
  return (
    <>
      <PageHeader title="Audit log" description={description} />
      <AuditLog />
    </>
  );
}
