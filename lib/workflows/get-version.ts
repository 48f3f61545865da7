// One published version with its graph: the runs view draws it (read-only) under its counters, and
// moving waiting runs maps the steps of one version onto another's.
import { z } from "zod";
import { notFound } from "@/lib/errors";
import type { OrgContext } from "@/lib/org-context";
import { workflowGraph } from "@/lib/workflows/graph-model";

export const versionIdInput = z.strictObject({ versionId: z.string().min(1) });

export async function getVersion(ctx: OrgContext, raw: z.input<typeof versionIdInput>) {
  const { versionId } = versionIdInput.parse(raw);
  const row = await ctx.db.workflowVersion.findUnique({
    where: { id: versionId },
    select: { id: true, workflowId: true, version: true, graph: true, publishedAt: true },
  });
  if (!row) throw notFound("Version", "versionId");
  return { ...row, graph: workflowGraph.parse(row.graph) };
}
