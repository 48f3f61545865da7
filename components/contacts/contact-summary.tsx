"use client";
// The facts about a contact that the form does not edit: consent (opted in or out, when and how
// it last changed, and the control that changes it), record dates, and the custom values as they are stored.
import { useQuery } from "@tanstack/react-query";
import type { ReactNode } from "react";
import { formatDateTime } from "@/components/app/format";
import type { ContactDetail } from "@/components/contacts/contact-types";
import { ConsentBadge } from "@/components/contacts/consent-badge";
import { ConsentControl } from "@/components/contacts/consent-control";
import { Card } from "@/components/ui/card";
import { useTRPC } from "@/lib/trpc/react";

function Row({ term, children }: { term: string; children: ReactNode }) {
  return (
    <div className="flex justify-between gap-4 py-1.5">
      <dt className="text-zinc-500">{term}</dt>
      <dd className="text-right">{children}</dd>
    </div>
  );
}

function showValue(value: unknown): string {
  if (typeof value === "boolean") return value ? "Yes" : "No";
  return String(value);
}

export function ContactSummary({ contact }: { contact: ContactDetail }) {
  const trpc = useTRPC();
  const definitions = useQuery(trpc.customFields.list.queryOptions()).data ?? [];
  const custom = (contact.customFields ?? {}) as Record<string, unknown>;
  const optedIn = contact.consentStatus === "OPTED_IN";
  const changedAt = optedIn ? contact.optedInAt : contact.optedOutAt;

  return (
    <Card className="p-5">
      <div className="mb-2 flex items-center justify-between gap-3">
        <h2 className="text-base font-semibold">Consent</h2>
        <ConsentControl contact={contact} />
      </div>
      <dl className="divide-y divide-zinc-100 text-sm dark:divide-zinc-800">
        <Row term="Status">
          <ConsentBadge status={contact.consentStatus} />
        </Row>
        {changedAt && <Row term={optedIn ? "Opted in" : "Opted out"}>{formatDateTime(changedAt)}</Row>}
        {!optedIn && <Row term="Source">{contact.optOutSource ?? "Unknown"}</Row>}
        <Row term="Created">{formatDateTime(contact.createdAt)}</Row>
        <Row term="Updated">{formatDateTime(contact.updatedAt)}</Row>
      </dl>
      {definitions.length > 0 && (
        <>
          <h2 className="mb-2 mt-5 text-base font-semibold">Custom fields</h2>
          <dl className="divide-y divide-zinc-100 text-sm dark:divide-zinc-800">
            {definitions.map((d) => (
              <Row key={d.key} term={d.label}>
                {custom[d.key] == null ? <span className="text-zinc-400">—</span> : showValue(custom[d.key])}
              </Row>
            ))}
          </dl>
        </>
      )}
    </Card>
  );
}
