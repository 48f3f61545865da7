// Engagement rules, from the messages table. Each is an EXISTS over the contact's messages (or its
// last outcome), bound to the org, so PostgreSQL plans it as a semi- or anti-join over the set.
// - received: an outbound message that reached the carrier (SENT or DELIVERED) sent since the
//   start of the window (local midnight N days ago in the segment's zone).
// - replied: an inbound message from the contact since then; "never": none at all.
// - clicked: a person's click (LinkClick.botReason null: previews and scanners are not people) on
//   a tracked link of a message to the contact since then (of one campaign's messages, with
//   campaignId; an id that is no campaign of the org's matches no click); "never": none at all. Along the partial
//   index LinkClick(orgId, contactId, occurredAt) of people's clicks (migrations/20261215000200).
// - lastDeliveryFailed: the contact's last outcome (lib/messaging/last-outcome.ts: of its outbound
//   messages sent, delivered, undelivered or failed, the newest by id; queued, scheduled and
//   canceled ones have none yet) is FAILED or UNDELIVERED; with_code, with one of those carrier error
//   codes. "No" includes contacts never texted. Read from ContactLastOutcome, which
//   applyStatusChanges keeps with every move: derived from the messages it took 1.3 s at 4M
//   outbound (each failure checked for a later outcome); from one row per contact, a scan of
//   560k rows and a lookup of each failing contact.
import { Prisma } from "@/lib/generated/prisma/client";
import type { SegmentCondition } from "@/lib/segments/rule-model";

export interface EngagementEnv {
  orgId: string;
  /** Start of a window of N days, as a SQL timestamp (UTC wall time) expression. */
  windowStart: (days: number) => Prisma.Sql;
}

// EXISTS is never NULL: a bare NOT EXISTS, which PostgreSQL plans as an anti-join (wrapped in
// coalesce it became a subquery run per contact: 9 s against 0.5 s at 300k contacts).
const not = (exists: Prisma.Sql) => Prisma.sql`NOT ${exists}`;

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

export function clickedMatch(rule: SegmentCondition, env: EngagementEnv): Prisma.Sql {
  const campaign = rule.campaignId === undefined ? Prisma.empty : Prisma.sql`AND k."campaignId" = ${rule.campaignId}`;
  const clicks = (where: Prisma.Sql) => Prisma.sql`EXISTS (SELECT 1 FROM "LinkClick" k
    WHERE k."orgId" = ${env.orgId} AND k."contactId" = c.id AND k."botReason" IS NULL ${campaign} ${where})`;
  if (rule.operator === "never") return not(clicks(Prisma.empty));
  const since = clicks(Prisma.sql`AND k."occurredAt" >= ${env.windowStart(rule.value as number)}`);
  return rule.operator === "not_in_last_days" ? not(since) : since;
}

export function lastDeliveryFailedMatch(rule: SegmentCondition, env: EngagementEnv): Prisma.Sql {
  const codes = rule.operator === "with_code" ? Prisma.sql`AND o."errorCode" = ANY(${(rule.value as string[]).map((c) => c.trim())}::text[])` : Prisma.empty;
  const failed = Prisma.sql`EXISTS (SELECT 1 FROM "ContactLastOutcome" o WHERE o."orgId" = ${env.orgId} AND o."contactId" = c.id
    AND o.status IN ('FAILED', 'UNDELIVERED') ${codes})`;
  return rule.operator === "is_false" ? not(failed) : failed;
}
