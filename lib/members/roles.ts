// Roles, from most to least powerful, and what each may do. One list feeds checks and UI labels.
import type { Role } from "@/lib/generated/prisma/enums";

export const ROLES = ["OWNER", "ADMIN", "MEMBER"] as const satisfies readonly Role[];

export const ROLE_LABELS: Record<Role, string> = { OWNER: "Owner", ADMIN: "Admin", MEMBER: "Member" };

const RANK: Record<Role, number> = { OWNER: 3, ADMIN: 2, MEMBER: 1 };

export function hasRole(role: Role | null | undefined, atLeast: Role): boolean {
  return role != null && RANK[role] >= RANK[atLeast];
}

/** Whether `actor` may give `target` (currently `current`) the role `next`, or remove them. */
export function canManageMember(actor: Role, current: Role, next?: Role): boolean {
  if (!hasRole(actor, "ADMIN")) return false;
  if (actor === "OWNER") return true;
  // Admins manage admins and members, never owners, and cannot make owners.
  return current !== "OWNER" && next !== "OWNER";
}
