// The segment compiler: a definition (lib/segments/rule-model.ts) becomes one boolean SQL expression
// over the contact row `c` ("Contact" c), built only with Prisma.sql / Prisma.join: every value is a
// parameter, every column or table name comes from this code's own catalogue, never from the input.
// Every subquery binds the org. Rules the zod shape cannot check (an unknown field or custom field,
// an operator the field's type does not take, a choice that is not one: state "XX", a list of
// another org) throw DomainError BAD_REQUEST naming the rule's path
// ("definition.root.rules.1.rules.0.field").
//
// Semantics (what a marketer expects):
// - Groups: "all" is AND, "any" is OR. An empty group, of either kind, matches everyone (a new
//   segment starts as everyone, and a group the builder just added changes nothing until it has a
//   rule).
// - Missing values: a positive rule never matches a contact without the value ("first name is Ann",
//   "points > 5", "birthday before 2000-01-01"); its negation does ("first name is not Ann",
//   "does not contain", "≠", "is none of", "has none of", "not in lists" all include contacts with no
//   first name, no points...). Text that is only spaces counts as empty. "is no" (is_false) matches
//   a stored false only; a contact without the value is "empty".
// - Text is compared case-insensitively; contains / starts with / ends with treat % and _ as the
//   characters they are. Tags are stored lower-case, so rule tags are lower-cased too.
// - Custom fields live in c."customFields" (jsonb): NUMBER as a JSON number, DATE as "YYYY-MM-DD"
//   text, BOOLEAN as a JSON bool; a value of another JSON type counts as missing.
// - Dates are days in the segment's time zone (definition.timeZone). A timestamp (createdAt,
//   opted in / out) is "on 2026-03-08" when it falls in that local day, bounds computed by
//   PostgreSQL's AT TIME ZONE (DST-correct: a 23-hour or 25-hour day is still one day). Date custom
//   fields are calendar days and are compared as they are.
//   "in the last N days" = since local midnight N days ago, up to the end of today: N = 0 is
//   today, N = 1 is yesterday and today. "more than N days ago" = before that midnight: every past
//   date is in exactly one of the two. "anniversary within the next N days" = the month-day of the
//   date (a timestamp's local date) falls today or in the N days after; Feb 29 counts on Feb 28 in
//   other years; across year end it wraps (Dec 30 + 5 days takes Jan 1-4).
// - Lists: ids must be the org's lists (scope.listIds); unknown ones are refused by name.
// - consent.source is the source of the contact's latest consent event (ui, api, keyword, import);
//   contacts without one have none ("is none of" includes them). source is how the contact was made
//   (Contact.source: import, api, ui, inbound); contacts older than that column have none.
// - Location and engagement: see compile-location.ts and compile-engagement.ts.
//
// Performance: rules on lists and messages are EXISTS / NOT EXISTS correlated on c.id. Under "all"
// groups PostgreSQL turns them into semi- and anti-joins (each set read once). Under an "any" group
// (an OR, which no join expresses) it plans each as a subquery, hashed (its set read once into a
// hash table) when the set's estimate fits hash_mem, else probed per contact by index (over 30 s
// at 1M contacts). countSegment and its siblings (evaluate-segment.ts) raise work_mem for such a
// definition's statement so that it fits; where it does not, the probes are slow but bounded. An
// uncorrelated `c.id IN (set)` plans the same hashed SubPlan, but without the memory it rescans the
// whole set per contact, so it is not used. For one contact (explain) the EXISTS is one index probe.
import type { FieldDefinition } from "@/lib/custom-fields/custom-field-input";
import { escapeLike } from "@/lib/db/escape-like";
import { Prisma } from "@/lib/generated/prisma/client";
import { clickedMatch, lastDeliveryFailedMatch, receivedMatch, repliedMatch } from "@/lib/segments/compile-engagement";
import { areaCodeMatch, countryMatch, stateMatch, timeZoneMatch } from "@/lib/segments/compile-location";
import {
  CONSENT_SOURCE_CHOICES,
  CONTACT_SOURCE_CHOICES,
  CONSENT_STATUS_CHOICES,
  type SegmentCondition,
  type SegmentDefinition,
  type SegmentGroup,
} from "@/lib/segments/rule-model";
import { dayRule, dayStart, timestampRule } from "@/lib/segments/compile-dates";
import { addDays, localDay } from "@/lib/segments/segment-days";
import { badRule, resolveField, type ResolvedField } from "@/lib/segments/segment-fields";

