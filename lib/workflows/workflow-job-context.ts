// The context a workflow's jobs act in: the org's scoped client, and the system as the actor of
// what they record (the audit log says "Workflow").
import { db } from "@/lib/db";
import { scopedDb } from "@/lib/db/scoped";
import type { OrgContext } from "@/lib/org-context";

export function workflowJobContext(orgId: string): OrgContext {
  return { db: scopedDb(db, orgId), orgId, actor: { type: "SYSTEM", id: null, label: "Workflow" }, role: null };
}
