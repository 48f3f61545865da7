// Engagement rules, from the messages table. Each is an EXISTS (or the latest row) over the
// contact's messages, bound to the org, so the (orgId, contactId, id) index answers it per contact.
// - received: an outbound message that reached the carrier (SENT or DELIVERED) sent since the
//   start of the window (local midnight N days ago in the segment's zone).
// - replied: an inbound message from the contact since then; "never": none at all.
// - lastDeliveryFailed: the contact's latest outbound message with an outcome (SENT, DELIVERED,
//   UNDELIVERED, FAILED: queued and canceled ones have none yet) is FAILED or UNDELIVERED; with_code,
//   with one of those carrier error codes. "No" includes contacts never texted.
import { Prisma } from "@/lib/generated/prisma/client";
import type { SegmentCondition } from "@/lib/segments/rule-model";

export interface EngagementEnv {
  orgId: string;
  /** Start of a window of N days, as a SQL timestamp (UTC wall time) expression. */
  windowStart: (days: number) => Prisma.Sql;
}

const not = (sql: Prisma.Sql) => Prisma.sql`NOT coalesce(${sql}, false)`;

function messages(env: EngagementEnv, where: Prisma.Sql): Prisma.Sql {
  return Prisma.sql`EXISTS (SELECT 1 FROM "Message" m WHERE m."orgId" = ${env.orgId} AND m."contactId" = c.id AND ${where})`;
}

export function receivedMatch(rule: SegmentCondition, env: EngagementEnv): Prisma.Sql {
  const since = messages(
    env,
    Prisma.sql`m.direction = 'OUTBOUND' AND m.status IN ('SENT', 'DELIVERED') AND m."sentAt" >= ${env.windowStart(rule.value as number)}`,
  );
  return rule.operator === "not_in_last_days" ? not(since) : since;
}

export function repliedMatch(rule: SegmentCondition, env: EngagementEnv): Prisma.Sql {
  if (rule.operator === "never") return not(messages(env, Prisma.sql`m.direction = 'INBOUND'`));
  const since = messages(env, Prisma.sql`m.direction = 'INBOUND' AND m."createdAt" >= ${env.windowStart(rule.value as number)}`);
  return rule.operator === "not_in_last_days" ? not(since) : since;
}

export function lastDeliveryFailedMatch(rule: SegmentCondition, env: EngagementEnv): Prisma.Sql {
  const codes = rule.operator === "with_code" ? Prisma.sql`AND last."errorCode" = ANY(${(rule.value as string[]).map((c) => c.trim())}::text[])` : Prisma.empty;
  const failed = Prisma.sql`EXISTS (SELECT 1 FROM (
      SELECT m.status, m."errorCode" FROM "Message" m
      WHERE m."orgId" = ${env.orgId} AND m."contactId" = c.id AND m.direction = 'OUTBOUND'
        AND m.status IN ('SENT', 'DELIVERED', 'UNDELIVERED', 'FAILED')
      ORDER BY m.id DESC LIMIT 1
    ) last WHERE last.status IN ('FAILED', 'UNDELIVERED') ${codes})`;
  return rule.operator === "is_false" ? not(failed) : failed;
}
