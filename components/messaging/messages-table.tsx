"use client";
// One page of the message log. A row opens the message's page.
import { ArrowDownLeft, ArrowUpRight, Paperclip } from "lucide-react";
import Link from "next/link";
import { useRouter } from "next/navigation";
import type { MouseEvent } from "react";
import { formatDateTime } from "@/components/app/format";
import { contactName } from "@/components/contacts/contact-name";
import { MessageStatusBadge } from "@/components/messaging/message-status-badge";
import { cn } from "@/components/ui/cn";
import { SkeletonRows, Table, Td, Th } from "@/components/ui/table";
import type { AppRouter } from "@/lib/trpc/root";
import type { inferRouterOutputs } from "@trpc/server";

export type MessageRow = inferRouterOutputs<AppRouter>["messages"]["list"]["items"][number];

const COLUMNS = 7;

export function MessagesTable({ items, loading }: { items: MessageRow[]; loading: boolean }) {
  const router = useRouter();

  function openRow(event: MouseEvent, id: string) {
    if ((event.target as HTMLElement).closest("a, button, input")) return;
    router.push(`/messages/${id}`);
  }

  return (
    <Table aria-busy={loading || undefined}>
      <thead>
        <tr>
          <Th className="w-8">
            <span className="sr-only">Direction</span>
          </Th>
          <Th>Time</Th>
          <Th>From</Th>
          <Th>To</Th>
          <Th>Message</Th>
          <Th>Status</Th>
          <Th className="text-right">Segments</Th>
        </tr>
      </thead>
      <tbody className={cn(loading && items.length > 0 && "opacity-60 transition-opacity")}>
        {loading && items.length === 0
          ? <SkeletonRows columns={COLUMNS} />
          : items.map((m) => {
              const inbound = m.direction === "INBOUND";
              const name = m.contact ? contactName(m.contact) : null;
              return (
                <tr key={m.id} data-message-id={m.id} onClick={(e) => openRow(e, m.id)} className="cursor-pointer hover:bg-zinc-50 dark:hover:bg-zinc-800/50">
                  <Td card="lead">
                    {inbound ? (
                      <ArrowDownLeft className="h-4 w-4 text-emerald-600 dark:text-emerald-400" aria-label="Inbound" />
                    ) : (
                      <ArrowUpRight className="h-4 w-4 text-brand-600 dark:text-brand-500" aria-label="Outbound" />
                    )}
                  </Td>
                  <Td className="whitespace-nowrap text-zinc-600 dark:text-zinc-400">
                    <Link href={`/messages/${m.id}`} className="hover:underline">
                      {m.status === "SCHEDULED" && m.sendAt ? `Scheduled ${formatDateTime(m.sendAt)}` : formatDateTime(m.createdAt)}
                    </Link>
                  </Td>
                  <Td className="whitespace-nowrap font-mono text-xs">
                    {m.from}
                    {inbound && name && <span className="ml-1 font-sans text-zinc-500">{name}</span>}
                  </Td>
                  <Td className="whitespace-nowrap font-mono text-xs">
                    {m.to}
                    {!inbound && name && <span className="ml-1 font-sans text-zinc-500">{name}</span>}
                  </Td>
                  <Td card="primary" className="max-w-md">
                    <span className="line-clamp-1 break-all" data-testid="message-body">
                      {m.mediaIds.length > 0 && <Paperclip className="mr-1 inline h-3.5 w-3.5 text-zinc-500" aria-label={`${m.mediaIds.length} attachments`} />}
                      {m.body || <span className="italic text-zinc-500">No text</span>}
                    </span>
                  </Td>
                  <Td card="badge" className="whitespace-nowrap">
                    <MessageStatusBadge status={m.status} />
                    {m.errorCode && <span className="ml-1 font-mono text-xs text-red-600 dark:text-red-400">{m.errorCode}</span>}
                  </Td>
                  <Td className="text-right tabular-nums text-zinc-600 dark:text-zinc-400">
                    {m.segments}
                    <span className="ml-1 text-xs text-zinc-500">{m.encoding}</span>
                  </Td>
                </tr>
              );
            })}
      </tbody>
    </Table>
  );
}
