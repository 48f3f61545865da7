import { purgeExpiredIdempotencyKeys } from "@/lib/api/idempotency";
import { db } from "@/lib/db";
import { inngest } from "@/lib/events/client";
import { invitationsPurgeRequested } from "@/lib/events/members";
import { purgeExpiredInvitations } from "@/lib/members/purge-expired-invitations";

export const purgeExpiredInvitationsJob = inngest.createFunction(
  {
    id: "purge-expired-invitations",
    // The daily housekeeping job: the public API's idempotency keys (kept 24 h) go here too.
    name: "Purge expired invitations and idempotency keys",
    triggers: [{ cron: "TZ=UTC 30 3 * * *" }, invitationsPurgeRequested],
    concurrency: { limit: 1 },
  },
  async ({ event, step }) => {
    const graceDays = event.name === invitationsPurgeRequested.name ? event.data.graceDays : undefined;
    const invitations = await step.run("delete-expired", () => purgeExpiredInvitations(db, graceDays));
    const idempotencyKeys = await step.run("delete-expired-idempotency-keys", () => purgeExpiredIdempotencyKeys(db));
    return { invitations, idempotencyKeys };
  },
);
