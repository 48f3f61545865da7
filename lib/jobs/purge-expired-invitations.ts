import { db } from "@/lib/db";
import { inngest } from "@/lib/jobs/client";
import { invitationsPurgeRequested } from "@/lib/jobs/events";
import { purgeExpiredInvitations } from "@/lib/members/purge-expired-invitations";

export const purgeExpiredInvitationsJob = inngest.createFunction(
  {
    id: "purge-expired-invitations",
    name: "Purge expired invitations",
    triggers: [{ cron: "TZ=UTC 30 3 * * *" }, invitationsPurgeRequested],
    concurrency: { limit: 1 },
  },
  async ({ event, step }) => {
    const graceDays = event.name === invitationsPurgeRequested.name ? event.data.graceDays : undefined;
    return step.run("delete-expired", () => purgeExpiredInvitations(db, graceDays));
  },
);
