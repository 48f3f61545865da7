// Every Inngest function of the app (one file each in lib/jobs/), served at /api/inngest and
// registered with the Inngest server on sync.
import type { InngestFunction } from "inngest";
import { purgeExpiredInvitationsJob } from "@/lib/jobs/purge-expired-invitations";

export const functions: InngestFunction.Any[] = [purgeExpiredInvitationsJob];
