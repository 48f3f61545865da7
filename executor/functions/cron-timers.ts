// Cron triggers as durable timers: one CRON queue row per function and schedule, moved to the next
// tick each time it fires. A sync adds, reschedules (when the schedule changed) and removes them.
import { nextCronTime, parseCron } from "../cron.ts";
import type { Db, Tx } from "../db.ts";
import type { FunctionDef } from "./config.ts";

export const cronDedupeKey = (fnId: string, cron: string) => `cron:${fnId}:${cron}`;

export async function syncCronTimers(db: Db, tx: Tx, fns: FunctionDef[], previousIds: string[]) {
  const { t } = db;
  const keep: string[] = [];
  for (const fn of fns) {
    for (const cron of fn.crons) {
      const key = cronDedupeKey(fn.id, cron);
      keep.push(key);
      const due = nextCronTime(parseCron(cron), new Date());
      await tx.query(
        `INSERT INTO ${t.queue} (kind, "functionId", payload, "dueAt", "sortAt", "dedupeKey")
         VALUES ('CRON', $1, $2, $3, $3, $4) ON CONFLICT ("dedupeKey") DO NOTHING`,
        [fn.id, JSON.stringify({ cron }), due, key],
      );
    }
  }
  const fnIds = [...new Set([...fns.map((fn) => fn.id), ...previousIds])];
  await tx.query(`DELETE FROM ${t.queue} WHERE kind = 'CRON' AND "functionId" = ANY($1::text[]) AND "dedupeKey" <> ALL($2::text[])`, [fnIds, keep]);
}
