import { z } from "zod";
import { createInvitation, listInvitations, revokeInvitation } from "@/lib/members/invitations";
import { changeRoleInput, inviteInput, removeMemberInput, revokeInviteInput } from "@/lib/members/member-input";
import { changeMemberRole, listMembers, removeMember } from "@/lib/members/manage-members";
import { adminProcedure, createTRPCRouter, orgProcedure } from "@/lib/trpc/init";

export const membersRouter = createTRPCRouter({
  list: orgProcedure.input(z.void()).query(({ ctx }) => listMembers(ctx.org)),
  changeRole: adminProcedure.input(changeRoleInput).mutation(({ ctx, input }) => changeMemberRole(ctx.org, input)),
  remove: adminProcedure.input(removeMemberInput).mutation(({ ctx, input }) => removeMember(ctx.org, input)),
  invite: adminProcedure.input(inviteInput).mutation(({ ctx, input }) => createInvitation(ctx.org, input)),
  invitations: adminProcedure.input(z.void()).query(({ ctx }) => listInvitations(ctx.org)),
  revokeInvite: adminProcedure.input(revokeInviteInput).mutation(({ ctx, input }) => revokeInvitation(ctx.org, input)),
});
