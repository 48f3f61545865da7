"use client";
// A contact's page: who they are, the edit form, their messages, their consent and lists, and (for
// admins) their history.
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { Inbox, Trash2 } from "lucide-react";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { toast } from "sonner";
import { BackLink, DetailPageState } from "@/components/app/detail-page-state";
import { PageHeader } from "@/components/app/page-header";
import { ContactHistory } from "@/components/contacts/contact-history";
import { ContactListsCard } from "@/components/contacts/contact-lists-card";
import { ContactMessagesCard } from "@/components/contacts/contact-messages-card";
import { contactName } from "@/components/contacts/contact-name";
import { ContactWorkflowsCard } from "@/components/contacts/contact-workflows-card";
import { ContactSummary } from "@/components/contacts/contact-summary";
import { EditContactCard } from "@/components/contacts/edit-contact-card";
import { ConsentBadge } from "@/components/contacts/consent-badge";
import { ContactSegmentsCard } from "@/components/segments/contact-segments-card";
import { Button } from "@/components/ui/button";
import { ConfirmDialog } from "@/components/ui/confirm-dialog";
import { hasRole } from "@/lib/members/roles";
import { errorMessage } from "@/lib/trpc/form-errors";
import { useTRPC } from "@/lib/trpc/react";

export function ContactDetailScreen({ id }: { id: string }) {
  const trpc = useTRPC();
  const router = useRouter();
  const queryClient = useQueryClient();
  const contact = useQuery(trpc.contacts.get.queryOptions({ id }, { retry: false }));
  const org = useQuery(trpc.org.current.queryOptions());
  const isAdmin = hasRole(org.data?.role, "ADMIN");
  const [confirming, setConfirming] = useState(false);
  const del = useMutation(
    trpc.contacts.delete.mutationOptions({
      onSuccess: async () => {
        toast.success("Contact deleted");
        setConfirming(false);
        router.push("/contacts");
        // Only the table and counts: refetching this contact now would only find it gone.
        await Promise.all([
          queryClient.invalidateQueries({ queryKey: trpc.contacts.list.pathKey() }),
          queryClient.invalidateQueries({ queryKey: trpc.contacts.count.pathKey() }),
          queryClient.invalidateQueries({ queryKey: trpc.lists.pathKey() }),
        ]);
      },
      onError: (error) => toast.error(errorMessage(error)),
    }),
  );
  // Their conversation in the inbox, started if they have none.
  const converse = useMutation(
    trpc.inbox.start.mutationOptions({
      onSuccess: ({ id: conversationId }) => router.push(`/inbox?c=${conversationId}`),
      onError: (error) => toast.error(errorMessage(error)),
    }),
  );

  if (contact.isPending || contact.isError) return <DetailPageState query={contact} noun="contact" back={{ href: "/contacts", label: "Contacts" }} />;

  const c = contact.data;
  const name = contactName(c);
  return (
    <div>
      <BackLink href="/contacts" label="Contacts" />
      <PageHeader
        title={name ?? c.phone}
        description={
          <span className="flex items-center gap-2">
            {name && <span className="font-mono">{c.phone}</span>}
            <ConsentBadge status={c.consentStatus} />
          </span>
        }
        actions={
          <>
            <Button variant="secondary" onClick={() => converse.mutate({ contactId: c.id })} disabled={converse.isPending}>
              <Inbox className="h-4 w-4" aria-hidden /> Conversation
            </Button>
            <Button variant="secondary" className="text-red-700 dark:text-red-400" onClick={() => setConfirming(true)}>
              <Trash2 className="h-4 w-4" aria-hidden /> Delete
            </Button>
          </>
        }
      />
      <div className="grid grid-cols-1 gap-6 lg:grid-cols-[minmax(0,1fr)_20rem]">
        <div className="space-y-6">
          <EditContactCard contact={c} />
          <ContactMessagesCard key={c.id} contact={c} />
          {isAdmin && <ContactHistory contactId={c.id} />}
        </div>
        <div className="space-y-6">
          <ContactSummary contact={c} />
          <ContactListsCard contact={c} />
          <ContactSegmentsCard contactId={c.id} />
          <ContactWorkflowsCard contactId={c.id} />
        </div>
      </div>
      <ConfirmDialog
        open={confirming}
        onClose={() => setConfirming(false)}
        onConfirm={() => del.mutate({ ids: [c.id] })}
        pending={del.isPending}
        title="Delete this contact?"
      >
        {name ?? c.phone} will be removed from every list and their custom values deleted. It cannot be undone.
      </ConfirmDialog>
    </div>
  );
}