export interface CompileScope {
  orgId: string;
  /** The org's custom field definitions (lib/custom-fields). */
  customFields: readonly FieldDefinition[];
  /** The org's list ids: a rule naming another is refused. */
  listIds: readonly string[];
  /** "Today" and "the last N days" are read at this instant. */
  now: Date;
}

interface Env {
  orgId: string;
  timeZone: string;
  today: string;
  customFields: ReadonlyMap<string, FieldDefinition>;
  listIds: ReadonlySet<string>;
  /** Called with each rule's and group's own expression (explainContact evaluates them one by one). */
  onNode?: (path: string, sql: Prisma.Sql) => void;
}

/** The boolean SQL expression over `c` that `definition` compiles to (see the header for its meaning). */
export function compileSegment(definition: SegmentDefinition, scope: CompileScope, onNode?: Env["onNode"]): Prisma.Sql {
  const env: Env = {
    orgId: scope.orgId,
    timeZone: definition.timeZone,
    today: localDay(scope.now, definition.timeZone),
    customFields: new Map(scope.customFields.map((f) => [f.key, f])),
    listIds: new Set(scope.listIds),
    onNode,
  };
  return compileGroup(definition.root, "definition.root", env);
}

function compileGroup(group: SegmentGroup, path: string, env: Env): Prisma.Sql {
  const parts = group.rules.map((rule, i) =>
    rule.type === "group" ? compileGroup(rule, `${path}.rules.${i}`, env) : compileRule(rule, `${path}.rules.${i}`, env),
  );
  const sql = parts.length === 0 ? Prisma.sql`true` : Prisma.sql`(${Prisma.join(parts, group.match === "all" ? " AND " : " OR ")})`;
  env.onNode?.(path, sql);
  return sql;
}

function compileRule(rule: SegmentCondition, path: string, env: Env): Prisma.Sql {
  const field = resolveField(rule, path, env.customFields);
  const sql = compileField(rule, field, path, env);
  env.onNode?.(path, sql);
  return sql;
}

const not = (sql: Prisma.Sql) => Prisma.sql`NOT coalesce(${sql}, false)`;
const CUSTOM = Prisma.sql`c."customFields"`;

const TEXT_COLUMNS = {
  firstName: Prisma.sql`c."firstName"`,
  lastName: Prisma.sql`c."lastName"`,
  email: Prisma.sql`c.email`,
  phone: Prisma.sql`c.phone`,
} as const;
const DATE_COLUMNS = {
  createdAt: Prisma.sql`c."createdAt"`,
  "consent.optedInAt": Prisma.sql`c."optedInAt"`,
  "consent.optedOutAt": Prisma.sql`c."optedOutAt"`,
} as const;

