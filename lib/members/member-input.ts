import { z } from "zod";
import { ROLES } from "@/lib/members/roles";

export const changeRoleInput = z.object({ membershipId: z.string().min(1), role: z.enum(ROLES) }).strict();
export const removeMemberInput = z.object({ membershipId: z.string().min(1) }).strict();
export const inviteInput = z
  .object({
    email: z.email("Enter a valid email address").transform((e) => e.trim().toLowerCase()),
    role: z.enum(ROLES).default("MEMBER"),
  })
  .strict();
export const revokeInviteInput = z.object({ id: z.string().min(1) }).strict();
