// The context the workflows' own checks act in: the org's scoped client, and the system as the
// actor (nothing they do is a person's).
import type { Db } from "@/lib/db/client";
import { scopedDb } from "@/lib/db/scoped";
import type { OrgContext } from "@/lib/org-context";

export function workflowJobContext(db: Db, orgId: string): OrgContext {
  return { db: scopedDb(db, orgId), orgId, actor: { type: "SYSTEM", id: null, label: "Workflow" }, role: null };
}
