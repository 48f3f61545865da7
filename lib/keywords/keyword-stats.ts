// The keyword rules' figures, from KeywordMatch: texts matched per UTC day and keyword (the chart),
// each rule's totals, and the contacts a rule brought in (the text that made them a contact).
import { z } from "zod";
import { orgSql } from "@/lib/db/sql";
import { notFound } from "@/lib/errors";
import type { OrgContext } from "@/lib/org-context";

export const keywordStatsInput = z.strictObject({ days: z.number().int().min(1).max(365).default(30) });
export const ruleContactsInput = z.strictObject({ ruleId: z.string().min(1) });

const DAY_MS = 24 * 60 * 60 * 1000;

/** Each day of the period (oldest first, empty days included) with its count per keyword; and each rule's totals over the period. */
export async function keywordStats(ctx: OrgContext, raw: z.input<typeof keywordStatsInput>) {
  const { days } = keywordStatsInput.parse(raw);
  const today = Date.UTC(new Date().getUTCFullYear(), new Date().getUTCMonth(), new Date().getUTCDate());
  const from = new Date(today - (days - 1) * DAY_MS);
  const sql = orgSql(ctx);
  const [perDay, perRule] = await Promise.all([
    sql.$queryRaw<{ day: string; keyword: string; count: number }[]>`
      SELECT to_char(date_trunc('day', "occurredAt"), 'YYYY-MM-DD') AS day, keyword, count(*)::int AS count
      FROM "KeywordMatch" WHERE "orgId" = ${ctx.orgId} AND "occurredAt" >= ${from}
      GROUP BY 1, 2 ORDER BY 1, 2`,
    sql.$queryRaw<{ ruleId: string; matches: number; contacts: number; newContacts: number; replied: number }[]>`
      SELECT "ruleId", count(*)::int AS matches, count(DISTINCT "contactId")::int AS contacts,
        count(*) FILTER (WHERE "newContact")::int AS "newContacts", count(*) FILTER (WHERE replied)::int AS replied
      FROM "KeywordMatch" WHERE "orgId" = ${ctx.orgId} AND "occurredAt" >= ${from}
      GROUP BY 1`,
  ]);
  const keywords = [...new Set(perDay.map((r) => r.keyword))].sort();
  const byDay = new Map<string, Record<string, number>>();
  for (const row of perDay) byDay.set(row.day, { ...byDay.get(row.day), [row.keyword]: row.count });
  const series = Array.from({ length: days }, (_, i) => {
    const day = new Date(from.getTime() + i * DAY_MS).toISOString().slice(0, 10);
    return { day, counts: Object.fromEntries(keywords.map((k) => [k, byDay.get(day)?.[k] ?? 0])) };
  });
  return { from, days, keywords, series, rules: perRule };
}

/** The contacts a rule's keyword made (newest first, up to 100), with what they are now. */
export async function ruleContacts(ctx: OrgContext, raw: z.input<typeof ruleContactsInput>) {
  const { ruleId } = ruleContactsInput.parse(raw);
  const rule = await ctx.db.keywordRule.findUnique({ where: { id: ruleId }, select: { id: true, name: true } });
  if (!rule) throw notFound("Keyword rule", "ruleId");
  const contacts = await orgSql(ctx).$queryRaw<
    { id: string; phone: string; firstName: string | null; lastName: string | null; consentStatus: string; keyword: string; occurredAt: Date }[]
  >`
    SELECT c.id, c.phone, c."firstName", c."lastName", c."consentStatus"::text AS "consentStatus", m.keyword, m."occurredAt"
    FROM "KeywordMatch" m JOIN "Contact" c ON c.id = m."contactId" AND c."orgId" = m."orgId"
    WHERE m."orgId" = ${ctx.orgId} AND m."ruleId" = ${ruleId} AND m."newContact"
    ORDER BY m."occurredAt" DESC, m.id DESC LIMIT 100`;
  return { rule, contacts };
}
