// Who the audit log can be filtered by: the org's members and API keys (revoked ones too: their
// rows stay), and the system. Read from those tables, not from the log, which only grows.
import type { ActorType } from "@/lib/generated/prisma/enums";
import type { OrgContext } from "@/lib/org-context";

export interface AuditActor {
  type: ActorType;
  /** null for the system, whose rows have no actor id. */
  id: string | null;
  label: string;
}

export async function listAuditActors(ctx: OrgContext): Promise<AuditActor[]> {
  const [members, keys] = await Promise.all([
    ctx.db.membership.findMany({ select: { user: { select: { id: true, name: true, email: true } } }, orderBy: { createdAt: "asc" } }),
    ctx.db.apiKey.findMany({ select: { id: true, name: true, revokedAt: true }, orderBy: { createdAt: "asc" } }),
  ]);
  return [
    ...members.map(({ user }): AuditActor => ({ type: "USER", id: user.id, label: user.name ? `${user.name} (${user.email})` : user.email })),
    ...keys.map((k): AuditActor => ({ type: "API_KEY", id: k.id, label: `API key: ${k.name}${k.revokedAt ? " (revoked)" : ""}` })),
    { type: "SYSTEM", id: null, label: "System" },
  ];
}
