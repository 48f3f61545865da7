// A page of saved segments with their definitions, newest first: the REST API's convention
// (`?limit=&starting_after=`); the UI's index (listSegments) is by name, without definitions.
import type { OrgContext } from "@/lib/org-context";
import { segmentDefinition, type SegmentDefinition } from "@/lib/segments/rule-model";

export async function pageSegments(ctx: OrgContext, { limit, cursor }: { limit: number; cursor?: string }) {
  const rows = await ctx.db.segment.findMany({ where: cursor ? { id: { lt: cursor } } : {}, orderBy: { id: "desc" }, take: limit + 1 });
  // Saved definitions passed this schema when written; parsing fills defaults a later model adds.
  const items = rows.slice(0, limit).map((s) => ({ ...s, definition: segmentDefinition.parse(s.definition) as SegmentDefinition }));
  return { items, nextCursor: rows.length > limit ? items[items.length - 1]!.id : null };
}
