import { z } from "zod";
import { updateKeywordRepliesInput } from "@/lib/messaging/keyword-replies-input";
import { updateKeywordReplies } from "@/lib/messaging/update-keyword-replies";
import { createOrg } from "@/lib/orgs/create-org";
import { listUserOrgs } from "@/lib/orgs/list-user-orgs";
import { createOrgInput, updateOrgInput } from "@/lib/orgs/org-input";
import { getOrg } from "@/lib/orgs/get-org";
import { updateOrg } from "@/lib/orgs/update-org";
import { updateSendingRulesInput } from "@/lib/orgs/sending-rules-input";
import { updateSendingRules } from "@/lib/orgs/update-sending-rules";
import { adminProcedure, createTRPCRouter, orgProcedure, protectedProcedure } from "@/lib/trpc/init";

export const orgRouter = createTRPCRouter({
  mine: protectedProcedure.query(({ ctx }) => listUserOrgs(ctx.db, ctx.user.id)),
  create: protectedProcedure.input(createOrgInput).mutation(({ ctx, input }) => createOrg(ctx.db, ctx.user.id, input)),
  current: orgProcedure.input(z.void()).query(async ({ ctx }) => ({ ...(await getOrg(ctx.org)), role: ctx.org.role })),
  update: adminProcedure.input(updateOrgInput).mutation(({ ctx, input }) => updateOrg(ctx.org, input)),
  updateKeywordReplies: adminProcedure.input(updateKeywordRepliesInput).mutation(({ ctx, input }) => updateKeywordReplies(ctx.org, input)),
  updateSendingRules: adminProcedure.input(updateSendingRulesInput).mutation(({ ctx, input }) => updateSendingRules(ctx.org, input)),
});
