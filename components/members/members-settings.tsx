"use client";
// Members and invitations. Everyone sees who is in the org; admins and owners manage and invite.
import { useQuery } from "@tanstack/react-query";
import { InvitationsTable } from "@/components/members/invitations-table";
import { InviteForm } from "@/components/members/invite-form";
import { MembersTable } from "@/components/members/members-table";
import { LoadError, Loading } from "@/components/ui/query-state";
import { Section, SectionCard } from "@/components/settings/section";
import { hasRole } from "@/lib/members/roles";
import { useTRPC } from "@/lib/trpc/react";

export function MembersSettings({ currentUserId }: { currentUserId: string }) {
  const trpc = useTRPC();
  const org = useQuery(trpc.org.current.queryOptions());
  if (org.isPending) return <Loading />;
  if (org.isError) return <LoadError error={org.error} />;
  // Always set for a signed-in member; the type allows null for API-key contexts.
  const myRole = org.data.role ?? "MEMBER";
  const isAdmin = hasRole(myRole, "ADMIN");
  return (
    <>
      <Section
        title="Members"
        description={isAdmin ? "Owners manage everyone; admins manage admins and members." : "Only admins and owners can change roles or invite people."}
      >
        <MembersTable myRole={myRole} currentUserId={currentUserId} />
      </Section>
      {isAdmin && (
        <>
          <Section
            title="Invite someone"
            description="There is no email to send: create an invitation, then share its link with the person. It works once and expires after 7 days."
          >
            <SectionCard>
              <InviteForm myRole={myRole} />
            </SectionCard>
          </Section>
          <Section title="Pending invitations">
            <InvitationsTable />
          </Section>
        </>
      )}
    </>
  );
}
