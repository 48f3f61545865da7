"use client";
// The inbox's left column: the views with their counts, search ("/" focuses it), filters by label,
// number and campaign, and the conversations, newest activity first (unread in bold, who has it,
// how long the contact has waited).
import { useInfiniteQuery, useQuery } from "@tanstack/react-query";
import { Search } from "lucide-react";
import { useEffect, useMemo, useState } from "react";
import { contactName } from "@/components/contacts/contact-name";
import { useDebouncedValue } from "@/components/contacts/use-debounced-value";
import { ConversationRowItem } from "@/components/inbox/conversation-row";
import type { InboxParams } from "@/components/inbox/inbox-params";
import type { ConversationListRow } from "@/components/inbox/inbox-types";
import { Button } from "@/components/ui/button";
import { cn } from "@/components/ui/cn";
import { Input, Select } from "@/components/ui/input";
import { LoadError } from "@/components/ui/query-state";
import type { InboxView } from "@/lib/inbox/inbox-input";
import { useTRPC } from "@/lib/trpc/react";

const VIEWS: { view: InboxView; label: string; count?: "mine" | "unassigned" | "all" | "unread" | "snoozed" }[] = [
  { view: "mine", label: "Mine", count: "mine" },
  { view: "unassigned", label: "Unassigned", count: "unassigned" },
  { view: "all", label: "All open", count: "all" },
  { view: "unread", label: "Unread", count: "unread" },
  { view: "snoozed", label: "Snoozed", count: "snoozed" },
  { view: "closed", label: "Closed" },
];

export const SEARCH_INPUT_ID = "inbox-search";

export function ConversationList({
  params,
  setParams,
  onRows,
  className,
}: {
  params: InboxParams;
  setParams: (change: Partial<InboxParams>) => void;
  /** The rows shown, for j/k. */
  onRows: (rows: ConversationListRow[]) => void;
  className?: string;
}) {
  const trpc = useTRPC();
  const [search, setSearch] = useState(params.search);
  const debounced = useDebouncedValue(search, 250);
  useEffect(() => {
    if (debounced !== params.search) setParams({ search: debounced });
  }, [debounced, params.search, setParams]);

  const counts = useQuery(trpc.inbox.counts.queryOptions()).data;
  const labels = useQuery(trpc.inbox.labels.queryOptions()).data ?? [];
  const senders = useQuery(trpc.messages.senders.queryOptions()).data ?? [];
  const campaigns = useQuery(trpc.campaigns.list.queryOptions({ limit: 100 })).data?.items ?? [];
  const input = {
    view: params.view,
    label: params.label ?? undefined,
    senderId: params.senderId ?? undefined,
    campaignId: params.campaignId ?? undefined,
    search: params.search || undefined,
  };
  const list = useInfiniteQuery(
    trpc.inbox.list.infiniteQueryOptions(input, { getNextPageParam: (page) => page.nextCursor ?? undefined }),
  );
  const rows = useMemo(() => list.data?.pages.flatMap((p) => p.conversations) ?? [], [list.data]);
  useEffect(() => onRows(rows), [rows, onRows]);
  const filtered = Boolean(params.label || params.senderId || params.campaignId);

  return (
    <section aria-label="Conversations" className={cn("flex min-h-0 flex-col border-zinc-200 md:border-r dark:border-zinc-800", className)}>
      <div className="space-y-2 border-b border-zinc-200 p-3 dark:border-zinc-800">
        <nav aria-label="Inbox views" className="-mx-1 flex flex-wrap gap-1">
          {VIEWS.map(({ view, label, count }) => (
            <button
              key={view}
              type="button"
              aria-current={params.view === view ? "page" : undefined}
              onClick={() => setParams({ view, conversationId: null })}
              className={cn(
                "shrink-0 rounded-md px-2 py-1 text-sm font-medium",
                params.view === view ? "bg-brand-50 text-brand-700 dark:bg-brand-700/20 dark:text-brand-100" : "text-zinc-600 hover:bg-zinc-100 dark:text-zinc-400 dark:hover:bg-zinc-800",
              )}
            >
              {label}
              {count && counts && counts[count] > 0 && <span className="ml-1 text-xs tabular-nums text-zinc-500">{counts[count]}</span>}
            </button>
          ))}
        </nav>
        <div className="relative">
          <Search className="pointer-events-none absolute left-2.5 top-2.5 h-4 w-4 text-zinc-400" aria-hidden />
          <Input id={SEARCH_INPUT_ID} type="search" value={search} onChange={(e) => setSearch(e.target.value)} placeholder="Search name, number, text" aria-label="Search conversations" className="pl-8" />
        </div>
        <details open={filtered} className="text-sm">
          <summary className="cursor-pointer text-zinc-600 dark:text-zinc-400">Filters{filtered ? " (on)" : ""}</summary>
          <div className="mt-2 grid gap-2">
            <Select aria-label="Label" value={params.label ?? ""} onChange={(e) => setParams({ label: e.target.value || null })}>
              <option value="">Any label</option>
              {labels.map((l) => (
                <option key={l} value={l}>
                  {l}
                </option>
              ))}
            </Select>
            <Select aria-label="Number" value={params.senderId ?? ""} onChange={(e) => setParams({ senderId: e.target.value || null })}>
              <option value="">Any number</option>
              {senders.map((s) => (
                <option key={s.id} value={s.id}>
                  {s.label ? `${s.label} (${s.address})` : s.address}
                </option>
              ))}
            </Select>
            <Select aria-label="Campaign" value={params.campaignId ?? ""} onChange={(e) => setParams({ campaignId: e.target.value || null })}>
              <option value="">Any campaign</option>
              {campaigns.map((c) => (
                <option key={c.id} value={c.id}>
                  {c.name}
                </option>
              ))}
            </Select>
          </div>
        </details>
      </div>
      <ul className="min-h-0 flex-1 overflow-y-auto" data-testid="conversation-list">
        {list.isError && (
          <li className="p-3">
            <LoadError error={list.error} />
          </li>
        )}
        {list.isPending && <li className="p-4 text-sm text-zinc-500">Loading…</li>}
        {list.isSuccess && rows.length === 0 && (
          <li className="p-6 text-center text-sm text-zinc-500">{params.search || filtered ? "No conversation matches." : "No conversations here. Texts from contacts appear as they arrive."}</li>
        )}
        {rows.map((row) => (
          <ConversationRowItem key={row.id} row={row} selected={row.id === params.conversationId} onSelect={() => setParams({ conversationId: row.id })} />
        ))}
        {list.hasNextPage && (
          <li className="p-3 text-center">
            <Button variant="ghost" size="sm" onClick={() => void list.fetchNextPage()} disabled={list.isFetchingNextPage}>
              More
            </Button>
          </li>
        )}
      </ul>
    </section>
  );
}

export const rowTitle = (row: Pick<ConversationListRow, "contact">) => contactName(row.contact) ?? row.contact.phone;
