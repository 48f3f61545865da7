// "Why is this contact in or out": every rule and group of a definition evaluated for one contact,
// in one statement (each node's own expression from the compiler, as one boolean array).
import type { z } from "zod";
import { orgSql } from "@/lib/db/sql";
import { notFound } from "@/lib/errors";
import { Prisma } from "@/lib/generated/prisma/client";
import type { OrgContext } from "@/lib/org-context";
import { compileSegment } from "@/lib/segments/compile-segment";
import { loadCompileScope } from "@/lib/segments/evaluate-segment";
import { getSegment } from "@/lib/segments/manage-segments";
import { explainSegmentInput, segmentDefinition, type SegmentCondition, type SegmentDefinitionInput, type SegmentGroup } from "@/lib/segments/rule-model";

export type ExplainedCondition = SegmentCondition & { path: string; met: boolean };
export interface ExplainedGroup {
  type: "group";
  match: SegmentGroup["match"];
  path: string;
  met: boolean;
  rules: (ExplainedCondition | ExplainedGroup)[];
}

function annotate(group: SegmentGroup, path: string, met: ReadonlyMap<string, boolean>): ExplainedGroup {
  return {
    type: "group",
    match: group.match,
    path,
    met: met.get(path)!,
    rules: group.rules.map((rule, i) =>
      rule.type === "group" ? annotate(rule, `${path}.rules.${i}`, met) : { ...rule, path: `${path}.rules.${i}`, met: met.get(`${path}.rules.${i}`)! },
    ),
  };
}

/** The definition with met / missed on each rule and group for the contact (paths as in errors). */
export async function explainDefinition(ctx: OrgContext, raw: SegmentDefinitionInput, contactId: string) {
  const definition = segmentDefinition.parse(raw);
  const nodes: { path: string; sql: Prisma.Sql }[] = [];
  compileSegment(definition, await loadCompileScope(ctx, definition), (path, sql) => nodes.push({ path, sql }));
  const columns = Prisma.join(nodes.map((n) => Prisma.sql`coalesce(${n.sql}, false)`));
  const [row] = await orgSql(ctx).$queryRaw<{ met: boolean[] }[]>`
    SELECT ARRAY[${columns}]::boolean[] AS met FROM "Contact" c WHERE c."orgId" = ${ctx.orgId} AND c.id = ${contactId}`;
  if (!row) throw notFound("Contact", "contactId");
  const met = new Map(nodes.map((n, i) => [n.path, row.met[i]!]));
  const root = annotate(definition.root, "definition.root", met);
  return { contactId, timeZone: definition.timeZone, met: root.met, root };
}

/** explainDefinition for a saved segment (segmentId) or a definition being edited. */
export async function explainContact(ctx: OrgContext, raw: z.input<typeof explainSegmentInput>) {
  const input = explainSegmentInput.parse(raw);
  const definition = input.definition ?? (await getSegment(ctx, { id: input.segmentId! }, "segmentId")).definition;
  return explainDefinition(ctx, definition, input.contactId);
}
