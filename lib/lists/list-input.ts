import { z } from "zod";

export const listNameSchema = z.string().trim().min(1, "Enter a name").max(100, "Use at most 100 characters");
export const createListInput = z.object({ name: listNameSchema }).strict();
export const renameListInput = z.object({ id: z.string().min(1), name: listNameSchema }).strict();
export const listIdInput = z.object({ id: z.string().min(1) }).strict();
export const listMembersInput = z
  .object({
    listId: z.string().min(1),
    contactIds: z.array(z.string().min(1)).min(1, "Select at least one contact").max(1000, "At most 1,000 at a time"),
  })
  .strict();
