// The lists resource's parameters in the API's snake_case, built from the domain's own field
// schemas (lib/lists/list-input.ts).
import { z } from "zod";
import { paginationParams } from "@/lib/api/pagination";
import { listMembersInput, listNameSchema } from "@/lib/lists/list-input";

export const createListParams = z.strictObject({ name: listNameSchema.describe("Unique in the organisation") });

/** PATCH: the name is the one thing a list has to change. */
export const updateListParams = z.strictObject({ name: listNameSchema.optional().describe("Unique in the organisation") });

export const pageListsParams = z.strictObject({ ...paginationParams });

export const listMembersChangeParams = z.strictObject({
  contact_ids: listMembersInput.shape.contactIds.describe("Contact ids (ct_...); ids that are not this organisation's contacts are skipped"),
});
