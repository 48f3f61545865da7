// Autosave of the canvas: the draft graph and settings, as typed (half-typed nodes included:
// validate-graph.ts reports them; publishing refuses them). Cheap enough to run at every pause in
// typing: one conditional UPDATE. Two tabs on one workflow cannot silently overwrite each other:
// each save names the revision it edited and is refused when another save came in between, so the
// stale tab reloads instead of wiping the other's work. The audit log gets one "draft saved" per
// person per ten minutes of editing, not one per pause in typing.
import type { z } from "zod";
import { recordAudit } from "@/lib/audit/record-audit";
import { canonicalJson } from "@/lib/canonical-json";
import { DomainError, notFound } from "@/lib/errors";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { OrgContext } from "@/lib/org-context";
import { workflowGraph } from "@/lib/workflows/graph-model";
import { saveDraftInput } from "@/lib/workflows/workflow-input";

const json = (value: unknown) => value as Prisma.InputJsonValue;
const AUDIT_EVERY_MS = 10 * 60_000;

export async function saveDraft(ctx: OrgContext, raw: z.input<typeof saveDraftInput>): Promise<{ revision: number; draftChanged: boolean; updatedAt: Date }> {
  const { id, revision, graph, settings } = saveDraftInput.parse(raw);
  return ctx.db.$transaction(async (tx) => {
    const row = await tx.workflow.findUnique({
      where: { id },
      select: { draft: true, settings: true, draftRevision: true, draftChanged: true, updatedAt: true, publishedVersion: { select: { graph: true, settings: true } } },
    });
    if (!row) throw notFound("Workflow", "id");
    if (row.draftRevision !== revision) throw stale();
    // Nothing new (a save echoed after publishing): no write, no revision, no audit row.
    if (canonicalJson(row.draft) === canonicalJson(graph) && canonicalJson(row.settings) === canonicalJson(settings)) {
      return { revision, draftChanged: row.draftChanged, updatedAt: row.updatedAt };
    }
    // "Unpublished changes" means the draft differs from what was published: an undo back to the
    // published graph is none. Compared as publishing would store it (parsed, defaults filled in).
    const published = row.publishedVersion;
    const asPublished = workflowGraph.safeParse(graph);
    const draftChanged = !published || !asPublished.success || canonicalJson(asPublished.data) !== canonicalJson(published.graph) || canonicalJson(settings) !== canonicalJson(published.settings);
    // Conditional on the revision read: a save committing in between makes this one match nothing.
    const saved = await tx.workflow.updateManyAndReturn({
      where: { id, draftRevision: revision },
      data: { draft: json(graph), settings: json(settings), draftRevision: { increment: 1 }, draftChanged },
      select: { draftRevision: true, draftChanged: true, updatedAt: true },
    });
    if (saved.length === 0) throw stale();
    const recent = await tx.auditLog.findFirst({
      where: { targetId: id, action: "workflow.draft_saved", actorId: ctx.actor.id, createdAt: { gt: new Date(Date.now() - AUDIT_EVERY_MS) } },
      select: { id: true },
    });
    if (!recent) await recordAudit(ctx, tx, { action: "workflow.draft_saved", targetType: "workflow", targetId: id, changes: { revision: saved[0]!.draftRevision, nodes: graph.nodes.length } });
    return { revision: saved[0]!.draftRevision, draftChanged: saved[0]!.draftChanged, updatedAt: saved[0]!.updatedAt };
  });
}

const stale = () =>
  new DomainError("CONFLICT", "This workflow was changed in another tab or by a teammate since you opened it: reload to see their changes (yours were not saved)", "revision", "conflict");
