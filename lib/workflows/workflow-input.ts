// The inputs of the workflow procedures (lib/trpc/routers/workflows.ts), one zod schema each.
import { z } from "zod";
import { workflowDraftGraph, workflowSettings } from "@/lib/workflows/graph-model";

export const workflowName = z.string().trim().min(1, "Enter a name").max(100, "Use at most 100 characters");
export const workflowIdInput = z.strictObject({ id: z.string().min(1) });
export const createWorkflowInput = z.strictObject({ name: workflowName });
export const renameWorkflowInput = z.strictObject({ id: z.string().min(1), name: workflowName });
export const saveDraftInput = z.strictObject({
  id: z.string().min(1),
  /** The revision the editor loaded or last saved: a save over a newer one is refused. */
  revision: z.number().int().min(0),
  graph: workflowDraftGraph,
  settings: workflowSettings,
});
export const listWorkflowsInput = z.strictObject({ status: z.enum(["DRAFT", "ACTIVE", "PAUSED"]).optional() }).default({});
