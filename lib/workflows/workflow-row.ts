// A Workflow row with its JSON read back through the schemas it was written with.
import type { Workflow as WorkflowRow } from "@/lib/generated/prisma/client";
import { workflowDraftGraph, workflowSettings, type WorkflowDraftGraph, type WorkflowSettings } from "@/lib/workflows/graph-model";

export type Workflow = Omit<WorkflowRow, "draft" | "settings"> & { draft: WorkflowDraftGraph; settings: WorkflowSettings };

export const workflowOf = (row: WorkflowRow): Workflow => ({
  ...row,
  draft: workflowDraftGraph.parse(row.draft),
  settings: workflowSettings.parse(row.settings),
});
