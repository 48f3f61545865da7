// What every org-scoped domain function receives: a database client limited to the org, and who
// is acting (a signed-in user, an API key, or the system), for the audit log.
import type { ScopedDb } from "@/lib/db/scoped";
import type { ActorType, Role } from "@/lib/generated/prisma/enums";

export interface Actor {
  type: ActorType;
  id: string | null;
  label: string;
}

export interface OrgContext {
  db: ScopedDb;
  orgId: string;
  actor: Actor;
  /** The acting member's role; API keys and the system act with their own scopes instead. */
  role: Role | null;
}

/** The client inside an interactive transaction of a scoped client. */
export type ScopedTx = Parameters<Parameters<ScopedDb["$transaction"]>[0]>[0];