function compileField(rule: SegmentCondition, field: ResolvedField, path: string, env: Env): Prisma.Sql {
  if (field.kind === "custom") {
    const value = Prisma.sql`(${CUSTOM} -> ${field.key})`;
    const typed = (jsonType: string, cast: Prisma.Sql) => Prisma.sql`(CASE WHEN jsonb_typeof(${value}) = ${jsonType} THEN ${cast} END)`;
    const text = Prisma.sql`(${CUSTOM} ->> ${field.key})`;
    switch (field.customType) {
      case "TEXT":
        return textRule(rule, text, path);
      case "NUMBER":
        return numberRule(rule, typed("number", Prisma.sql`${text}::numeric`));
      case "BOOLEAN":
        return booleanRule(rule, field.key, typed("boolean", Prisma.sql`${text}::boolean`));
      case "DATE":
        return dayRule(rule, typed("string", Prisma.sql`(CASE WHEN ${text} ~ '^[0-9]{4}-[0-9]{2}-[0-9]{2}$' THEN ${text} END)`), path, env);
    }
  }
  const engagement = { orgId: env.orgId, windowStart: (days: number) => dayStart(addDays(env.today, -days), env) };
  switch (field.field) {
    case "firstName":
    case "lastName":
    case "email":
    case "phone":
      return textRule(rule, TEXT_COLUMNS[field.field], path);
    case "createdAt":
    case "consent.optedInAt":
    case "consent.optedOutAt":
      return timestampRule(rule, DATE_COLUMNS[field.field], path, env);
    case "tags":
      return tagsRule(rule);
    case "lists":
      return listsRule(rule, path, env);
    case "consent.status":
      return choiceRule(rule, consentStatusMatch(rule.value as string[], path));
    case "consent.source":
      return choiceRule(rule, consentSourceMatch(rule.value as string[], path, env));
    case "source":
      return choiceRule(rule, Prisma.sql`c.source = ANY(${checkChoices(rule.value as string[], CONTACT_SOURCE_CHOICES, "contact source", path)}::text[])`);
    case "location.country":
      return choiceRule(rule, countryMatch(rule.value as string[], path));
    case "location.state":
      return choiceRule(rule, stateMatch(rule.value as string[], path));
    case "location.areaCode":
      return choiceRule(rule, areaCodeMatch(rule.value as string[], path));
    case "location.timeZone":
      return choiceRule(rule, timeZoneMatch(rule.value as string[], path));
    case "engagement.received":
      return receivedMatch(rule, engagement);
    case "engagement.replied":
      return repliedMatch(rule, engagement);
    case "engagement.lastDeliveryFailed":
      return lastDeliveryFailedMatch(rule, engagement);
    case "engagement.clicked":
      return clickedMatch(rule, engagement);
  }
}

function textRule(rule: SegmentCondition, column: Prisma.Sql, path: string): Prisma.Sql {
  const empty = Prisma.sql`(${column} IS NULL OR btrim(${column}) = '')`;
  if (rule.operator === "is_empty") return empty;
  if (rule.operator === "is_not_empty") return Prisma.sql`NOT ${empty}`;
  const value = rule.value as string;
  if (value.trim() === "") throw badRule(`Enter a value (or use "is empty")`, `${path}.value`);
  const like = (pattern: string) => Prisma.sql`${column} ILIKE ${pattern}`;
  switch (rule.operator) {
    case "is":
      return Prisma.sql`lower(${column}) = lower(${value})`;
    case "is_not":
      return not(Prisma.sql`lower(${column}) = lower(${value})`);
    case "contains":
      return like(`%${escapeLike(value)}%`);
    case "not_contains":
      return not(like(`%${escapeLike(value)}%`));
    case "starts_with":
      return like(`${escapeLike(value)}%`);
    case "ends_with":
      return like(`%${escapeLike(value)}`);
  }
  throw new Error(`unhandled text operator ${rule.operator}`);
}

