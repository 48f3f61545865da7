"use client";
// The side panel: the contact as their page shows them, editable in place (the contact page's own
// cards: fields, consent and its control, lists, segments) and a link to the whole page.
import { useQuery } from "@tanstack/react-query";
import Link from "next/link";
import { ContactListsCard } from "@/components/contacts/contact-lists-card";
import { ContactSummary } from "@/components/contacts/contact-summary";
import { EditContactCard } from "@/components/contacts/edit-contact-card";
import { ContactSegmentsCard } from "@/components/segments/contact-segments-card";
import { LoadError } from "@/components/ui/query-state";
import { useTRPC } from "@/lib/trpc/react";

export function ContactPanel({ contactId }: { contactId: string }) {
  const trpc = useTRPC();
  const contact = useQuery(trpc.contacts.get.queryOptions({ id: contactId }));
  if (contact.isError) return <LoadError error={contact.error} />;
  if (contact.isPending) return <p className="text-sm text-zinc-500">Loading…</p>;
  return (
    <div className="space-y-4">
      <Link href={`/contacts/${contactId}`} className="text-sm font-medium text-brand-700 underline dark:text-brand-100">
        Open the contact&apos;s page
      </Link>
      <ContactSummary contact={contact.data} />
      <EditContactCard contact={contact.data} />
      <ContactListsCard contact={contact.data} />
      <ContactSegmentsCard contactId={contactId} />
    </div>
  );
}
