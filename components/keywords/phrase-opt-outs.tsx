"use client";
// Opt-outs by wording ("remove me", "wrong number"): the org reviews what was taken as an opt-out.
// Nothing here opts anyone back in: only the contact can (START), since consent needs their word.
import { useQuery } from "@tanstack/react-query";
import Link from "next/link";
import { formatDateTime } from "@/components/app/format";
import { ConsentBadge } from "@/components/contacts/consent-badge";
import { contactName } from "@/components/contacts/contact-name";
import { Section, SectionCard } from "@/components/settings/section";
import { LoadError, Loading } from "@/components/ui/query-state";
import { useTRPC } from "@/lib/trpc/react";

export function PhraseOptOuts() {
  const trpc = useTRPC();
  const optOuts = useQuery(trpc.keywords.phraseOptOuts.queryOptions());
  return (
    <Section
      title="Opt-outs by wording"
      description="Texts that said stop in other words (“remove me”, “wrong number”, “don't text me”) opt the contact out, as the FCC's rule asks. The latest 100, with the words found. A contact opts back in by texting START."
    >
      <SectionCard>
        {optOuts.isPending ? (
          <Loading />
        ) : optOuts.isError ? (
          <LoadError error={optOuts.error} />
        ) : optOuts.data.length === 0 ? (
          <p className="text-sm text-zinc-500">No one has opted out in other words yet.</p>
        ) : (
          <ul className="-my-3 divide-y divide-zinc-100 text-sm dark:divide-zinc-800" aria-label="Opt-outs by wording">
            {optOuts.data.map((o) => (
              <li key={o.id} className="flex flex-wrap items-start justify-between gap-x-4 gap-y-1 py-3">
                <div className="min-w-0 flex-1 basis-56">
                  <Link href={`/contacts/${o.contact.id}`} className="font-medium text-brand-600 hover:underline dark:text-brand-400">
                    {contactName(o.contact) ?? o.contact.phone}
                  </Link>
                  <p className="mt-0.5 break-words text-zinc-700 dark:text-zinc-300">“{o.text ?? o.phrase}”</p>
                  <p className="mt-0.5 text-xs text-zinc-500">
                    Found “{o.phrase}” · {formatDateTime(o.occurredAt)}
                  </p>
                </div>
                <ConsentBadge status={o.contact.consentStatus} />
              </li>
            ))}
          </ul>
        )}
      </SectionCard>
    </Section>
  );
}
