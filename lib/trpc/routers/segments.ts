import { z } from "zod";
import { previewSegment } from "@/lib/segments/evaluate-segment";
import { createSegment, deleteSegment, getSegment, listSegments, updateSegment } from "@/lib/segments/manage-segments";
import { createSegmentInput, previewSegmentInput, segmentIdInput, updateSegmentInput } from "@/lib/segments/rule-model";
import { createTRPCRouter, orgProcedure } from "@/lib/trpc/init";

export const segmentsRouter = createTRPCRouter({
  list: orgProcedure.input(z.void()).query(({ ctx }) => listSegments(ctx.org)),
  get: orgProcedure.input(segmentIdInput).query(({ ctx, input }) => getSegment(ctx.org, input)),
  create: orgProcedure.input(createSegmentInput).mutation(({ ctx, input }) => createSegment(ctx.org, input)),
  update: orgProcedure.input(updateSegmentInput).mutation(({ ctx, input }) => updateSegment(ctx.org, input)),
  delete: orgProcedure.input(segmentIdInput).mutation(({ ctx, input }) => deleteSegment(ctx.org, input)),
  /** The builder's live count and first contacts, for a definition being edited (not saved). */
  preview: orgProcedure.input(previewSegmentInput).query(({ ctx, input }) => previewSegment(ctx.org, input.definition, input.limit)),
});
