"use client";
// An endpoint's deliveries, newest first: event, status, attempts, last response and latency; a
// delivery opens to its attempts (request and response) with "Replay".
import { useInfiniteQuery, useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { toast } from "sonner";
import { formatDateTime } from "@/components/app/format";
import { Section } from "@/components/settings/section";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { Dialog } from "@/components/ui/dialog";
import { EmptyState } from "@/components/ui/empty-state";
import { LoadError, Loading } from "@/components/ui/query-state";
import { Table, Td, Th } from "@/components/ui/table";
import { errorMessage } from "@/lib/trpc/form-errors";
import { useTRPC } from "@/lib/trpc/react";

const STATUS_TONE = { SUCCEEDED: "green", FAILED: "red", PENDING: "blue" } as const;

export function DeliveryLog({ endpointId }: { endpointId: string }) {
  const trpc = useTRPC();
  const [open, setOpen] = useState<string | null>(null);
  const deliveries = useInfiniteQuery(
    trpc.webhooks.deliveries.list.infiniteQueryOptions({ endpointId }, { getNextPageParam: (page) => page.nextCursor ?? undefined, refetchInterval: 5_000 }),
  );
  const items = deliveries.data?.pages.flatMap((p) => p.items) ?? [];
  return (
    <Section title="Deliveries" description="Every event sent to this endpoint. Pending ones are retried on schedule; open one to see its attempts or replay it.">
      {deliveries.isPending ? (
        <Loading />
      ) : deliveries.isError ? (
        <LoadError error={deliveries.error} />
      ) : items.length === 0 ? (
        <EmptyState title="No deliveries yet" description="Send a test event, or send a message, to see one here." />
      ) : (
        <>
          <Table aria-label="Deliveries">
            <thead>
              <tr>
                <Th>Event</Th>
                <Th>Status</Th>
                <Th>Attempts</Th>
                <Th>Last response</Th>
                <Th>Latency</Th>
                <Th>Created</Th>
              </tr>
            </thead>
            <tbody>
              {items.map((d) => (
                <tr key={d.id}>
                  <Td>
                    <button type="button" className="font-mono text-xs text-brand-700 hover:underline dark:text-brand-100" onClick={() => setOpen(d.id)}>
                      {d.eventType}
                    </button>
                  </Td>
                  <Td card="badge">
                    <Badge tone={STATUS_TONE[d.status]}>{d.status.toLowerCase()}</Badge>
                    {d.status === "PENDING" && d.nextAttemptAt && <span className="block text-xs text-zinc-500">next {formatDateTime(d.nextAttemptAt)}</span>}
                  </Td>
                  <Td>{d.attempts}</Td>
                  <Td>{d.lastAttempt ? (d.lastAttempt.responseStatus ?? <span title={d.lastAttempt.error ?? undefined}>error</span>) : "—"}</Td>
                  <Td>{d.lastAttempt ? `${d.lastAttempt.latencyMs} ms` : "—"}</Td>
                  <Td className="whitespace-nowrap">{formatDateTime(d.createdAt)}</Td>
                </tr>
              ))}
            </tbody>
          </Table>
          {deliveries.hasNextPage && (
            <div className="mt-3">
              <Button variant="secondary" loading={deliveries.isFetchingNextPage} onClick={() => deliveries.fetchNextPage()}>
                Load more
              </Button>
            </div>
          )}
        </>
      )}
      {open && <DeliveryDetail id={open} onClose={() => setOpen(null)} />}
    </Section>
  );
}

function DeliveryDetail({ id, onClose }: { id: string; onClose: () => void }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const delivery = useQuery(trpc.webhooks.deliveries.get.queryOptions({ id }));
  const replay = useMutation(
    trpc.webhooks.deliveries.replay.mutationOptions({
      onSuccess: async () => {
        toast.success("Replay queued: the same event, with the same webhook-id");
        await queryClient.invalidateQueries({ queryKey: trpc.webhooks.deliveries.pathKey() });
        onClose();
      },
      onError: (error) => toast.error(errorMessage(error)),
    }),
  );
  return (
    <Dialog open onClose={onClose} title="Delivery">
      {delivery.isPending ? (
        <Loading />
      ) : delivery.isError ? (
        <LoadError error={delivery.error} />
      ) : (
        <div className="space-y-4 text-sm">
          <dl className="grid grid-cols-[8rem_1fr] gap-1">
            <dt className="text-zinc-500">Event</dt>
            <dd className="font-mono text-xs">{delivery.data.eventType}</dd>
            <dt className="text-zinc-500">webhook-id</dt>
            <dd className="font-mono text-xs">{delivery.data.eventId}</dd>
            <dt className="text-zinc-500">Status</dt>
            <dd>{delivery.data.status.toLowerCase()}</dd>
          </dl>
          <div>
            <h3 className="mb-1 font-medium">Request body</h3>
            <pre className="max-h-48 overflow-auto rounded bg-zinc-100 p-2 text-xs dark:bg-zinc-800">{JSON.stringify(delivery.data.payload, null, 2)}</pre>
          </div>
          <ol className="space-y-2" aria-label="Attempts">
            {delivery.data.attempts.map((a) => (
              <li key={a.id} className="rounded border border-zinc-200 p-2 dark:border-zinc-800">
                <div className="flex justify-between text-xs text-zinc-500">
                  <span>
                    Attempt {a.attempt} · {formatDateTime(a.createdAt)}
                  </span>
                  <span>{a.latencyMs} ms</span>
                </div>
                <div className="mt-1">{a.responseStatus != null ? `HTTP ${a.responseStatus}` : a.error}</div>
                {a.responseBody && <pre className="mt-1 max-h-32 overflow-auto rounded bg-zinc-100 p-2 text-xs dark:bg-zinc-800">{a.responseBody}</pre>}
              </li>
            ))}
          </ol>
          <div className="flex justify-end gap-2">
            <Button variant="secondary" onClick={onClose}>
              Close
            </Button>
            <Button loading={replay.isPending} onClick={() => replay.mutate({ id })}>
              Replay
            </Button>
          </div>
        </div>
      )}
    </Dialog>
  );
}
