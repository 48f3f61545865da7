// The dashboard's tables: messages by source, new contacts by where they came from, deliverability
// by sender and by error code, top campaigns. Each count opens the messages or contacts behind it.
import Link from "next/link";
import type { ReactNode } from "react";
import { formatNumber } from "@/components/app/format";
import { percent } from "@/components/campaigns/rates";
import { DELIVERED_LINK, FAILED_LINK, newContactsHref, periodMessages, RECEIVED_LINK, SENT_LINK } from "@/components/dashboard/links";
import { CONTACT_SOURCE_LABELS } from "@/components/segments/choice-options";
import { SOURCE_LABELS } from "@/components/messaging/messages-link";
import { Table, Td, Th } from "@/components/ui/table";
import type { DashboardPeriod } from "@/lib/analytics/dashboard-input";
import type { dashboardOverview } from "@/lib/analytics/dashboard-overview";
import type { deliverability } from "@/lib/analytics/deliverability";
import { formatMoney } from "@/lib/money";
import { MESSAGE_SOURCES, type MessageSource } from "@/lib/messaging/message-list-input";


const contactSourceLabel = (source: string) => CONTACT_SOURCE_LABELS[source as keyof typeof CONTACT_SOURCE_LABELS] ?? "Before sources were kept";

export function Panel({ title, children, note }: { title: string; children: ReactNode; note?: ReactNode }) {
  return (
    <section className="min-w-0">
      <h2 className="mb-2 text-sm font-semibold">{title}</h2>
      {children}
      {note && <p className="mt-1.5 text-xs text-zinc-500">{note}</p>}
    </section>
  );
}

/** A count that opens the list behind it (nothing to open for a zero). */
function CountLink({ n, href, label }: { n: number; href: string; label: string }) {
  if (n === 0) return <span className="text-zinc-400">0</span>;
  return (
    <Link href={href} className="font-medium text-brand-600 hover:underline dark:text-brand-100" aria-label={`${formatNumber(n)} ${label}`}>
      {formatNumber(n)}
    </Link>
  );
}

const sourceOf = (s: string): MessageSource | null => MESSAGE_SOURCES.find((x) => x === s) ?? null;
const messages = periodMessages;

type SourceRow = Awaited<ReturnType<typeof dashboardOverview>>["bySource"][number];
type SenderRow = Awaited<ReturnType<typeof deliverability>>["bySender"][number];

export function BySourceTable({ rows, period }: { rows: SourceRow[]; period: DashboardPeriod }) {
  return (
    <Table cards="inline">
      <thead>
        <tr>
          <Th>Source</Th>
          <Th className="text-right">Sent</Th>
          <Th className="text-right">Delivered</Th>
          <Th className="text-right">Received</Th>
          <Th className="text-right">Spend</Th>
        </tr>
      </thead>
      <tbody>
        {rows.map((r) => {
          const source = sourceOf(r.source);
          const label = source ? SOURCE_LABELS[source] : r.source;
          const by = (link: Parameters<typeof periodMessages>[1]) => messages(period, { ...link, ...(source && { source }) });
          return (
            <tr key={r.source}>
              <Td>{label}</Td>
              <Td className="text-right tabular-nums">
                <CountLink n={r.sent} href={by(SENT_LINK)} label={`${label} messages sent`} />
              </Td>
              <Td className="text-right tabular-nums">
                <CountLink n={r.delivered} href={by(DELIVERED_LINK)} label={`${label} messages delivered`} />
              </Td>
              <Td className="text-right tabular-nums">
                <CountLink n={r.received} href={by(RECEIVED_LINK)} label="messages received" />
              </Td>
              <Td className="text-right tabular-nums">{r.sent > 0 ? formatMoney(r.priceMicros) : "—"}</Td>
            </tr>
          );
        })}
      </tbody>
    </Table>
  );
}

export function NewContactsTable({ rows, period }: { rows: { source: string; current: number; previous: number }[]; period: DashboardPeriod }) {
  const shown = rows.filter((r) => r.current > 0 || r.previous > 0);
  const total = shown.reduce((sum, r) => sum + r.current, 0);
  return (
    <Table cards="inline">
      <thead>
        <tr>
          <Th>Came from</Th>
          <Th className="text-right">New</Th>
          <Th className="text-right">Before</Th>
        </tr>
      </thead>
      <tbody>
        {shown.map((r) => (
          <tr key={r.source}>
            <Td>{contactSourceLabel(r.source)}</Td>
            <Td className="text-right tabular-nums">
              <CountLink n={r.current} href={newContactsHref(period, r.source)} label={`new contacts from ${contactSourceLabel(r.source)}`} />
            </Td>
            <Td className="text-right tabular-nums text-zinc-500">{formatNumber(r.previous)}</Td>
          </tr>
        ))}
        <tr>
          <Td className="font-medium">All new contacts</Td>
          <Td className="text-right tabular-nums">
            <CountLink n={total} href={newContactsHref(period)} label="new contacts" />
          </Td>
          <Td />
        </tr>
      </tbody>
    </Table>
  );
}

