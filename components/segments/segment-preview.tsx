"use client";
// The live count and the first matching contacts while a segment is edited. Asked for a moment
// after the rules stop changing; the last answer stays (dimmed) while the next one comes, and an
// answer to rules since changed is never shown (each answer is keyed by the rules it is for).
import { keepPreviousData, useQuery } from "@tanstack/react-query";
import Link from "next/link";
import { formatCount } from "@/components/app/format";
import { contactName } from "@/components/contacts/contact-name";
import { ConsentBadge } from "@/components/contacts/consent-badge";
import { DEFAULT_VIEW, viewQuery } from "@/components/contacts/contacts-view-params";
import { useDebouncedValue } from "@/components/contacts/use-debounced-value";
import { Card } from "@/components/ui/card";
import { cn } from "@/components/ui/cn";
import type { SegmentDefinition } from "@/lib/segments/rule-model";
import { useTRPC } from "@/lib/trpc/react";

const PREVIEW_SIZE = 10;

/** The preview of `definition` (null while a rule is incomplete), and whether it is behind the rules. */
export function useSegmentPreview(definition: SegmentDefinition | null) {
  const trpc = useTRPC();
  const key = definition ? JSON.stringify(definition) : null;
  const settledKey = useDebouncedValue(key);
  const settled = settledKey ? (JSON.parse(settledKey) as SegmentDefinition) : null;
  const preview = useQuery({
    ...trpc.segments.preview.queryOptions({ definition: settled!, limit: PREVIEW_SIZE }, { placeholderData: keepPreviousData, retry: false }),
    enabled: settled !== null,
  });
  return { preview, waiting: key === null || settledKey !== key || preview.isFetching };
}

export function SegmentPreview({ definition, preview, waiting }: { definition: SegmentDefinition | null } & ReturnType<typeof useSegmentPreview>) {
  const data = preview.data;

  return (
    <Card className="p-4" aria-busy={waiting || undefined}>
      <h2 className="text-sm font-semibold">Matching now</h2>
      <p className={cn("mt-1 text-3xl font-semibold tabular-nums", waiting && "opacity-50")} aria-live="polite" data-testid="segment-live-count">
        {data && !preview.isError ? formatCount(data.count, "contact") : definition === null || preview.isError ? "—" : "Counting…"}
      </p>
      {(definition === null || preview.isError) && (
        <p className="mt-1 text-xs text-zinc-500">
          {definition === null ? "Finish the rules to see who matches." : "Fix the rule marked in red to see who matches."}
        </p>
      )}
      {data && data.contacts.length > 0 && (
        <>
          <h3 className="mt-4 text-xs font-semibold uppercase tracking-wide text-zinc-500">
            {data.count > data.contacts.length ? `The newest ${data.contacts.length}` : "All of them"}
          </h3>
          <ul className={cn("mt-2 divide-y divide-zinc-100 text-sm dark:divide-zinc-800", waiting && "opacity-50")}>
            {data.contacts.map((c) => (
              <li key={c.id} className="flex items-center justify-between gap-2 py-1.5">
                <Link href={`/contacts/${c.id}`} className="min-w-0 truncate hover:underline">
                  {contactName(c) ?? <span className="font-mono text-xs">{c.phone}</span>}
                  {contactName(c) && <span className="ml-2 font-mono text-xs text-zinc-500">{c.phone}</span>}
                </Link>
                <ConsentBadge status={c.consentStatus} />
              </li>
            ))}
          </ul>
          {data.count > data.contacts.length && definition && (
            <Link
              href={`/contacts${viewQuery({ ...DEFAULT_VIEW, where: definition })}`}
              className="mt-3 inline-block text-sm font-medium text-brand-600 hover:underline dark:text-brand-400"
            >
              See all {formatCount(data.count, "contact")} in Contacts
            </Link>
          )}
        </>
      )}
    </Card>
  );
}
