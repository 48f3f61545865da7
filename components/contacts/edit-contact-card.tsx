"use client";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { toast } from "sonner";
import { ContactForm } from "@/components/contacts/contact-form";
import { contactToFormValues } from "@/components/contacts/contact-form-values";
import type { ContactDetail } from "@/components/contacts/contact-types";
import { Card } from "@/components/ui/card";
import { useTRPC } from "@/lib/trpc/react";

/** The edit form on a contact's page. */
export function EditContactCard({ contact }: { contact: ContactDetail }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const update = useMutation(
    trpc.contacts.update.mutationOptions({
      onSuccess: async () => {
        toast.success("Contact saved");
        await Promise.all([
          queryClient.invalidateQueries({ queryKey: trpc.contacts.pathKey() }),
          queryClient.invalidateQueries({ queryKey: trpc.audit.pathKey() }),
        ]);
      },
    }),
  );
  return (
    <Card className="p-6">
      <h2 className="mb-4 text-base font-semibold">Details</h2>
      {/* Remounts when the saved contact comes back, so the form shows the stored values
          (e.g. the phone in E.164) rather than what was typed. */}
      <ContactForm
        key={contact.updatedAt.getTime()}
        mode="edit"
        initial={contactToFormValues(contact)}
        pending={update.isPending}
        error={update.error}
        onSubmit={(input) => update.mutate({ id: contact.id, ...input })}
      />
    </Card>
  );
}
