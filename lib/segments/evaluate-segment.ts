// Evaluating a definition against the org's contacts: how many match, and the newest of them.
// Saved segments are evaluated at use, so they are always current.
import { listCustomFields } from "@/lib/custom-fields/manage-custom-fields";
import { orgSql, orgSqlTransaction, type OrgSqlClient } from "@/lib/db/sql";
import { Prisma } from "@/lib/generated/prisma/client";
import type { Contact } from "@/lib/generated/prisma/client";
import type { ConsentStatus } from "@/lib/generated/prisma/enums";
import type { OrgContext } from "@/lib/org-context";
import { compileSegment, type CompileScope } from "@/lib/segments/compile-segment";
import { segmentDefinition, type SegmentDefinitionInput, type SegmentGroup } from "@/lib/segments/rule-model";

function referencedListIds(group: SegmentGroup, into = new Set<string>()): Set<string> {
  for (const rule of group.rules) {
    if (rule.type === "group") referencedListIds(rule, into);
    else if (rule.field === "lists" && Array.isArray(rule.value)) for (const id of rule.value) if (typeof id === "string") into.add(id);
  }
  return into;
}

/**
 * What compiling for the org needs: its custom fields and list ids, read now. With a definition,
 * only the lists it names are looked up (an org may have thousands).
 */
export async function loadCompileScope(ctx: OrgContext, definition?: { root: SegmentGroup }): Promise<CompileScope> {
  const named = definition ? [...referencedListIds(definition.root)] : null;
  const [customFields, lists] = await Promise.all([
    listCustomFields(ctx),
    named && named.length === 0 ? [] : ctx.db.contactList.findMany({ where: named ? { id: { in: named } } : {}, select: { id: true } }),
  ]);
  return { orgId: ctx.orgId, customFields, listIds: lists.map((l) => l.id), now: new Date() };
}

/**
 * A definition compiled for the org: the condition over `c`, and whether a statement using it needs
 * the memory of withSegmentMemory (below) to stay set-based.
 */
export interface CompiledSegment {
  where: Prisma.Sql;
  hashMemory: boolean;
}

/** The SQL condition for `raw` in the org (validated: errors name the rule's path). Run statements using it through withSegmentMemory. */
export async function segmentCondition(ctx: OrgContext, raw: SegmentDefinitionInput): Promise<CompiledSegment> {
  const definition = segmentDefinition.parse(raw);
  return { where: compileSegment(definition, await loadCompileScope(ctx, definition)), hashMemory: setRuleUnderAny(definition.root) };
}

const SET_FIELDS: ReadonlySet<string> = new Set(["lists", "engagement.received", "engagement.replied", "engagement.lastDeliveryFailed", "engagement.clicked"]);

/** Whether a rule on lists or messages sits under an "any" group: a subquery that is hashed only with the memory below. */
function setRuleUnderAny(group: SegmentGroup, underAny = false): boolean {
  const inside = underAny || group.match === "any";
  return group.rules.some((rule) => (rule.type === "group" ? setRuleUnderAny(rule, inside) : inside && SET_FIELDS.has(rule.field)));
}

export async function countSegment(ctx: OrgContext, raw: SegmentDefinitionInput): Promise<number> {
  return countWhere(ctx, await segmentCondition(ctx, raw));
}

// A rule on lists or messages under an "any" group is a hashed SubPlan only when PostgreSQL's
// estimate of its set fits hash_mem (work_mem x hash_mem_multiplier: 4 MB x 2 by default, ~150k
// rows; else a subquery per contact: over 30 s at 1M contacts). 64 MB takes ~2.4M rows (the
// replies of 30 days at 1M contacts, 333k rows, use ~20 MB; measured: BENCHMARKS.md). For the
// segment's statement only (set_config's `true`: this transaction), as a statement that reads the
// org's row so that it binds the org (orgSql's check). Only for such definitions: with the memory
// PostgreSQL also switches the tags rules from a seq scan to a bitmap scan of the GIN index, which
// measured slower (365 against 480 ms for "has all of newsletter + customer").
export const SEGMENT_WORK_MEM = "64MB";

