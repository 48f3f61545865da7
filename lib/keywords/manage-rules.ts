// The org's keyword rules: list, create, update, enable or disable, delete, each audited. Saving
// checks what the form cannot: merge fields the org has, its own numbers and lists, a unique name,
// and no keyword that another rule could also answer (named). Saves take a per-org lock so two at
// once cannot each miss the other's overlapping keyword.
import type { z } from "zod";
import { recordAudit } from "@/lib/audit/record-audit";
import { isUniqueViolation } from "@/lib/db/errors";
import { DomainError, notFound } from "@/lib/errors";
import type { Prisma } from "@/lib/generated/prisma/client";
import { newId } from "@/lib/ids";
import { findConflict } from "@/lib/keywords/match-rule";
import { keywordRuleIdInput, keywordRuleInput, setKeywordRuleEnabledInput, updateKeywordRuleInput, type KeywordRuleValues } from "@/lib/keywords/rule-model";
import type { OrgContext, ScopedTx } from "@/lib/org-context";
import { validateTemplate } from "@/lib/sms/templates";

const FIELDS = ["name", "keywords", "matchOn", "senderIds", "reply", "addTags", "addListIds", "subscribe", "conversationAction", "enabled"] as const;

export function listKeywordRules(ctx: OrgContext) {
  return ctx.db.keywordRule.findMany({ orderBy: [{ createdAt: "asc" }, { id: "asc" }] });
}

export async function createKeywordRule(ctx: OrgContext, raw: z.input<typeof keywordRuleInput>) {
  const rule = keywordRuleInput.parse(raw);
  return saving(rule.name, () =>
    ctx.db.$transaction(async (tx) => {
      await check(ctx, tx, rule, null);
      const created = await tx.keywordRule.create({ data: { id: newId("keywordRule"), orgId: ctx.orgId, ...rule } });
      await recordAudit(ctx, tx, { action: "keyword_rule.created", targetType: "keyword_rule", targetId: created.id, changes: rule });
      return created;
    }),
  );
}

export async function updateKeywordRule(ctx: OrgContext, raw: z.input<typeof updateKeywordRuleInput>) {
  const { id, rule } = updateKeywordRuleInput.parse(raw);
  return saving(rule.name, () =>
    ctx.db.$transaction(async (tx) => {
      const before = await tx.keywordRule.findUnique({ where: { id } });
      if (!before) throw notFound("Keyword rule", "id");
      await check(ctx, tx, rule, id);
      const after = await tx.keywordRule.update({ where: { id }, data: rule });
      const changes = Object.fromEntries(
        FIELDS.filter((k) => JSON.stringify(before[k]) !== JSON.stringify(after[k])).map((k) => [k, { from: before[k], to: after[k] }]),
      ) as Prisma.InputJsonObject;
      if (Object.keys(changes).length > 0) await recordAudit(ctx, tx, { action: "keyword_rule.updated", targetType: "keyword_rule", targetId: id, changes });
      return after;
    }),
  );
}

/** Turning a rule on or off needs no checks: overlaps are refused with disabled rules too. */
export async function setKeywordRuleEnabled(ctx: OrgContext, raw: z.input<typeof setKeywordRuleEnabledInput>) {
  const { id, enabled } = setKeywordRuleEnabledInput.parse(raw);
  return ctx.db.$transaction(async (tx) => {
    const before = await tx.keywordRule.findUnique({ where: { id } });
    if (!before) throw notFound("Keyword rule", "id");
    if (before.enabled === enabled) return before;
    const after = await tx.keywordRule.update({ where: { id }, data: { enabled } });
    await recordAudit(ctx, tx, { action: "keyword_rule.updated", targetType: "keyword_rule", targetId: id, changes: { enabled: { from: before.enabled, to: enabled } } });
    return after;
  });
}

export async function deleteKeywordRule(ctx: OrgContext, raw: z.input<typeof keywordRuleIdInput>) {
  const { id } = keywordRuleIdInput.parse(raw);
  return ctx.db.$transaction(async (tx) => {
    const rule = await tx.keywordRule.findUnique({ where: { id } });
    if (!rule) throw notFound("Keyword rule", "id");
    await tx.keywordRule.delete({ where: { id } });
    await recordAudit(ctx, tx, { action: "keyword_rule.deleted", targetType: "keyword_rule", targetId: id, changes: { name: rule.name, keywords: rule.keywords } });
    return { id };
  });
}

async function saving<T>(name: string, save: () => Promise<T>): Promise<T> {
  try {
    return await save();
  } catch (error) {
    if (isUniqueViolation(error)) throw new DomainError("CONFLICT", `A keyword rule named "${name}" already exists`, "name");
    throw error;
  }
}

async function check(ctx: OrgContext, tx: ScopedTx, rule: KeywordRuleValues, id: string | null) {
  await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtextextended('keyword-rules:' || ${ctx.orgId}, 0))`;
  if (rule.reply) {
    const keys = (await tx.customFieldDefinition.findMany({ select: { key: true } })).map((f) => f.key);
    const template = validateTemplate(rule.reply, keys);
    if (!template.ok) throw new DomainError("BAD_REQUEST", template.message, "reply", "unknown_merge_field");
  }
  const senders = await tx.senderNumber.count({ where: { id: { in: rule.senderIds } } });
  if (senders !== new Set(rule.senderIds).size) throw notFound("Sender number", "senderIds");
  const lists = await tx.contactList.count({ where: { id: { in: rule.addListIds } } });
  if (lists !== new Set(rule.addListIds).size) throw notFound("List", "addListIds");
  const others = await tx.keywordRule.findMany({ where: id ? { id: { not: id } } : {}, select: { id: true, name: true, keywords: true, matchOn: true, senderIds: true, enabled: true } });
  const conflict = findConflict(rule, others);
  if (conflict) {
    const same = conflict.keyword === conflict.theirs ? conflict.keyword : `${conflict.keyword} overlaps ${conflict.theirs}, which`;
    throw new DomainError("CONFLICT", `${same} is already a keyword of the rule "${conflict.rule.name}"`, "keywords");
  }
}
