// The Twilio-compatible API's settings for the Developers page: the Account SID and the auth token
// that signs StatusCallback requests (derived, lib/twilio-api/auth-token.ts). Admins only: the
// token lets anyone forge callbacks a receiver would trust.
import { z } from "zod";
import { adminProcedure, createTRPCRouter } from "@/lib/trpc/init";
import { twilioAuthToken } from "@/lib/twilio-api/auth-token";

export const twilioApiRouter = createTRPCRouter({
  credentials: adminProcedure.input(z.void()).query(async ({ ctx }) => {
    const { accountSid } = await ctx.org.db.organization.findUniqueOrThrow({ where: { id: ctx.org.orgId }, select: { accountSid: true } });
    return { accountSid, authToken: twilioAuthToken(accountSid) };
  }),
});
