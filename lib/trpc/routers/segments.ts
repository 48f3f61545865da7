import { z } from "zod";
import { previewSegment } from "@/lib/segments/evaluate-segment";
import { explainContact } from "@/lib/segments/explain-segment";
import { createSegment, deleteSegment, getSegment, listSegments, updateSegment } from "@/lib/segments/manage-segments";
import {
  createSegmentInput,
  explainSegmentInput,
  previewSegmentInput,
  segmentIdInput,
  segmentsOfContactInput,
  updateSegmentInput,
} from "@/lib/segments/rule-model";
import { segmentsOfContact } from "@/lib/segments/segments-of-contact";
import { createTRPCRouter, orgProcedure } from "@/lib/trpc/init";

export const segmentsRouter = createTRPCRouter({
  list: orgProcedure.input(z.void()).query(({ ctx }) => listSegments(ctx.org)),
  get: orgProcedure.input(segmentIdInput).query(({ ctx, input }) => getSegment(ctx.org, input)),
  create: orgProcedure.input(createSegmentInput).mutation(({ ctx, input }) => createSegment(ctx.org, input)),
  update: orgProcedure.input(updateSegmentInput).mutation(({ ctx, input }) => updateSegment(ctx.org, input)),
  delete: orgProcedure.input(segmentIdInput).mutation(({ ctx, input }) => deleteSegment(ctx.org, input)),
  /** The builder's live count and first contacts, for a definition being edited (not saved). */
  preview: orgProcedure.input(previewSegmentInput).query(({ ctx, input }) => previewSegment(ctx.org, input.definition, input.limit)),
  /** Which rules of a saved segment (or a definition) a contact meets or misses. */
  explain: orgProcedure.input(explainSegmentInput).query(({ ctx, input }) => explainContact(ctx.org, input)),
  /** The saved segments a contact is in. */
  forContact: orgProcedure.input(segmentsOfContactInput).query(({ ctx, input }) => segmentsOfContact(ctx.org, input)),
});
