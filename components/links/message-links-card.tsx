"use client";
// A message's tracked links: each short link, where it leads, people's clicks and the requests not
// counted, then the latest requests with why one was not counted. Shown only when the message has
// links; refreshed with the page.
import { useQuery } from "@tanstack/react-query";
import { formatCount, formatDateTime } from "@/components/app/format";
import { Badge } from "@/components/ui/badge";
import { Card } from "@/components/ui/card";
import { useTRPC } from "@/lib/trpc/react";

const REASONS: Record<string, string> = {
  head: "Checked, not opened (HEAD)",
  agent: "Link preview or scanner",
  no_agent: "No browser named",
  too_soon: "Within seconds of delivery",
};

export function MessageLinksCard({ messageId }: { messageId: string }) {
  const trpc = useTRPC();
  const query = useQuery(trpc.messages.links.queryOptions({ id: messageId }, { refetchInterval: 10_000 }));
  if (!query.data || query.data.links.length === 0) return null;
  const { links, recent } = query.data;
  return (
    <Card className="p-5" data-testid="message-links">
      <h2 className="mb-3 text-base font-semibold">Links</h2>
      <ul className="space-y-3">
        {links.map((l) => (
          <li key={l.id} className="text-sm">
            <p className="font-mono text-xs text-zinc-600 dark:text-zinc-400">{l.shortUrl}</p>
            <p className="break-all">
              →{" "}
              <a href={l.url} target="_blank" rel="noopener noreferrer" className="text-brand-600 hover:underline dark:text-brand-400">
                {l.url}
              </a>
            </p>
            <p className="mt-0.5 text-xs text-zinc-500">
              <span className="font-medium text-zinc-800 dark:text-zinc-200" data-testid="link-clicks">
                {formatCount(l.clicks, "click")}
              </span>
              {l.notCounted > 0 && <> · {l.notCounted} not counted (previews, scanners, too soon)</>}
            </p>
          </li>
        ))}
      </ul>
      {recent.length > 0 && (
        <>
          <h3 className="mb-2 mt-4 text-sm font-medium">Latest requests</h3>
          <ul className="space-y-2 text-xs">
            {recent.map((c) => (
              <li key={c.id} className="flex flex-wrap items-center gap-2">
                <time dateTime={new Date(c.occurredAt).toISOString()} className="text-zinc-600 dark:text-zinc-400">
                  {formatDateTime(c.occurredAt)}
                </time>
                {c.botReason ? <Badge tone="neutral">{REASONS[c.botReason] ?? c.botReason}</Badge> : <Badge tone="green">Click</Badge>}
                <span className="min-w-0 flex-1 truncate text-zinc-500" title={c.userAgent ?? undefined}>
                  {c.userAgent ?? "—"}
                </span>
              </li>
            ))}
          </ul>
        </>
      )}
    </Card>
  );
}