function numberRule(rule: SegmentCondition, value: Prisma.Sql): Prisma.Sql {
  const n = (x: unknown) => Prisma.sql`${x as number}::numeric`;
  switch (rule.operator) {
    case "eq":
      return Prisma.sql`${value} = ${n(rule.value)}`;
    case "neq":
      return not(Prisma.sql`${value} = ${n(rule.value)}`);
    case "gt":
      return Prisma.sql`${value} > ${n(rule.value)}`;
    case "gte":
      return Prisma.sql`${value} >= ${n(rule.value)}`;
    case "lt":
      return Prisma.sql`${value} < ${n(rule.value)}`;
    case "lte":
      return Prisma.sql`${value} <= ${n(rule.value)}`;
    case "between": {
      const [from, to] = rule.value as [number, number];
      return Prisma.sql`${value} BETWEEN ${n(from)} AND ${n(to)}`;
    }
    case "is_empty":
      return Prisma.sql`${value} IS NULL`;
    case "is_not_empty":
      return Prisma.sql`${value} IS NOT NULL`;
  }
  throw new Error(`unhandled number operator ${rule.operator}`);
}

function booleanRule(rule: SegmentCondition, key: string, value: Prisma.Sql): Prisma.Sql {
  // Containment, so a GIN index on customFields can answer yes / no.
  const is = (b: boolean) => Prisma.sql`${CUSTOM} @> ${JSON.stringify({ [key]: b })}::jsonb`;
  switch (rule.operator) {
    case "is_true":
      return is(true);
    case "is_false":
      return is(false);
    case "is_empty":
      return Prisma.sql`${value} IS NULL`;
    case "is_not_empty":
      return Prisma.sql`${value} IS NOT NULL`;
  }
  throw new Error(`unhandled boolean operator ${rule.operator}`);
}

function tagsRule(rule: SegmentCondition): Prisma.Sql {
  const tags = [...new Set((rule.value as string[]).map((t) => t.trim().toLowerCase()))];
  // Array operators a GIN index on tags can answer.
  switch (rule.operator) {
    case "has_any":
      return Prisma.sql`c.tags && ${tags}::text[]`;
    case "has_all":
      return Prisma.sql`c.tags @> ${tags}::text[]`;
    case "has_none":
      return Prisma.sql`NOT (c.tags && ${tags}::text[])`;
  }
  throw new Error(`unhandled tags operator ${rule.operator}`);
}

function listsRule(rule: SegmentCondition, path: string, env: Env): Prisma.Sql {
  const ids = [...new Set(rule.value as string[])];
  const unknown = ids.filter((id) => !env.listIds.has(id));
  if (unknown.length > 0) throw badRule(`No such list: ${unknown.join(", ")}`, `${path}.value`);
  const member = Prisma.sql`EXISTS (SELECT 1 FROM "ListMembership" lm WHERE lm."orgId" = ${env.orgId} AND lm."contactId" = c.id AND lm."listId" = ANY(${ids}::text[]))`;
  return rule.operator === "not_in" ? Prisma.sql`NOT ${member}` : member;
}

/** is_any_of: the match; is_none_of: its negation, which takes contacts without a value. */
function choiceRule(rule: SegmentCondition, match: Prisma.Sql): Prisma.Sql {
  return rule.operator === "is_none_of" ? not(match) : match;
}

function checkChoices<T extends string>(values: string[], allowed: readonly T[], what: string, path: string): T[] {
  return values.map((value, i) => {
    if (!(allowed as readonly string[]).includes(value)) throw badRule(`"${value}" is not a ${what} (use ${allowed.join(", ")})`, `${path}.value.${i}`);
    return value as T;
  });
}

function consentStatusMatch(values: string[], path: string): Prisma.Sql {
  const statuses = checkChoices(values, CONSENT_STATUS_CHOICES, "subscription state", path).map((s) => s.toUpperCase());
  return Prisma.sql`c."consentStatus" = ANY(${statuses}::"ConsentStatus"[])`;
}

function consentSourceMatch(values: string[], path: string, env: Env): Prisma.Sql {
  const sources = checkChoices(values, CONSENT_SOURCE_CHOICES, "consent source", path);
  return Prisma.sql`(SELECT e.source FROM "ConsentEvent" e WHERE e."orgId" = ${env.orgId} AND e."contactId" = c.id ORDER BY e."occurredAt" DESC, e.id DESC LIMIT 1) = ANY(${sources}::text[])`;
}
