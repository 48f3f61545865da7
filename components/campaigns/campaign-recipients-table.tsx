"use client";
// The recipients of a campaign by outcome: who got what, with the carrier's reason for a failure,
// each linking to the contact and to the message. Pages along a cursor. An A/B campaign's table also
// filters by variant.
import { useInfiniteQuery } from "@tanstack/react-query";
import Link from "next/link";
import { formatDateTime } from "@/components/app/format";
import { SKIP_LABELS } from "@/components/campaigns/campaign-plan";
import { contactName } from "@/components/contacts/contact-name";
import { MessageStatusBadge } from "@/components/messaging/message-status-badge";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { Select } from "@/components/ui/input";
import { LoadError } from "@/components/ui/query-state";
import { SkeletonRows, Table, Td, Th } from "@/components/ui/table";
import { variantLetter } from "@/lib/campaigns/campaign-input";
import { RECIPIENT_OUTCOMES, type RecipientOutcome, type RecipientVariant } from "@/lib/campaigns/results-input";
import { useTRPC } from "@/lib/trpc/react";

const OUTCOME_LABELS: Record<RecipientOutcome, string> = {
  all: "All messaged",
  held: "Held",
  queued: "Queued",
  sent: "Sent",
  delivered: "Delivered",
  undelivered: "Undelivered",
  failed: "Failed",
  canceled: "Canceled",
  clicked: "Clicked a link",
  OPTED_OUT: `Skipped: ${SKIP_LABELS.OPTED_OUT!.toLowerCase()}`,
  INVALID_NUMBER: `Skipped: ${SKIP_LABELS.INVALID_NUMBER!.toLowerCase()}`,
  FREQUENCY_CAPPED: `Skipped: ${SKIP_LABELS.FREQUENCY_CAPPED!.toLowerCase()}`,
};

/** An A/B campaign's variant filter: how many variants, whether a rest got the winner's, and the one chosen. */
export interface VariantFilter {
  count: number;
  rest: boolean;
  value: RecipientVariant | undefined;
  onChange: (v: RecipientVariant | undefined) => void;
}

export function CampaignRecipientsTable({
  campaignId,
  outcome,
  onOutcome,
  live,
  variants,
}: {
  campaignId: string;
  outcome: RecipientOutcome;
  onOutcome: (o: RecipientOutcome) => void;
  live: boolean;
  variants?: VariantFilter;
}) {
  const trpc = useTRPC();
  const pages = useInfiniteQuery(
    trpc.campaigns.recipients.infiniteQueryOptions(
      { id: campaignId, outcome, variant: variants?.value },
      { getNextPageParam: (page) => page.nextCursor ?? undefined, refetchInterval: live ? 10_000 : false },
    ),
  );
  const items = pages.data?.pages.flatMap((p) => p.items) ?? [];
  return (
    <div className="space-y-3">
      <div className="flex flex-wrap items-center justify-between gap-2">
        <h2 className="text-base font-semibold">Recipients</h2>
        <div className="flex flex-wrap gap-2">
          {variants && (
            <Select
              aria-label="Variant"
              className="w-40"
              value={variants.value ?? ""}
              onChange={(e) => variants.onChange(e.target.value === "" ? undefined : e.target.value === "rest" ? "rest" : Number(e.target.value))}
            >
              <option value="">All variants</option>
              {Array.from({ length: variants.count }, (_, i) => (
                <option key={i} value={i}>
                  Variant {variantLetter(i)}
                </option>
              ))}
              {variants.rest && <option value="rest">The rest (winner)</option>}
            </Select>
          )}
          <Select aria-label="Show recipients" className="w-56" value={outcome} onChange={(e) => onOutcome(e.target.value as RecipientOutcome)}>
            {RECIPIENT_OUTCOMES.map((o) => (
              <option key={o} value={o}>
                {OUTCOME_LABELS[o]}
              </option>
            ))}
          </Select>
        </div>
      </div>
      {pages.isError ? (
        <LoadError error={pages.error} />
      ) : (
        <Table aria-label="Recipients">
          <thead>
            <tr>
              <Th>Contact</Th>
              <Th>Outcome</Th>
              <Th className="hidden sm:table-cell">Reason</Th>
              <Th className="hidden md:table-cell">When</Th>
            </tr>
          </thead>
          <tbody>
            {pages.isPending ? (
              <SkeletonRows columns={4} />
            ) : items.length === 0 ? (
              <tr>
                <Td colSpan={4} className="py-6 text-center text-zinc-500">
                  No recipients here.
                </Td>
              </tr>
            ) : (
              items.map((r) => (
                <tr key={r.contactId}>
                  <Td>
                    <Link href={`/contacts/${r.contactId}`} className="font-medium hover:underline">
                      {contactName(r) ?? r.phone}
                    </Link>
                    {contactName(r) && <span className="block font-mono text-xs text-zinc-500">{r.phone}</span>}
                  </Td>
                  <Td card="badge">
                    {r.status && r.messageId ? (
                      <Link href={`/messages/${r.messageId}`} aria-label={`Message to ${r.phone}`}>
                        {/* A campaign's message is SCHEDULED only while held (its recipient's quiet hours, a pause), as the funnel says. */}
                        {r.status === "SCHEDULED" ? <Badge tone="blue">Held</Badge> : <MessageStatusBadge status={r.status} />}
                      </Link>
                    ) : (
                      <Badge>{r.skipReason ? `Skipped: ${SKIP_LABELS[r.skipReason]?.toLowerCase()}` : "—"}</Badge>
                    )}
                  </Td>
                  <Td className="hidden max-w-xs text-xs text-zinc-600 sm:table-cell dark:text-zinc-400">
                    {r.errorCode ? (
                      <>
                        <span className="font-mono">{r.errorCode}</span> {r.errorMessage}
                      </>
                    ) : null}
                  </Td>
                  <Td className="hidden whitespace-nowrap text-zinc-600 md:table-cell dark:text-zinc-400">{r.at ? formatDateTime(r.at) : ""}</Td>
                </tr>
              ))
            )}
          </tbody>
        </Table>
      )}
      {pages.hasNextPage && (
        <div className="flex justify-end">
          <Button variant="secondary" size="sm" loading={pages.isFetchingNextPage} onClick={() => pages.fetchNextPage()}>
            More recipients
          </Button>
        </div>
      )}
    </div>
  );
}
