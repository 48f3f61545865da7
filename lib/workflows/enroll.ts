// Enrolment: contacts into runs of a workflow's published version, set-based (one INSERT ... SELECT
// however many contacts: a manual enrolment of a 10,000-contact segment is one statement), then one
// `workflows/run.requested` per run after commit. Who may enter: the workflow's entry segment (met
// now: the segment compiler), and its re-entry rule: `once` (never ran it), `one_at_a_time` (no
// active run of it), `always`. Two enrolments of one workflow at once (two texts of one contact)
// must not both pass the re-entry test: each takes the workflow's advisory lock for its
// transaction, and its INSERT's snapshot, taken after the lock, sees the other's committed runs.
// Contacts who opted out are enrolled too: the pipeline refuses their sends, recorded as skips.
import { orgSqlTransaction } from "@/lib/db/sql";
import { emitEvents } from "@/lib/events/emit";
import { workflowRunRequested } from "@/lib/events/workflows";
import { Prisma } from "@/lib/generated/prisma/client";
import { firstIdAt } from "@/lib/ids";
import type { OrgContext } from "@/lib/org-context";
import { segmentCondition } from "@/lib/segments/evaluate-segment";
import { workflowSettings } from "@/lib/workflows/graph-model";
import type { RunTrigger } from "@/lib/workflows/run-state";

/** Events a send: the executor takes them in one request each. */
const EMIT_CHUNK = 500;

export type EnrollContacts = { ids: string[] } | { where: Prisma.Sql };

export interface EnrollOptions {
  workflowId: string;
  /** Which contacts: their ids, or a condition over `"Contact" c` (a list, a segment). */
  contacts: EnrollContacts;
  trigger: RunTrigger;
  /** A test run: the re-entry rule and the entry segment do not apply; waits are fast-forwarded. */
  test?: boolean;
  /** Enrol into a paused workflow too (its runs hold until it is resumed). */
  evenIfPaused?: boolean;
}

export interface Enrolment {
  runIds: string[];
  /** Contacts given by id and not enrolled (re-entry, entry segment, not in the org). */
  skipped: number;
}

export async function enrollContacts(ctx: OrgContext, options: EnrollOptions): Promise<Enrolment> {
  const { workflowId, contacts, trigger, test = false } = options;
  const none = { runIds: [], skipped: "ids" in contacts ? contacts.ids.length : 0 };
  if ("ids" in contacts && contacts.ids.length === 0) return none;
  const workflow = await ctx.db.workflow.findUnique({ where: { id: workflowId }, select: { status: true, publishedVersionId: true, publishedVersion: { select: { settings: true, graph: true } } } });
  if (!workflow?.publishedVersionId || !workflow.publishedVersion) return none;
  if (!test && workflow.status !== "ACTIVE" && !(options.evenIfPaused && workflow.status === "PAUSED")) return none;
  const settings = workflowSettings.parse(workflow.publishedVersion.settings);
  const graph = workflow.publishedVersion.graph as { nodes: { id: string; type: string }[] };
  const startNode = graph.nodes.find((n) => n.type === "trigger")?.id ?? null;

  const conditions: Prisma.Sql[] = [
    "ids" in contacts ? Prisma.sql`c.id = ANY(${contacts.ids}::text[])` : contacts.where,
  ];
  let hashMemory = false;
  if (!test && settings.entrySegmentId) {
    const segment = await ctx.db.segment.findUnique({ where: { id: settings.entrySegmentId }, select: { definition: true } });
    // A deleted entry segment lets nobody in rather than everybody.
    if (!segment) return none;
    const compiled = await segmentCondition(ctx, segment.definition as never);
    conditions.push(compiled.where);
    hashMemory = compiled.hashMemory;
  }
  if (!test && settings.reentry !== "always") {
    const active = settings.reentry === "one_at_a_time" ? Prisma.sql`AND r.status = 'ACTIVE'` : Prisma.empty;
    conditions.push(Prisma.sql`NOT EXISTS (SELECT 1 FROM "WorkflowRun" r WHERE r."orgId" = ${ctx.orgId} AND r."workflowId" = ${workflowId}
      AND r."contactId" = c.id AND NOT r.test ${active})`);
  }
  // The ids' prefix and time part (lib/ids.ts); the rest is drawn per row in the statement.
  const idStem = firstIdAt("workflowRun", new Date());

  const runIds = await orgSqlTransaction(ctx, async (tx) => {
    if (hashMemory) await tx.$executeRaw`SELECT set_config('work_mem', '64MB', true), ${ctx.orgId}::text`;
    await tx.$queryRaw`SELECT pg_advisory_xact_lock(hashtextextended(${workflowId}, 7)), ${ctx.orgId}::text AS org`;
    // Ids: the time part of now and 14 characters of a hash, all in the ids' alphabet (hex is a subset of it).
    const rows = await tx.$queryRaw<{ id: string }[]>`
      INSERT INTO "WorkflowRun" (id, "orgId", "workflowId", "versionId", "contactId", status, "nodeId", trigger, test, "startedAt")
      SELECT ${idStem} || substr(md5(random()::text || c.id), 1, 14), ${ctx.orgId}, ${workflowId}, ${workflow.publishedVersionId}, c.id,
        'ACTIVE', ${startNode}, ${JSON.stringify(trigger)}::jsonb, ${test}, now() AT TIME ZONE 'UTC'
      FROM "Contact" c
      WHERE c."orgId" = ${ctx.orgId} AND ${Prisma.join(conditions, " AND ")}
      RETURNING id`;
    return rows.map((r) => r.id);
  });
  await emitRunRequests(ctx.orgId, runIds);
  return { runIds, skipped: "ids" in contacts ? contacts.ids.length - runIds.length : 0 };
}

/** Announces runs whose rows are committed (here, and for runs a migration or a sweep hands on). */
export async function emitRunRequests(orgId: string, runIds: string[]): Promise<void> {
  for (let i = 0; i < runIds.length; i += EMIT_CHUNK) {
    await emitEvents(runIds.slice(i, i + EMIT_CHUNK).map((runId) => workflowRunRequested.create({ orgId, runId })));
  }
}
