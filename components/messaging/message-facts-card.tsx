"use client";
// What a message is and costs: who it was between, how it was encoded and priced, when it moved,
// and the carrier's id for each part it was sent as.
import Link from "next/link";
import type { ReactNode } from "react";
import { contactName } from "@/components/contacts/contact-name";
import { MessageStatusBadge } from "@/components/messaging/message-status-badge";
import type { MessageDetail } from "@/components/messaging/message-types";
import { formatPreciseTime } from "@/components/messaging/precise-time";
import { Card } from "@/components/ui/card";
import { formatMoney } from "@/lib/money";

function Fact({ label, children }: { label: string; children: ReactNode }) {
  return (
    <>
      <dt className="py-1.5 text-zinc-500">{label}</dt>
      <dd className="py-1.5 text-right">{children}</dd>
    </>
  );
}

export function MessageFactsCard({ message }: { message: MessageDetail }) {
  const outbound = message.direction === "OUTBOUND";
  const name = message.contact ? contactName(message.contact) : null;
  const times: [string, Date | null][] = [
    ["Created", message.createdAt],
    ["Scheduled for", message.sendAt],
    ["Sent", message.sentAt],
    ["Delivered", message.deliveredAt],
    ["Failed", message.failedAt],
    ["Received", message.receivedAt],
  ];
  return (
    <Card className="p-5">
      <h2 className="mb-2 text-base font-semibold">Details</h2>
      <dl className="grid grid-cols-[auto_1fr] gap-x-4 text-sm">
        <Fact label="Status">
          <MessageStatusBadge status={message.status} />
        </Fact>
        <Fact label="Direction">{outbound ? "Outbound" : "Inbound"}</Fact>
        <Fact label="From">
          <span className="font-mono">{message.from}</span>
          {outbound && message.sender?.label && <span className="block text-xs text-zinc-500">{message.sender.label}</span>}
        </Fact>
        <Fact label="To">
          <span className="font-mono">{message.to}</span>
        </Fact>
        <Fact label="Contact">
          {message.contact ? (
            <Link href={`/contacts/${message.contact.id}`} className="font-medium text-brand-600 hover:underline">
              {name ?? message.contact.phone}
            </Link>
          ) : (
            <span className="text-zinc-400">—</span>
          )}
        </Fact>
        {outbound && <Fact label="Type">{message.marketing ? "Marketing" : "Transactional"}</Fact>}
        <Fact label="Encoding">{message.encoding}</Fact>
        <Fact label="Segments">{message.segments}</Fact>
        {outbound && <Fact label="Price">{formatMoney(message.priceMicros)}</Fact>}
        {times.map(([label, at]) => at && <Fact key={label} label={label}>{formatPreciseTime(at)}</Fact>)}
        {message.carrierMessageId && (
          <Fact label="Carrier id">
            <span className="break-all font-mono text-xs">{message.carrierMessageId}</span>
          </Fact>
        )}
      </dl>
      {/* A message of one part has its receipt as its own status, and its carrier id above. */}
      {message.submissions.length > 1 && (
        <>
          <h2 className="mb-2 mt-5 text-base font-semibold">Parts</h2>
          <ol className="space-y-1.5 text-sm">
            {message.submissions.map((part) => (
              <li key={`${part.part}-${part.carrierMessageId}`} className="flex items-center justify-between gap-3">
                <span>
                  {/* Stored from 0, in the order submitted. */}
                  <span className="text-zinc-500">Part {part.part + 1}</span> <span className="break-all font-mono text-xs">{part.carrierMessageId}</span>
                </span>
                <span className="flex items-center gap-1">
                  {part.errorCode && <span className="font-mono text-xs text-red-600 dark:text-red-400">{part.errorCode}</span>}
                  {part.status ? <MessageStatusBadge status={part.status} /> : <span className="text-xs text-zinc-500">No receipt yet</span>}
                </span>
              </li>
            ))}
          </ol>
        </>
      )}
    </Card>
  );
}
