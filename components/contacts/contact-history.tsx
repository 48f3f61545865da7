"use client";
// A contact's audit trail (admins only: audit.list is an admin procedure), newest first.
// Older entries load a page at a time by cursor. Not useInfiniteQuery: tRPC adds a `direction`
// key to infinite-query input, which the strict listAuditInput schema rejects.
import { useQuery } from "@tanstack/react-query";
import { formatDateTime } from "@/components/app/format";
import { actionLabel, changeLines } from "@/components/contacts/history-changes";
import { Button } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { CursorPages, type CursorPageProps } from "@/components/ui/cursor-pages";
import { useTRPC } from "@/lib/trpc/react";

const PAGE_SIZE = 20;

export function ContactHistory({ contactId }: { contactId: string }) {
  return (
    <Card className="p-5">
      <h2 className="mb-3 text-base font-semibold">History</h2>
      <ol className="space-y-4 border-l border-zinc-200 pl-4 dark:border-zinc-800">
        <CursorPages page={(props) => <HistoryPage contactId={contactId} {...props} />} />
      </ol>
    </Card>
  );
}

function HistoryPage({ contactId, cursor, first, onMore }: { contactId: string } & CursorPageProps) {
  const trpc = useTRPC();
  const history = useQuery(trpc.audit.list.queryOptions({ targetId: contactId, cursor, limit: PAGE_SIZE }));
  if (history.isPending) return <li className="text-sm text-zinc-500">Loading history…</li>;
  if (history.isError) {
    return (
      <li role="alert" className="text-sm text-red-600 dark:text-red-400">
        Could not load the history: {history.error.message}
      </li>
    );
  }
  const { items, nextCursor } = history.data;
  return (
    <>
      {first && items.length === 0 && <li className="text-sm text-zinc-500">No recorded changes.</li>}
      {items.map((entry) => {
        const lines = changeLines(entry.changes);
        return (
          <li key={entry.id} className="relative text-sm">
            <span className="absolute -left-[21px] top-1.5 h-2 w-2 rounded-full bg-zinc-300 dark:bg-zinc-600" aria-hidden />
            <p>
              <span className="font-medium">{actionLabel(entry.action)}</span>
              <span className="text-zinc-500">
                {" "}
                by {entry.actorLabel ?? entry.actorType.toLowerCase()} · {formatDateTime(entry.createdAt)}
              </span>
            </p>
            {lines.length > 0 && (
              <ul className="mt-1 space-y-0.5 text-zinc-600 dark:text-zinc-400">
                {lines.map((line, i) => (
                  <li key={i}>
                    <span className="text-zinc-500">{line.label}:</span>{" "}
                    {line.from !== undefined && (
                      <>
                        <span className="line-through decoration-zinc-400">{line.from}</span> →{" "}
                      </>
                    )}
                    <span className="text-zinc-900 dark:text-zinc-100">{line.to}</span>
                  </li>
                ))}
              </ul>
            )}
          </li>
        );
      })}
      {onMore && nextCursor && (
        <li>
          <Button variant="ghost" size="sm" onClick={() => onMore(nextCursor)}>
            Show older entries
          </Button>
        </li>
      )}
    </>
  );
}
