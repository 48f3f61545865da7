"use client";
// The contacts a keyword rule brought in (their first text was its keyword), newest first.
import { useQuery } from "@tanstack/react-query";
import Link from "next/link";
import { formatDateTime } from "@/components/app/format";
import { ConsentBadge } from "@/components/contacts/consent-badge";
import { contactName } from "@/components/contacts/contact-name";
import { Dialog } from "@/components/ui/dialog";
import { LoadError, Loading } from "@/components/ui/query-state";
import type { ConsentStatus } from "@/lib/generated/prisma/enums";
import { useTRPC } from "@/lib/trpc/react";

export function RuleContactsDialog({ ruleId, onClose }: { ruleId: string | null; onClose: () => void }) {
  const trpc = useTRPC();
  const contacts = useQuery({ ...trpc.keywords.ruleContacts.queryOptions({ ruleId: ruleId ?? "" }), enabled: ruleId !== null });
  return (
    <Dialog open={ruleId !== null} onClose={onClose} title={contacts.data ? `Brought in by “${contacts.data.rule.name}”` : "Contacts brought in"}>
      {contacts.isPending ? (
        <Loading />
      ) : contacts.isError ? (
        <LoadError error={contacts.error} />
      ) : (
        <ul className="max-h-96 divide-y divide-zinc-100 overflow-y-auto text-sm dark:divide-zinc-800">
          {contacts.data.contacts.map((c) => (
            <li key={c.id} className="flex flex-wrap items-center justify-between gap-2 py-2">
              <span className="min-w-0">
                <Link href={`/contacts/${c.id}`} className="font-medium text-brand-600 hover:underline dark:text-brand-400">
                  {contactName(c) ?? c.phone}
                </Link>
                <span className="block text-xs text-zinc-500">
                  {c.keyword} · {formatDateTime(c.occurredAt)}
                </span>
              </span>
              <ConsentBadge status={c.consentStatus as ConsentStatus} />
            </li>
          ))}
        </ul>
      )}
    </Dialog>
  );
}
