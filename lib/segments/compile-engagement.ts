// Engagement rules, from the messages table. Each is a set of the org's contacts read from its
// messages (contact-set.ts says in which SQL form), by the partial indexes of the migration
// 20261213000000_segment_indexes.
// - received: an outbound message that reached the carrier (SENT or DELIVERED) sent since the
//   start of the window (local midnight N days ago in the segment's zone).
// - replied: an inbound message from the contact since then; "never": none at all.
// - lastDeliveryFailed: the contact's latest outbound message with an outcome (SENT, DELIVERED,
//   UNDELIVERED, FAILED: queued and canceled ones have none yet) is FAILED or UNDELIVERED; with_code,
//   with one of those carrier error codes. "No" includes contacts never texted.
import { Prisma } from "@/lib/generated/prisma/client";
import { contactSet, type SetShape } from "@/lib/segments/contact-set";
import type { SegmentCondition } from "@/lib/segments/rule-model";

export interface EngagementEnv {
  orgId: string;
  setShape: SetShape;
  /** Start of a window of N days, as a SQL timestamp (UTC wall time) expression. */
  windowStart: (days: number) => Prisma.Sql;
}

function messages(env: EngagementEnv, where: Prisma.Sql, negate: boolean): Prisma.Sql {
  const ids = Prisma.sql`SELECT m."contactId" FROM "Message" m WHERE m."orgId" = ${env.orgId} AND m."contactId" IS NOT NULL AND ${where}`;
  return contactSet(ids, { shape: env.setShape, negate });
}

export function receivedMatch(rule: SegmentCondition, env: EngagementEnv): Prisma.Sql {
  const where = Prisma.sql`m.direction = 'OUTBOUND' AND m.status IN ('SENT', 'DELIVERED') AND m."sentAt" >= ${env.windowStart(rule.value as number)}`;
  return messages(env, where, rule.operator === "not_in_last_days");
}

export function repliedMatch(rule: SegmentCondition, env: EngagementEnv): Prisma.Sql {
  if (rule.operator === "never") return messages(env, Prisma.sql`m.direction = 'INBOUND'`, true);
  const where = Prisma.sql`m.direction = 'INBOUND' AND m."createdAt" >= ${env.windowStart(rule.value as number)}`;
  return messages(env, where, rule.operator === "not_in_last_days");
}

const OUTCOMES = Prisma.sql`('SENT', 'DELIVERED', 'UNDELIVERED', 'FAILED')`;

export function lastDeliveryFailedMatch(rule: SegmentCondition, env: EngagementEnv): Prisma.Sql {
  const codes = rule.operator === "with_code" ? Prisma.sql`AND m."errorCode" = ANY(${(rule.value as string[]).map((c) => c.trim())}::text[])` : Prisma.empty;
  // A failed outbound message with no outcome after it: set-based (an anti-join of the failures
  // against later outcomes), not the latest row looked up per contact (4 s against 1 s at 300k
  // contacts and 1.5M messages), nor DISTINCT ON the latest outcome per contact (42 s at 1M
  // contacts and 4M outbound messages: it sorts them all).
  const failed = Prisma.sql`m.direction = 'OUTBOUND' AND m.status IN ('FAILED', 'UNDELIVERED') ${codes}
      AND NOT EXISTS (SELECT 1 FROM "Message" later WHERE later."orgId" = ${env.orgId} AND later."contactId" = m."contactId"
        AND later.direction = 'OUTBOUND' AND later.status IN ${OUTCOMES} AND later.id > m.id)`;
  return messages(env, failed, rule.operator === "is_false");
}
