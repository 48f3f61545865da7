"use client";
// A message's history: one entry per status change, oldest first, with who moved it, why where the
// mover said (a hold for quiet hours) and the carrier's error code where there was one.
import { MessageStatusBadge } from "@/components/messaging/message-status-badge";
import type { MessageDetail } from "@/components/messaging/message-types";
import { formatPreciseTime } from "@/components/messaging/precise-time";
import { Card } from "@/components/ui/card";

const SOURCES: Record<string, string> = {
  ui: "from the app",
  api: "through the API",
  campaign: "by a campaign",
  workflow: "by a workflow",
  dispatcher: "by the dispatcher",
  carrier: "reported by the carrier",
  system: "by the system",
};

export function MessageHistoryCard({ events }: { events: MessageDetail["events"] }) {
  return (
    <Card className="p-5">
      <h2 className="mb-3 text-base font-semibold">History</h2>
      {events.length === 0 ? (
        <p className="text-sm text-zinc-500">No status changes recorded.</p>
      ) : (
        <ol className="space-y-4 border-l border-zinc-200 pl-4 dark:border-zinc-800" data-testid="message-history">
          {events.map((event) => (
            <li key={event.id} className="relative text-sm" data-status={event.status}>
              <span className="absolute -left-[21px] top-1.5 h-2 w-2 rounded-full bg-zinc-300 dark:bg-zinc-600" aria-hidden />
              <p className="flex flex-wrap items-center gap-2">
                <MessageStatusBadge status={event.status} />
                <time dateTime={new Date(event.occurredAt).toISOString()} className="text-zinc-600 dark:text-zinc-400">
                  {formatPreciseTime(event.occurredAt)}
                </time>
                <span className="text-zinc-500">{SOURCES[event.source] ?? event.source}</span>
              </p>
              {typeof event.detail === "string" && <p className="mt-1 text-zinc-600 dark:text-zinc-400">{event.detail}</p>}
              {(event.errorCode || event.errorMessage) && (
                <p className="mt-1 text-red-700 dark:text-red-400">
                  {event.errorCode && <span className="mr-2 font-mono">{event.errorCode}</span>}
                  {event.errorMessage}
                </p>
              )}
            </li>
          ))}
        </ol>
      )}
    </Card>
  );
}
