import { z } from "zod";
import { changeConsent, changeConsentInput } from "@/lib/contacts/change-consent";
import {
  bulkContactsInput,
  contactIdsInput,
  countContactsInput,
  createContactInput,
  listContactsInput,
  tagContactsInput,
  updateContactInput,
} from "@/lib/contacts/contact-input";
import { bulkContacts } from "@/lib/contacts/bulk-contacts";
import { createContact } from "@/lib/contacts/create-contact";
import { deleteContacts } from "@/lib/contacts/delete-contacts";
import { getContact } from "@/lib/contacts/get-contact";
import { countContacts, listContacts } from "@/lib/contacts/list-contacts";
import { tagContacts } from "@/lib/contacts/tag-contacts";
import { updateContact } from "@/lib/contacts/update-contact";
import { createTRPCRouter, orgProcedure } from "@/lib/trpc/init";

export const contactsRouter = createTRPCRouter({
  list: orgProcedure.input(listContactsInput).query(({ ctx, input }) => listContacts(ctx.org, input)),
  count: orgProcedure.input(countContactsInput).query(({ ctx, input }) => countContacts(ctx.org, input)),
  get: orgProcedure.input(z.object({ id: z.string().min(1) })).query(({ ctx, input }) => getContact(ctx.org, input.id)),
  create: orgProcedure.input(createContactInput).mutation(({ ctx, input }) => createContact(ctx.org, input)),
  update: orgProcedure.input(updateContactInput).mutation(({ ctx, input }) => updateContact(ctx.org, input)),
  delete: orgProcedure.input(contactIdsInput).mutation(({ ctx, input }) => deleteContacts(ctx.org, input)),
  tag: orgProcedure.input(tagContactsInput).mutation(({ ctx, input }) => tagContacts(ctx.org, input)),
  changeConsent: orgProcedure.input(changeConsentInput).mutation(({ ctx, input }) => changeConsent(ctx.org, input, "ui")),
  /** Tag, add to a list or delete every contact a view matches. */
  bulk: orgProcedure.input(bulkContactsInput).mutation(({ ctx, input }) => bulkContacts(ctx.org, input)),
});