/** Runs `work` (statements using `segment`'s condition) with the memory it needs, in a transaction of its own if any. */
export async function withSegmentMemory<T>(ctx: OrgContext, { hashMemory }: Pick<CompiledSegment, "hashMemory">, work: (tx: OrgSqlClient) => PromiseLike<T>): Promise<T> {
  if (!hashMemory) return work(orgSql(ctx));
  return orgSqlTransaction(ctx, async (tx) => {
    await giveSegmentMemory(tx);
    return work(tx);
  });
}

/** The same memory for the rest of a transaction the caller holds (one that writes what the segment selects). */
export async function giveSegmentMemory(tx: OrgSqlClient): Promise<void> {
  await tx.$queryRaw`SELECT set_config('work_mem', ${SEGMENT_WORK_MEM}, true) FROM "Organization" WHERE id = ${tx.orgId}`;
}

async function countWhere(ctx: OrgContext, segment: CompiledSegment): Promise<number> {
  const { where } = segment;
  const [row] = await withSegmentMemory(ctx, segment, (tx) => tx.$queryRaw<{ count: number }[]>`
    SELECT count(*)::int AS count FROM "Contact" c WHERE c."orgId" = ${ctx.orgId} AND ${where}`);
  return row!.count;
}

export interface SegmentPreviewContact {
  id: string;
  phone: string;
  firstName: string | null;
  lastName: string | null;
  email: string | null;
  tags: string[];
  consentStatus: ConsentStatus;
  timeZone: string | null;
  createdAt: Date;
}

/** The count and the `limit` newest matching contacts (the builder's live preview). */
export async function previewSegment(ctx: OrgContext, raw: SegmentDefinitionInput, limit = 10) {
  const segment = await segmentCondition(ctx, raw);
  const { where } = segment;
  const [count, contacts] = await Promise.all([
    countWhere(ctx, segment),
    withSegmentMemory(ctx, segment, (tx) => tx.$queryRaw<SegmentPreviewContact[]>`
      SELECT c.id, c.phone, c."firstName", c."lastName", c.email, c.tags, c."consentStatus", c."timeZone", c."createdAt"
      FROM "Contact" c WHERE c."orgId" = ${ctx.orgId} AND ${where}
      ORDER BY c.id DESC LIMIT ${Math.max(0, Math.min(100, Math.floor(limit)))}`),
  ]);
  return { count, contacts };
}

export type SegmentContact = Omit<Contact, "searchText">;

/**
 * A page of the matching contacts, whole (custom fields too), newest first, keyset-paginated on the
 * time-ordered id like the contacts table (the REST API's pages, exports).
 */
export async function pageSegmentContacts(ctx: OrgContext, raw: SegmentDefinitionInput, { limit, cursor }: { limit: number; cursor?: string | null }) {
  const segment = await segmentCondition(ctx, raw);
  const { where } = segment;
  const rows = await withSegmentMemory(ctx, segment, (tx) => tx.$queryRaw<SegmentContact[]>`
    SELECT c.id, c."orgId", c.phone, c."firstName", c."lastName", c.email, c."timeZone", c."customFields", c.tags,
           c."consentStatus", c."optedInAt", c."optedOutAt", c."optOutSource", c."createdAt", c."updatedAt"
    FROM "Contact" c
    WHERE c."orgId" = ${ctx.orgId} AND ${where} ${cursor ? Prisma.sql`AND c.id < ${cursor}` : Prisma.empty}
    ORDER BY c.id DESC LIMIT ${limit + 1}`);
  const items = rows.slice(0, limit);
  return { items, nextCursor: rows.length > limit ? items[items.length - 1]!.id : null };
}
