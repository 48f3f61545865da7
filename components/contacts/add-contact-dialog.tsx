"use client";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { toast } from "sonner";
import { ContactForm } from "@/components/contacts/contact-form";
import { Dialog } from "@/components/ui/dialog";
import { useTRPC } from "@/lib/trpc/react";

/** "Add contact": the contact form in a dialog; the table refreshes when the contact is saved. */
export function AddContactDialog({ open, onClose }: { open: boolean; onClose: () => void }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const create = useMutation(
    trpc.contacts.create.mutationOptions({
      onSuccess: async () => {
        toast.success("Contact added");
        onClose();
        await queryClient.invalidateQueries({ queryKey: trpc.contacts.pathKey() });
      },
    }),
  );

  function close() {
    create.reset();
    onClose();
  }

  return (
    <Dialog open={open} onClose={close} title="New contact">
      <ContactForm mode="create" pending={create.isPending} error={create.error} onSubmit={(input) => create.mutate(input)} onCancel={close} />
    </Dialog>
  );
}
