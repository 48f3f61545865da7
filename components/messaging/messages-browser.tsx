"use client";
// The message log: filters, one page at a time along the id cursor (Previous/Next, as the contacts
// table), refreshed every 1.5 s while a message on the page is on its way.
import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { ChevronLeft, ChevronRight, X } from "lucide-react";
import Link from "next/link";
import { useSearchParams } from "next/navigation";
import { useMemo, useState } from "react";
import { zodFormErrors } from "@/components/app/form-state";
import { useDebouncedValue } from "@/components/contacts/use-debounced-value";
import { IN_FLIGHT_REFRESH_MS, isInFlight } from "@/components/messaging/in-flight";
import { dayRange, MessagesFilters, NO_MESSAGE_FILTERS, type MessageFilterValues } from "@/components/messaging/messages-filters";
import { linkedFilters } from "@/components/messaging/messages-link";
import { MessagesTable } from "@/components/messaging/messages-table";
import { Button } from "@/components/ui/button";
import { EmptyState } from "@/components/ui/empty-state";
import { listMessagesInput } from "@/lib/messaging/message-list-input";
import { useTRPC } from "@/lib/trpc/react";

const PAGE_SIZE = 50;

export function MessagesBrowser({ onNewMessage }: { onNewMessage: () => void }) {
  const trpc = useTRPC();
  const [values, setValues] = useState<MessageFilterValues>(NO_MESSAGE_FILTERS);
  // Filters a link brought in the URL (the dashboard's figures), under the ones set here.
  const params = useSearchParams();
  const linked = useMemo(() => linkedFilters(new URLSearchParams(params.toString())), [params]);
  const number = useDebouncedValue(values.number.trim());
  const own = { number: number || undefined, status: values.status || undefined, direction: values.direction || undefined, ...dayRange(values) };
  const wanted = { ...linked?.filters, ...Object.fromEntries(Object.entries(own).filter(([, v]) => v !== undefined)) };
  // Filters the server would refuse (a % in the number, a range ending before it starts) are shown
  // as errors and not sent.
  const checked = listMessagesInput.safeParse(wanted);
  const errors = checked.success ? {} : zodFormErrors(checked.error).fields;
  const filters = checked.success ? wanted : {};
  const filterKey = JSON.stringify(filters);

  // The cursors of the pages before this one, for one set of filters (reset during render when
  // they change, so no request goes out for a stale page).
  const [view, setView] = useState({ key: filterKey, cursors: [] as string[] });
  if (view.key !== filterKey) setView({ key: filterKey, cursors: [] });
  const cursors = view.key === filterKey ? view.cursors : [];

  const page = useQuery(
    trpc.messages.list.queryOptions(
      { ...filters, cursor: cursors.at(-1), limit: PAGE_SIZE },
      {
        placeholderData: keepPreviousData,
        refetchInterval: (query) => (query.state.data?.items.some((m) => isInFlight(m.status)) ? IN_FLIGHT_REFRESH_MS : false),
      },
    ),
  );
  const items = page.data?.items ?? [];
  const filtering = Object.values(values).some(Boolean) || linked !== null;
  const setCursors = (next: string[]) => setView((v) => ({ ...v, cursors: next }));

  if (page.isError) {
    return (
      <p role="alert" className="text-sm text-red-600 dark:text-red-400">
        Could not load messages: {page.error.message}
      </p>
    );
  }

  const empty = !page.isPending && items.length === 0 && cursors.length === 0;
  if (empty && !filtering && !page.isPlaceholderData) {
    return (
      <EmptyState
        title="No messages yet"
        description="Every text sent or received by your numbers shows up here, with its delivery status."
        action={<Button onClick={onNewMessage}>Send your first message</Button>}
      />
    );
  }

  const first = cursors.length * PAGE_SIZE + 1;
  return (
    <div>
      {linked && (
        <p className="mb-3 flex flex-wrap items-center gap-2 rounded-md bg-zinc-100 px-3 py-2 text-sm dark:bg-zinc-800" data-testid="linked-filters">
          <span>
            Showing: <span className="font-medium">{linked.description}</span>
          </span>
          <Link href="/messages" className="ml-auto inline-flex items-center gap-1 text-zinc-600 hover:underline dark:text-zinc-300">
            <X className="h-3.5 w-3.5" aria-hidden /> Show all
          </Link>
        </p>
      )}
      <MessagesFilters values={values} onChange={setValues} errors={errors} />
      {empty ? (
        <EmptyState
          title="No messages match"
          description="No messages match these filters."
          action={
            <Button variant="secondary" onClick={() => setValues(NO_MESSAGE_FILTERS)}>
              Clear filters
            </Button>
          }
        />
      ) : (
        <>
          <MessagesTable items={items} loading={page.isPending || page.isPlaceholderData} />
          <div className="mt-3 flex flex-wrap items-center justify-between gap-3 text-sm text-zinc-600 dark:text-zinc-400">
            <p aria-live="polite">{items.length > 0 ? `Showing ${first}–${first + items.length - 1}` : "No more messages on this page."}</p>
            <nav aria-label="Pagination" className="flex gap-2">
              <Button variant="secondary" size="sm" aria-label="Previous page" disabled={cursors.length === 0} onClick={() => setCursors(cursors.slice(0, -1))}>
                <ChevronLeft className="h-4 w-4" aria-hidden />
                Previous
              </Button>
              <Button
                variant="secondary"
                size="sm"
                aria-label="Next page"
                disabled={!page.data?.nextCursor || page.isPlaceholderData}
                onClick={() => page.data?.nextCursor && setCursors([...cursors, page.data.nextCursor])}
              >
                Next
                <ChevronRight className="h-4 w-4" aria-hidden />
              </Button>
            </nav>
          </div>
        </>
      )}
    </div>
  );
}
