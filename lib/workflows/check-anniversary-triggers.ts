// date_anniversary: each year on the day of a date custom field (a birthday), at the trigger's wall
// time in the contact's zone. Checked every 15 minutes (lib/jobs/check-anniversary-triggers.ts):
// for each such workflow, one statement finds the org's contacts whose field's month and day is
// today where they are and whose local time has passed the trigger's HH:MM, and records them in
// WorkflowAnniversaryFired under (workflow, contact, local year), so each fires once a year
// whatever the checks' timing; those it could record are announced after commit. A date of
// February 29 fires on February 28 in other years. The zone is chosen as the quiet hours choose it
// (lib/messaging/quiet-columns.ts): the contact's own (when PostgreSQL knows it), else its +1
// number's area code's, else UTC. A day missed whole (the app down over it) is not caught up.
import type { Db } from "@/lib/db/client";
import { orgSqlTransaction } from "@/lib/db/sql";
import { announceTriggers } from "@/lib/events/announce-triggers";
import { logger } from "@/lib/log/logger";
import { postgresZones } from "@/lib/messaging/postgres-zones";
import { areaCodeInfo, NANP_AREA_CODES } from "@/lib/sms/area-codes";
import { triggerConfig, workflowGraph } from "@/lib/workflows/graph-model";
import { triggerCheckWorkflows, type TriggerCheckWorkflow } from "@/lib/workflows/trigger-check-workflows";
import { workflowJobContext } from "@/lib/workflows/workflow-job-context";

const log = logger.child({ component: "workflows" });
const DAY_MS = 86_400_000;

export interface AnniversaryCheckResult {
  workflowId: string;
  fired: number;
}

/** Every active anniversary workflow checked at `now`; one failing does not stop the others. */
export async function checkAnniversaryTriggers(db: Db, now = new Date()): Promise<AnniversaryCheckResult[]> {
  const results: AnniversaryCheckResult[] = [];
  for (const workflow of await triggerCheckWorkflows(db, "date_anniversary")) {
    if (workflow.status !== "ACTIVE") continue;
    try {
      results.push(await checkAnniversaryWorkflow(db, workflow, now));
    } catch (error) {
      log.error({ err: error, workflowId: workflow.workflowId }, "anniversary trigger check failed");
    }
  }
  return results;
}

/** The trigger's wall time ("10:00"), from the published graph's trigger node. */
function triggerTime(graph: unknown): string {
  const trigger = workflowGraph.parse(graph).nodes.find((n) => n.type === "trigger");
  const config = trigger ? triggerConfig.parse(trigger.data.trigger) : null;
  if (config?.kind !== "date_anniversary") throw new Error("the published graph has no date_anniversary trigger");
  return config.time;
}

/** "MM-DD" of the UTC days around `now`: every zone's today is one of them (a cheap filter before the zones' arithmetic). */
function nearbyDays(now: Date): string[] {
  return [-1, 0, 1].map((d) => new Date(now.getTime() + d * DAY_MS).toISOString().slice(5, 10));
}

const codes = [...NANP_AREA_CODES];
const codeZones = codes.map((code) => areaCodeInfo(code)!.timeZone);

async function checkAnniversaryWorkflow(db: Db, { workflowId, orgId, key, graph }: TriggerCheckWorkflow, now: Date): Promise<AnniversaryCheckResult> {
  const ctx = workflowJobContext(orgId);
  const field = key.replace(/^custom\./, "");
  const time = triggerTime(graph);
  const knownZones = await postgresZones();
  return orgSqlTransaction(ctx, async (tx) => {
    const fired = await tx.$queryRaw<{ contactId: string }[]>`
      WITH dated AS (
        SELECT c.id, substring(c."customFields"->>${field} from 6 for 5) AS day,
          (${now}::timestamptz AT TIME ZONE COALESCE(own.name, area.zone, 'UTC')) AS local
        FROM "Contact" c
        LEFT JOIN unnest(${codes}::text[], ${codeZones}::text[]) AS area(code, zone)
          ON area.code = (CASE WHEN left(c.phone, 2) = '+1' THEN substring(c.phone from 3 for 3) END)
        LEFT JOIN (SELECT name, lower(name) AS key FROM unnest(${knownZones}::text[]) AS known(name)) AS own
          ON own.key = lower(c."timeZone")
        WHERE c."orgId" = ${orgId}
          AND c."customFields"->>${field} ~ '^\\d{4}-\\d{2}-\\d{2}$'
          AND substring(c."customFields"->>${field} from 6 for 5) = ANY (${[...nearbyDays(now), "02-29"]}::text[])
      ),
      due AS (
        SELECT id, extract(year FROM local)::int AS year FROM dated
        WHERE local::time >= ${time}::time
          AND (day = to_char(local, 'MM-DD')
            -- February 29 on the 28th of a year without one.
            OR (day = '02-29' AND to_char(local, 'MM-DD') = '02-28'
              AND extract(day FROM make_date(extract(year FROM local)::int, 3, 1) - 1) = 28))
      )
      INSERT INTO "WorkflowAnniversaryFired" ("workflowId", "contactId", year, "orgId", "firedAt")
      SELECT ${workflowId}, id, year, ${orgId}, now() AT TIME ZONE 'UTC' FROM due
      ON CONFLICT DO NOTHING
      RETURNING "contactId"`;
    const contactIds = fired.map((r) => r.contactId);
    await announceTriggers(tx, [{ orgId, kind: "date_anniversary", key, contactIds, data: { field }, workflowId }]);
    return { workflowId, fired: contactIds.length };
  });
}
