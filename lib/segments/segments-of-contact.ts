// The saved segments a contact is in, evaluated now in one statement (one boolean per segment).
import type { z } from "zod";
import { orgSql } from "@/lib/db/sql";
import { DomainError, notFound } from "@/lib/errors";
import { Prisma } from "@/lib/generated/prisma/client";
import type { OrgContext } from "@/lib/org-context";
import { compileSegment } from "@/lib/segments/compile-segment";
import { loadCompileScope } from "@/lib/segments/evaluate-segment";
import { segmentDefinition, segmentsOfContactInput } from "@/lib/segments/rule-model";

/**
 * The org's saved segments that the contact is in, by name. A segment that no longer compiles (its
 * custom field or list was deleted since) is left out: it matches no one until it is fixed.
 */
export async function segmentsOfContact(ctx: OrgContext, raw: z.input<typeof segmentsOfContactInput>) {
  const { contactId } = segmentsOfContactInput.parse(raw);
  const [segments, scope] = await Promise.all([
    ctx.db.segment.findMany({ orderBy: { name: "asc" }, select: { id: true, name: true, description: true, definition: true } }),
    loadCompileScope(ctx),
  ]);
  const compiled: { segment: (typeof segments)[number]; sql: Prisma.Sql }[] = [];
  for (const segment of segments) {
    try {
      compiled.push({ segment, sql: compileSegment(segmentDefinition.parse(segment.definition), scope) });
    } catch (error) {
      if (!(error instanceof DomainError)) throw error;
    }
  }
  const columns = compiled.length ? Prisma.join(compiled.map((s) => Prisma.sql`coalesce(${s.sql}, false)`)) : Prisma.empty;
  const [row] = await orgSql(ctx).$queryRaw<{ met: boolean[] }[]>`
    SELECT ARRAY[${columns}]::boolean[] AS met FROM "Contact" c WHERE c."orgId" = ${ctx.orgId} AND c.id = ${contactId}`;
  if (!row) throw notFound("Contact", "contactId");
  return compiled.filter((_, i) => row.met[i]).map(({ segment: { id, name, description } }) => ({ id, name, description }));
}
