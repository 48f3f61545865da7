// The segments resource's parameters in the API's snake_case, built from the rule model's own
// schemas (lib/segments/rule-model.ts) and mapped to the domain inputs here.
import { z } from "zod";
import { paginationParams } from "@/lib/api/pagination";
import { segmentDefinitionParams, toSegmentDefinition } from "@/lib/api/segments/segment-definition-params";
import { createSegmentInput, type CreateSegmentInput, type UpdateSegmentInput } from "@/lib/segments/rule-model";

const create = createSegmentInput.shape;

export const createSegmentParams = z.strictObject({
  name: create.name.describe("Unique in the organisation"),
  description: create.description,
  definition: segmentDefinitionParams,
});

/** PATCH: only the fields given change; a definition given replaces the whole definition. */
export const updateSegmentParams = z.strictObject({
  name: create.name.optional().describe("Unique in the organisation"),
  description: create.description,
  definition: segmentDefinitionParams.optional(),
});

export const pageSegmentsParams = z.strictObject({ ...paginationParams });

/** A segment's contacts: newest first, paged like every collection. */
export const segmentContactsParams = z.strictObject({ ...paginationParams });

export const toCreateSegmentInput = (p: z.output<typeof createSegmentParams>): CreateSegmentInput => ({
  name: p.name,
  description: p.description,
  definition: toSegmentDefinition(p.definition),
});

export const toUpdateSegmentInput = (id: string, p: z.output<typeof updateSegmentParams>): UpdateSegmentInput => ({
  id,
  name: p.name,
  description: p.description,
  definition: p.definition && toSegmentDefinition(p.definition),
});
