// Which announcements (announce-triggers.ts) some active workflow may start on: those of a kind and
// key an active workflow's published trigger has (WorkflowVersion.triggerKind/triggerKey, one indexed
// read on the announcer's own client, inside its transaction). The rest would make a job call each
// that starts nothing: every inbound text, contact made or tag added of an org with no workflow for
// it. Kept whatever listens: an opt-out (it ends the contact's runs, of any workflow) and what a
// workflow's own check found (segment entries and anniversaries, already its own). A workflow
// published while the announcing transaction is open may miss it: the change happened before the
// workflow was live.
import type { SqlClient } from "@/lib/db/sql";

interface Announcement {
  orgId: string;
  kind: string;
  key: string | null;
  workflowId?: string;
}

export async function listenedTriggers<A extends Announcement>(client: SqlClient, announcements: readonly A[]): Promise<A[]> {
  const always = (a: A) => a.workflowId !== undefined || (a.kind === "subscription_changed" && a.key === "opted_out");
  const asked = announcements.filter((a) => !always(a));
  if (asked.length === 0) return [...announcements];
  const orgIds = [...new Set(asked.map((a) => a.orgId))];
  const kinds = [...new Set(asked.map((a) => a.kind))];
  const listening = await client.$queryRaw<{ orgId: string; kind: string; key: string | null }[]>`
    SELECT DISTINCT v."orgId", v."triggerKind" AS kind, v."triggerKey" AS key
    FROM "Workflow" w JOIN "WorkflowVersion" v ON v.id = w."publishedVersionId" AND v."orgId" = w."orgId"
    WHERE w.status = 'ACTIVE' AND w."orgId" = ANY(${orgIds}::text[]) AND v."triggerKind" = ANY(${kinds}::text[])`;
  // A trigger without a key (a link-clicked one without a campaign, contact created, any inbound
  // text) hears every announcement of its kind; the job narrows further (lib/workflows/match-workflows.ts).
  const heard = (a: A) => listening.some((l) => l.orgId === a.orgId && l.kind === a.kind && (l.key === null || l.key === a.key));
  return announcements.filter((a) => always(a) || heard(a));
}
