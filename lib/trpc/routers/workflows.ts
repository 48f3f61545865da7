import { z } from "zod";
import { editorOptions } from "@/lib/workflows/editor-options";
import { listWorkflows } from "@/lib/workflows/list-workflows";
import { pauseWorkflow, resumeWorkflow } from "@/lib/workflows/control-workflow";
import { createWorkflow, deleteWorkflow, duplicateWorkflow, getWorkflow, renameWorkflow } from "@/lib/workflows/manage-workflows";
import { publishWorkflow } from "@/lib/workflows/publish-workflow";
import { saveDraft } from "@/lib/workflows/save-draft";
import { createWorkflowInput, listWorkflowsInput, renameWorkflowInput, saveDraftInput, workflowIdInput } from "@/lib/workflows/workflow-input";
import { createTRPCRouter, orgProcedure } from "@/lib/trpc/init";

// Members build, publish and control workflows, as they draft and send campaigns (campaigns.ts):
// a workflow sends what a campaign would.
export const workflowsRouter = createTRPCRouter({
  list: orgProcedure.input(listWorkflowsInput).query(({ ctx, input }) => listWorkflows(ctx.org, input)),
  get: orgProcedure.input(workflowIdInput).query(({ ctx, input }) => getWorkflow(ctx.org, input)),
  /** The org's keyword rules, lists, segments, numbers, workflows, fields and members: the editor's pickers and validation facts. */
  options: orgProcedure.input(z.void()).query(({ ctx }) => editorOptions(ctx.org)),
  create: orgProcedure.input(createWorkflowInput).mutation(({ ctx, input }) => createWorkflow(ctx.org, input)),
  rename: orgProcedure.input(renameWorkflowInput).mutation(({ ctx, input }) => renameWorkflow(ctx.org, input)),
  /** Autosave: refused (CONFLICT) when another save came in since `revision`. */
  saveDraft: orgProcedure.input(saveDraftInput).mutation(({ ctx, input }) => saveDraft(ctx.org, input)),
  duplicate: orgProcedure.input(workflowIdInput).mutation(({ ctx, input }) => duplicateWorkflow(ctx.org, input)),
  delete: orgProcedure.input(workflowIdInput).mutation(({ ctx, input }) => deleteWorkflow(ctx.org, input)),
  /** Refused with the draft's problems (BAD_REQUEST naming the first's node) when it is not valid. */
  publish: orgProcedure.input(workflowIdInput).mutation(({ ctx, input }) => publishWorkflow(ctx.org, input)),
  pause: orgProcedure.input(workflowIdInput).mutation(({ ctx, input }) => pauseWorkflow(ctx.org, input)),
  resume: orgProcedure.input(workflowIdInput).mutation(({ ctx, input }) => resumeWorkflow(ctx.org, input)),
});