export function BySenderTable({ rows, period }: { rows: SenderRow[]; period: DashboardPeriod }) {
  return (
    <Table cards="inline">
      <thead>
        <tr>
          <Th>Sender</Th>
          <Th className="text-right">Sent</Th>
          <Th className="text-right">Delivered</Th>
          <Th className="text-right">Failed</Th>
        </tr>
      </thead>
      <tbody>
        {rows.map((r) => {
          const name = r.label ? `${r.label} (${r.address})` : (r.address ?? "A deleted sender");
          // A deleted sender's messages have no sender left to filter by.
          const by = (link: Parameters<typeof periodMessages>[1], n: number, what: string) =>
            r.senderId && r.address ? <CountLink n={n} href={messages(period, { ...link, senderId: r.senderId, name: r.address })} label={`${what} from ${name}`} /> : formatNumber(n);
          return (
            <tr key={r.senderId ?? "none"}>
              <Td className="whitespace-nowrap">{name}</Td>
              <Td className="text-right tabular-nums">{by(SENT_LINK, r.sent, "sent")}</Td>
              <Td className="text-right tabular-nums">
                {by(DELIVERED_LINK, r.delivered, "delivered")} <span className="text-xs text-zinc-500">{percent(r.delivered, r.sent)}</span>
              </Td>
              <Td className="text-right tabular-nums">{by(FAILED_LINK, r.failed, "failed")}</Td>
            </tr>
          );
        })}
      </tbody>
    </Table>
  );
}

export function ByErrorCodeTable({ rows, period, sent }: { rows: { errorCode: string | null; failed: number }[]; period: DashboardPeriod; sent: number }) {
  return (
    <Table cards="inline">
      <thead>
        <tr>
          <Th>Error code</Th>
          <Th className="text-right">Failed</Th>
          <Th className="text-right">Of sent</Th>
        </tr>
      </thead>
      <tbody>
        {rows.map((r) => (
          <tr key={r.errorCode ?? "none"}>
            <Td className="font-mono text-xs">{r.errorCode ?? "no code"}</Td>
            <Td className="text-right tabular-nums">
              {r.errorCode ? <CountLink n={r.failed} href={messages(period, { ...FAILED_LINK, errorCode: r.errorCode })} label={`failed with ${r.errorCode}`} /> : formatNumber(r.failed)}
            </Td>
            <Td className="text-right tabular-nums text-zinc-500">{percent(r.failed, sent)}</Td>
          </tr>
        ))}
      </tbody>
    </Table>
  );
}

interface CampaignRow {
  id: string;
  name: string;
  sent: number;
  delivered: number;
  replies: number;
  optOuts: number;
  clicks: number;
}

export function TopCampaignsTable({ rows, period, tracked }: { rows: CampaignRow[]; period: DashboardPeriod; tracked: boolean }) {
  return (
    <Table cards="inline">
      <thead>
        <tr>
          <Th>Campaign</Th>
          <Th className="text-right">Sent</Th>
          <Th className="text-right">Delivered</Th>
          <Th className="text-right">Clicks</Th>
          <Th className="text-right">Replies</Th>
          <Th className="text-right">Opt-outs</Th>
        </tr>
      </thead>
      <tbody>
        {rows.map((c) => {
          const of = (link: Parameters<typeof periodMessages>[1]) => messages(period, { ...link, campaignId: c.id, name: c.name });
          return (
            <tr key={c.id}>
              <Td className="min-w-40">
                <Link href={`/campaigns/${c.id}`} className="font-medium hover:underline">
                  {c.name}
                </Link>
              </Td>
              <Td className="text-right tabular-nums">
                <CountLink n={c.sent} href={of(SENT_LINK)} label={`sent by ${c.name}`} />
              </Td>
              <Td className="text-right tabular-nums">
                <CountLink n={c.delivered} href={of(DELIVERED_LINK)} label={`delivered by ${c.name}`} />
              </Td>
              <Td className="text-right tabular-nums">{tracked ? formatNumber(c.clicks) : "—"}</Td>
              {/* Replies and opt-outs are counted on the campaign's results page, which lists who. */}
              <Td className="text-right tabular-nums">
                <Link href={`/campaigns/${c.id}`} className="hover:underline">
                  {formatNumber(c.replies)}
                </Link>
              </Td>
              <Td className="text-right tabular-nums">
                <Link href={`/campaigns/${c.id}`} className="hover:underline">
                  {formatNumber(c.optOuts)}
                </Link>
              </Td>
            </tr>
          );
        })}
      </tbody>
    </Table>
  );
}
