// The audit page's filters, kept in the URL (?type=&action=&actor=&target=) so a filtered view can
// be linked to, and turned into the list procedure's input.
import { AUDIT_ACTIONS, AUDIT_TARGET_TYPES, type AuditAction, type AuditTargetType } from "@/lib/audit/audit-catalog";
import type { AuditActor } from "@/lib/audit/list-audit-actors";
import { ActorType } from "@/lib/generated/prisma/enums";

export interface AuditFilterValues {
  type: "" | AuditTargetType;
  action: "" | AuditAction;
  /** actorKey() of the chosen actor. */
  actor: string;
  /** An object's id: set by a row's filter button, or pasted. */
  target: string;
}

export const NO_AUDIT_FILTERS: AuditFilterValues = { type: "", action: "", actor: "", target: "" };

/** "USER:usr_…", "API_KEY:key_…", or "SYSTEM" (system rows have no actor id). */
export const actorKey = (actor: Pick<AuditActor, "type" | "id">) => (actor.id ? `${actor.type}:${actor.id}` : actor.type);

const isType = (v: string): v is AuditTargetType => Object.hasOwn(AUDIT_TARGET_TYPES, v);
const isAction = (v: string): v is AuditAction => Object.hasOwn(AUDIT_ACTIONS, v);

/** What the URL asks for; anything unknown (an old link, a typo) is dropped rather than refused. */
export function auditFiltersFromParams(params: Record<string, string | undefined>): AuditFilterValues {
  const param = (name: keyof AuditFilterValues) => params[name]?.trim() ?? "";
  const type = param("type");
  const action = param("action");
  return { type: isType(type) ? type : "", action: isAction(action) ? action : "", actor: param("actor"), target: param("target") };
}

export function auditFilterHref(values: AuditFilterValues): string {
  const query = new URLSearchParams(Object.entries(values).filter(([, v]) => v !== ""));
  return query.size ? `/audit?${query}` : "/audit";
}

export function auditListFilters({ type, action, actor, target }: AuditFilterValues) {
  const [actorType, actorId] = actor.split(":", 2);
  const knownActorType = Object.hasOwn(ActorType, actorType ?? "") ? (actorType as ActorType) : undefined;
  return {
    ...(type && { targetType: type }),
    ...(action && { action }),
    ...(knownActorType && { actorType: knownActorType, ...(actorId && { actorId }) }),
    ...(target && { targetId: target }),
  };
}
