// Date rules (see compile-segment.ts's header for their meaning): timestamp columns, read as local
// days in the segment's zone, and date custom fields, which are calendar days.
import { Prisma } from "@/lib/generated/prisma/client";
import type { SegmentCondition } from "@/lib/segments/rule-model";
import { addDays, anniversaryMonthDays, isRealDay } from "@/lib/segments/segment-days";
import { badRule } from "@/lib/segments/segment-fields";

export interface DateEnv {
  timeZone: string;
  /** Today in that zone, YYYY-MM-DD. */
  today: string;
}

function checkDay(day: string, path: string): string {
  if (!isRealDay(day)) throw badRule(`"${day}" is not a date`, path);
  return day;
}

/** Date custom fields: "YYYY-MM-DD" text, compared as text (the same order as the days). */
export function dayRule(rule: SegmentCondition, value: Prisma.Sql, path: string, env: DateEnv): Prisma.Sql {
  switch (rule.operator) {
    case "before":
      return Prisma.sql`${value} < ${checkDay(rule.value as string, `${path}.value`)}`;
    case "after":
      return Prisma.sql`${value} > ${checkDay(rule.value as string, `${path}.value`)}`;
    case "on":
      return Prisma.sql`${value} = ${checkDay(rule.value as string, `${path}.value`)}`;
    case "between_days": {
      const [from, to] = rule.value as [string, string];
      return Prisma.sql`${value} BETWEEN ${checkDay(from, `${path}.value.0`)} AND ${checkDay(to, `${path}.value.1`)}`;
    }
    case "in_last_days":
      return Prisma.sql`${value} BETWEEN ${addDays(env.today, -(rule.value as number))} AND ${env.today}`;
    case "more_than_days_ago":
      return Prisma.sql`${value} < ${addDays(env.today, -(rule.value as number))}`;
    case "anniversary_within_days":
      return anniversary(Prisma.sql`substring(${value} from 6 for 5)`, value, rule.value as number, env);
    case "is_empty":
      return Prisma.sql`${value} IS NULL`;
    case "is_not_empty":
      return Prisma.sql`${value} IS NOT NULL`;
  }
  throw new Error(`unhandled date operator ${rule.operator}`);
}

/** The UTC wall time (the columns' convention) at which local `day` starts in the segment's zone. */
export function dayStart(day: string, env: DateEnv): Prisma.Sql {
  return Prisma.sql`((${day}::timestamp AT TIME ZONE ${env.timeZone}) AT TIME ZONE 'UTC')`;
}

/** Timestamp columns (UTC): local days in the segment's zone, the column left bare for its indexes. */
export function timestampRule(rule: SegmentCondition, column: Prisma.Sql, path: string, env: DateEnv): Prisma.Sql {
  const onOrAfter = (day: string) => Prisma.sql`${column} >= ${dayStart(day, env)}`;
  const before = (day: string) => Prisma.sql`${column} < ${dayStart(day, env)}`;
  const span = (from: string, to: string) => Prisma.sql`(${onOrAfter(from)} AND ${before(addDays(to, 1))})`;
  switch (rule.operator) {
    case "before":
      return before(checkDay(rule.value as string, `${path}.value`));
    case "after":
      return onOrAfter(addDays(checkDay(rule.value as string, `${path}.value`), 1));
    case "on": {
      const day = checkDay(rule.value as string, `${path}.value`);
      return span(day, day);
    }
    case "between_days": {
      const [from, to] = rule.value as [string, string];
      return span(checkDay(from, `${path}.value.0`), checkDay(to, `${path}.value.1`));
    }
    case "in_last_days":
      return span(addDays(env.today, -(rule.value as number)), env.today);
    case "more_than_days_ago":
      return before(addDays(env.today, -(rule.value as number)));
    case "anniversary_within_days": {
      const local = Prisma.sql`((${column} AT TIME ZONE 'UTC') AT TIME ZONE ${env.timeZone})`;
      return anniversary(Prisma.sql`to_char(${local}, 'MM-DD')`, column, rule.value as number, env);
    }
    case "is_empty":
      return Prisma.sql`${column} IS NULL`;
    case "is_not_empty":
      return Prisma.sql`${column} IS NOT NULL`;
  }
  throw new Error(`unhandled date operator ${rule.operator}`);
}

function anniversary(monthDay: Prisma.Sql, value: Prisma.Sql, days: number, env: DateEnv): Prisma.Sql {
  const monthDays = anniversaryMonthDays(env.today, days);
  return monthDays ? Prisma.sql`${monthDay} = ANY(${monthDays}::text[])` : Prisma.sql`${value} IS NOT NULL`;
}
