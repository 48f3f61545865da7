import { createListInput, listIdInput, listMembersInput, renameListInput } from "@/lib/lists/list-input";
import { addToList, removeFromList } from "@/lib/lists/list-membership";
import { createList, deleteList, getList, listLists, renameList } from "@/lib/lists/manage-lists";
import { createTRPCRouter, orgProcedure } from "@/lib/trpc/init";
import { z } from "zod";

export const listsRouter = createTRPCRouter({
  list: orgProcedure.input(z.void()).query(({ ctx }) => listLists(ctx.org)),
  get: orgProcedure.input(listIdInput).query(({ ctx, input }) => getList(ctx.org, input)),
  create: orgProcedure.input(createListInput).mutation(({ ctx, input }) => createList(ctx.org, input)),
  rename: orgProcedure.input(renameListInput).mutation(({ ctx, input }) => renameList(ctx.org, input)),
  delete: orgProcedure.input(listIdInput).mutation(({ ctx, input }) => deleteList(ctx.org, input)),
  addContacts: orgProcedure.input(listMembersInput).mutation(({ ctx, input }) => addToList(ctx.org, input)),
  removeContacts: orgProcedure.input(listMembersInput).mutation(({ ctx, input }) => removeFromList(ctx.org, input)),
});
