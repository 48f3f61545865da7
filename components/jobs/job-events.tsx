"use client";
// Every event the executor received, and the runs each one started (none is a normal outcome).
import { useInfiniteQuery } from "@tanstack/react-query";
import Link from "next/link";
import { formatDateTime } from "@/components/app/format";
import { Button } from "@/components/ui/button";
import { LoadError, Loading } from "@/components/ui/query-state";
import { Table, Td, Th } from "@/components/ui/table";
import { useTRPC, useTRPCClient } from "@/lib/trpc/react";

export function JobEvents() {
  const trpc = useTRPC();
  const client = useTRPCClient();
  const events = useInfiniteQuery({
    queryKey: trpc.jobs.events.pathKey(),
    initialPageParam: undefined as string | undefined,
    queryFn: ({ pageParam }) => client.jobs.events.query({ cursor: pageParam }),
    getNextPageParam: (last) => last.nextCursor ?? undefined,
    refetchInterval: 5000,
  });
  return (
    <section aria-labelledby="events-heading" className="space-y-3">
      <h2 id="events-heading" className="text-lg font-semibold">
        Events received
      </h2>
      {events.isPending ? (
        <Loading />
      ) : events.isError ? (
        <LoadError error={events.error} />
      ) : events.data.pages[0]!.items.length === 0 ? (
        <p className="text-sm text-zinc-500">No events received yet.</p>
      ) : (
        <>
          <Table aria-label="Events">
            <thead>
              <tr>
                <Th>Event</Th>
                <Th>Received</Th>
                <Th>Data</Th>
                <Th>Runs started</Th>
              </tr>
            </thead>
            <tbody>
              {events.data.pages.flatMap((page) =>
                page.items.map((event) => (
                  <tr key={event.id}>
                    <Td className="font-medium">{event.name}</Td>
                    <Td className="whitespace-nowrap">{formatDateTime(event.receivedAt)}</Td>
                    <Td className="max-w-sm truncate font-mono text-xs">{JSON.stringify(event.data)}</Td>
                    <Td>
                      {event.runs.length === 0 ? (
                        <span className="text-zinc-500">none</span>
                      ) : (
                        event.runs.map((run) => (
                          <Link key={run.id} href={`/jobs/${run.id}`} className="mr-2 font-mono text-xs text-brand-600 hover:underline">
                            {run.functionId}
                          </Link>
                        ))
                      )}
                    </Td>
                  </tr>
                )),
              )}
            </tbody>
          </Table>
          {events.hasNextPage && (
            <Button variant="secondary" onClick={() => events.fetchNextPage()} loading={events.isFetchingNextPage}>
              Load more events
            </Button>
          )}
        </>
      )}
    </section>
  );
}
