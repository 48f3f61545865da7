"use client";
// Campaigns: newest first, each with its status, recipients and, once it sends, how far it got and its
// delivery rate.
import { useInfiniteQuery } from "@tanstack/react-query";
import { Plus } from "lucide-react";
import Link from "next/link";
import { formatDateTime, formatNumber } from "@/components/app/format";
import { PageHeader } from "@/components/app/page-header";
import { CampaignStatusBadge, isLive } from "@/components/campaigns/campaign-status-badge";
import type { CampaignListItem } from "@/components/campaigns/campaign-types";
import { percent } from "@/components/campaigns/rates";
import { Button, buttonClass } from "@/components/ui/button";
import { EmptyState } from "@/components/ui/empty-state";
import { LoadError, Loading } from "@/components/ui/query-state";
import { Table, Td, Th } from "@/components/ui/table";
import { variantLetter } from "@/lib/campaigns/campaign-input";
import { useTRPC } from "@/lib/trpc/react";

function Progress({ campaign }: { campaign: CampaignListItem }) {
  const m = campaign.messages;
  if (!m) return <span className="text-zinc-400">—</span>;
  const sent = (m.SENT ?? 0) + (m.DELIVERED ?? 0) + (m.UNDELIVERED ?? 0);
  return (
    <span className="tabular-nums">
      {formatNumber(sent)} sent
      {sent > 0 && <span className="text-zinc-500"> · {percent(m.DELIVERED ?? 0, sent)} delivered</span>}
    </span>
  );
}

function when(c: CampaignListItem): string {
  if (c.completedAt) return `Finished ${formatDateTime(c.completedAt)}`;
  if (c.startedAt) return `Started ${formatDateTime(c.startedAt)}`;
  if (c.status === "SCHEDULED" && c.startAt) return `Starts ${formatDateTime(c.startAt)}`;
  return `Created ${formatDateTime(c.createdAt)}`;
}

export function CampaignsScreen() {
  const trpc = useTRPC();
  const pages = useInfiniteQuery(
    trpc.campaigns.list.infiniteQueryOptions(
      {},
      {
        getNextPageParam: (page) => page.nextCursor ?? undefined,
        // While one sends, its counts move: the list follows.
        refetchInterval: (query) => (query.state.data?.pages.some((p) => p.items.some((c) => isLive(c.status))) ? 5_000 : false),
      },
    ),
  );
  const items = pages.data?.pages.flatMap((p) => p.items) ?? [];
  const newButton = (
    <Link href="/campaigns/new" className={buttonClass()}>
      <Plus className="h-4 w-4" aria-hidden /> New campaign
    </Link>
  );
  return (
    <>
      <PageHeader title="Campaigns" description="One text to many contacts: lists and segments, on a schedule, within quiet hours." actions={newButton} />
      {pages.isPending ? (
        <Loading label="Loading campaigns…" />
      ) : pages.isError ? (
        <LoadError error={pages.error} />
      ) : items.length === 0 ? (
        <EmptyState
          title="No campaigns yet"
          description="Write a message with merge fields, pick lists and segments, and see who gets it, what it costs and when it finishes before anything is sent."
          action={newButton}
        />
      ) : (
        <>
          <Table aria-label="Campaigns">
            <thead>
              <tr>
                <Th>Campaign</Th>
                <Th className="text-right">Recipients</Th>
                <Th>Progress</Th>
                <Th className="hidden md:table-cell">When</Th>
              </tr>
            </thead>
            <tbody>
              {items.map((c) => (
                <tr key={c.id} className="hover:bg-zinc-50 dark:hover:bg-zinc-800/50">
                  <Td>
                    <div className="flex flex-wrap items-center gap-2">
                      <Link href={`/campaigns/${c.id}`} className="font-medium hover:underline">
                        {c.name}
                      </Link>
                      <CampaignStatusBadge status={c.status} />
                    </div>
                    <p className="mt-0.5 line-clamp-1 max-w-md text-xs text-zinc-500">
                      {c.variants.length > 0 && (
                        <span className="mr-1 font-medium text-zinc-600 dark:text-zinc-300">
                          A/B, {c.variants.length} variants{c.winnerVariant !== null && `, ${variantLetter(c.winnerVariant)} won`}:
                        </span>
                      )}
                      {c.body}
                    </p>
                  </Td>
                  <Td className="text-right tabular-nums">{c.resolvedAt ? formatNumber(c.recipients) : <span className="text-zinc-400">—</span>}</Td>
                  <Td className="whitespace-nowrap">
                    <Progress campaign={c} />
                  </Td>
                  <Td className="hidden whitespace-nowrap text-zinc-600 md:table-cell dark:text-zinc-400">{when(c)}</Td>
                </tr>
              ))}
            </tbody>
          </Table>
          {pages.hasNextPage && (
            <div className="mt-3 flex justify-end">
              <Button variant="secondary" size="sm" loading={pages.isFetchingNextPage} onClick={() => pages.fetchNextPage()}>
                Older campaigns
              </Button>
            </div>
          )}
        </>
      )}
    </>
  );
}
