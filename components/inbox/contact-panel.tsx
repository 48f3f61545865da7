"use client";
// The side panel: the contact as their page shows them, editable in place (the contact page's own
// cards: fields, consent and its control, lists, segments), their consent history, the campaigns
// that texted them (from the thread's messages), and a link to the whole page.
import { useQuery } from "@tanstack/react-query";
import Link from "next/link";
import { ContactListsCard } from "@/components/contacts/contact-lists-card";
import { ContactSummary } from "@/components/contacts/contact-summary";
import { EditContactCard } from "@/components/contacts/edit-contact-card";
import { consentChangeText } from "@/components/inbox/consent-change";
import type { Thread, ThreadEntry } from "@/components/inbox/inbox-types";
import { ContactSegmentsCard } from "@/components/segments/contact-segments-card";
import { formatDateTime } from "@/components/app/format";
import { Card } from "@/components/ui/card";
import { LoadError } from "@/components/ui/query-state";
import { useTRPC } from "@/lib/trpc/react";

/** The campaigns of the thread's texts, newest first, each once. */
function recentCampaigns(items: readonly ThreadEntry[]) {
  const seen = new Map<string, { id: string; name: string; at: Date }>();
  for (const entry of [...items].reverse()) {
    if (entry.type === "message" && entry.author.kind === "campaign" && !seen.has(entry.author.campaignId)) {
      seen.set(entry.author.campaignId, { id: entry.author.campaignId, name: entry.author.name, at: entry.at });
    }
  }
  return [...seen.values()].slice(0, 5);
}

export function ContactPanel({ contactId, items, consent }: { contactId: string; items: readonly ThreadEntry[]; consent: Thread["consentHistory"] }) {
  const trpc = useTRPC();
  const contact = useQuery(trpc.contacts.get.queryOptions({ id: contactId }));
  const campaigns = recentCampaigns(items);
  if (contact.isError) return <LoadError error={contact.error} />;
  if (contact.isPending) return <p className="text-sm text-zinc-500">Loading…</p>;
  return (
    <div className="space-y-4">
      <Link href={`/contacts/${contactId}`} className="text-sm font-medium text-brand-700 underline dark:text-brand-100">
        Open the contact&apos;s page
      </Link>
      <ContactSummary contact={contact.data} />
      <Card className="p-5">
        <h2 className="mb-2 font-semibold">Consent history</h2>
        {consent.length === 0 ? (
          <p className="text-sm text-zinc-500">No consent changes recorded.</p>
        ) : (
          <ol className="space-y-1 text-sm" data-testid="panel-consent">
            {consent.map((c) => (
              <li key={c.id} className="flex justify-between gap-2">
                <span>{consentChangeText(c)}</span>
                <span className="shrink-0 text-zinc-500">{formatDateTime(c.at)}</span>
              </li>
            ))}
          </ol>
        )}
      </Card>
      {campaigns.length > 0 && (
        <Card className="p-5">
          <h2 className="mb-2 font-semibold">Recent campaigns</h2>
          <ul className="space-y-1 text-sm">
            {campaigns.map((c) => (
              <li key={c.id} className="flex justify-between gap-2">
                <Link href={`/campaigns/${c.id}`} className="truncate text-brand-700 underline dark:text-brand-100">
                  {c.name}
                </Link>
                <span className="shrink-0 text-zinc-500">{new Date(c.at).toLocaleDateString()}</span>
              </li>
            ))}
          </ul>
        </Card>
      )}
      <EditContactCard contact={contact.data} />
      <ContactListsCard contact={contact.data} />
      <ContactSegmentsCard contactId={contactId} />
    </div>
  );
}
