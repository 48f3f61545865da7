import { z } from "zod";
import { createCustomFieldInput } from "@/lib/custom-fields/custom-field-input";
import {
  createCustomField,
  deleteCustomField,
  deleteCustomFieldInput,
  listCustomFields,
} from "@/lib/custom-fields/manage-custom-fields";
import { adminProcedure, createTRPCRouter, orgProcedure } from "@/lib/trpc/init";

export const customFieldsRouter = createTRPCRouter({
  list: orgProcedure.input(z.void()).query(({ ctx }) => listCustomFields(ctx.org)),
  create: adminProcedure.input(createCustomFieldInput).mutation(({ ctx, input }) => createCustomField(ctx.org, input)),
  delete: adminProcedure.input(deleteCustomFieldInput).mutation(({ ctx, input }) => deleteCustomField(ctx.org, input)),
});
