"use client";
// The texts to and from a contact, newest first, each opening its message page; older ones load a
// page at a time by cursor (messages.list narrowed to the contact). "Send a text" opens the Messages
// page's compose panel with their number in To; what it sends shows up here as it goes.
import { useQuery } from "@tanstack/react-query";
import { ArrowDownLeft, ArrowUpRight, MessageSquarePlus, Paperclip } from "lucide-react";
import Link from "next/link";
import { useState } from "react";
import { formatDateTime } from "@/components/app/format";
import type { ContactDetail } from "@/components/contacts/contact-types";
import { IN_FLIGHT_REFRESH_MS, isInFlight } from "@/components/messaging/in-flight";
import { MessageStatusBadge } from "@/components/messaging/message-status-badge";
import { NewMessagePanel } from "@/components/messaging/new-message-panel";
import { Button } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { CursorPages, type CursorPageProps } from "@/components/ui/cursor-pages";
import { useTRPC } from "@/lib/trpc/react";

const PAGE_SIZE = 20;

export function ContactMessagesCard({ contact }: { contact: ContactDetail }) {
  const [composing, setComposing] = useState(false);
  return (
    <section aria-labelledby="contact-messages-heading">
      {composing && <NewMessagePanel to={contact.phone} onClose={() => setComposing(false)} />}
      <Card className="p-5">
        <div className="mb-3 flex items-center justify-between gap-3">
          <h2 id="contact-messages-heading" className="text-base font-semibold">
            Messages
          </h2>
          {!composing && (
            <Button size="sm" onClick={() => setComposing(true)}>
              <MessageSquarePlus className="h-4 w-4" aria-hidden /> Send a text
            </Button>
          )}
        </div>
        <ol className="divide-y divide-zinc-100 dark:divide-zinc-800" data-testid="contact-messages">
          <CursorPages page={(props) => <MessagesPage contactId={contact.id} {...props} />} />
        </ol>
      </Card>
    </section>
  );
}

function MessagesPage({ contactId, cursor, first, onMore }: { contactId: string } & CursorPageProps) {
  const trpc = useTRPC();
  const page = useQuery(
    trpc.messages.list.queryOptions(
      { contactId, cursor, limit: PAGE_SIZE },
      { refetchInterval: (query) => (query.state.data?.items.some((m) => isInFlight(m.status)) ? IN_FLIGHT_REFRESH_MS : false) },
    ),
  );
  if (page.isPending) return <li className="py-2 text-sm text-zinc-500">Loading messages…</li>;
  if (page.isError) {
    return (
      <li role="alert" className="py-2 text-sm text-red-600 dark:text-red-400">
        Could not load the messages: {page.error.message}
      </li>
    );
  }
  const { items, nextCursor } = page.data;
  return (
    <>
      {first && items.length === 0 && <li className="py-2 text-sm text-zinc-500">No texts to or from this contact yet.</li>}
      {items.map((m) => {
        const inbound = m.direction === "INBOUND";
        const when = m.status === "SCHEDULED" && m.sendAt ? `Scheduled ${formatDateTime(m.sendAt)}` : formatDateTime(m.createdAt);
        return (
          <li key={m.id} data-message-id={m.id} className="flex gap-3 py-3 text-sm first:pt-0">
            {inbound ? (
              <ArrowDownLeft className="mt-0.5 h-4 w-4 shrink-0 text-emerald-600 dark:text-emerald-400" aria-label="Received from them" />
            ) : (
              <ArrowUpRight className="mt-0.5 h-4 w-4 shrink-0 text-brand-600 dark:text-brand-500" aria-label="Sent to them" />
            )}
            <div className="min-w-0 flex-1">
              <p className="flex flex-wrap items-center gap-x-2 gap-y-1">
                <Link href={`/messages/${m.id}`} className="text-zinc-600 hover:underline dark:text-zinc-400">
                  {when}
                </Link>
                <MessageStatusBadge status={m.status} />
                {m.errorCode && <span className="font-mono text-xs text-red-600 dark:text-red-400">{m.errorCode}</span>}
                <span className="font-mono text-xs text-zinc-500">{inbound ? `to ${m.to}` : `from ${m.from}`}</span>
              </p>
              <p className="mt-1 line-clamp-3 break-words">
                {m.mediaIds.length > 0 && <Paperclip className="mr-1 inline h-3.5 w-3.5 text-zinc-500" aria-label={`${m.mediaIds.length} attachments`} />}
                {m.body || <span className="italic text-zinc-500">No text</span>}
              </p>
            </div>
          </li>
        );
      })}
      {onMore && nextCursor && (
        <li className="pt-3">
          <Button variant="ghost" size="sm" onClick={() => onMore(nextCursor)}>
            Show older messages
          </Button>
        </li>
      )}
    </>
  );
}
