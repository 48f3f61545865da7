"use client";
// The home page after sign-in: a period (7, 30, 90 days or custom, in the URL) against the one
// before it, headline figures and rates, messages per day, where messages and contacts came from,
// deliverability and its alerts, top campaigns. A new org sees its first steps instead.
import { useQuery } from "@tanstack/react-query";
import { usePathname, useRouter, useSearchParams } from "next/navigation";
import { useMemo } from "react";
import { formatCount, formatNumber } from "@/components/app/format";
import { PageHeader } from "@/components/app/page-header";
import { percent } from "@/components/campaigns/rates";
import { ActivityChart } from "@/components/dashboard/activity-chart";
import { AlertsBanner } from "@/components/dashboard/alerts-banner";
import { BySenderTable, BySourceTable, ByErrorCodeTable, NewContactsTable, Panel, TopCampaignsTable } from "@/components/dashboard/breakdowns";
import { choiceFromParams, choiceQuery, periodOf, type PeriodChoice } from "@/components/dashboard/dashboard-period";
import { FigureCard } from "@/components/dashboard/figure-card";
import { FirstRun } from "@/components/dashboard/first-run";
import { DELIVERED_LINK, FAILED_LINK, newContactsHref, optedOutHref, periodClickedMessages, periodMessages, RECEIVED_LINK, SENT_LINK } from "@/components/dashboard/links";
import { PeriodPicker } from "@/components/dashboard/period-picker";
import { Card } from "@/components/ui/card";
import { LoadError, Loading } from "@/components/ui/query-state";
import { periodDays } from "@/lib/analytics/dashboard-input";
import { formatMoney } from "@/lib/money";
import { useTRPC } from "@/lib/trpc/react";

const rate = (part: number, whole: number) => (whole > 0 ? (100 * part) / whole : 0);

export function DashboardScreen() {
  const trpc = useTRPC();
  const router = useRouter();
  const pathname = usePathname();
  const params = useSearchParams();
  const choice = useMemo(() => choiceFromParams(new URLSearchParams(params.toString())), [params]);
  const period = periodOf(choice);
  const choose = (next: PeriodChoice) => router.replace(`${pathname}${choiceQuery(next)}`, { scroll: false });

  const overview = useQuery(trpc.analytics.overview.queryOptions(period));
  const delivery = useQuery(trpc.analytics.deliverability.queryOptions(period));
  const campaigns = useQuery(trpc.analytics.topCampaigns.queryOptions(period));

  const header = (
    <PageHeader
      title="Dashboard"
      description={`${period.from} to ${period.to} (UTC days), against the ${formatNumber(periodDays(period))} days before.`}
      actions={<PeriodPicker choice={choice} period={period} onChange={choose} />}
    />
  );
  if (overview.isPending || overview.isError) {
    return (
      <>
        {header}
        {overview.isError ? <LoadError error={overview.error} /> : <Loading />}
      </>
    );
  }
  const o = overview.data;
  if (!o.hasMessages) {
    return (
      <>
        <PageHeader title="Dashboard" description="Your texting at a glance, once messages go out." />
        <FirstRun hasContacts={o.hasContacts} />
      </>
    );
  }

  const now = o.current;
  const before = o.before;
  return (
    <>
      {header}
      <AlertsBanner />
      <div className="grid grid-cols-2 gap-3 lg:grid-cols-4">
        <FigureCard label="Sent" value={formatNumber(now.sent)} change={{ now: now.sent, before: before.sent }} href={periodMessages(period, SENT_LINK)} />
        <FigureCard
          label="Delivery rate"
          value={percent(now.delivered, now.sent)}
          detail={`${formatNumber(now.delivered)} delivered`}
          change={{ now: rate(now.delivered, now.sent), before: rate(before.delivered, before.sent), points: true, base: before.sent }}
          href={periodMessages(period, DELIVERED_LINK)}
        />
        <FigureCard
          label="Failed"
          value={formatNumber(now.failed)}
          detail={`${percent(now.failed, now.sent)} of sent`}
          change={{ now: now.failed, before: before.failed, lowerIsBetter: true }}
          href={periodMessages(period, FAILED_LINK)}
        />
        <FigureCard
          label="Reply rate"
          value={percent(now.received, now.delivered)}
          detail={`${formatNumber(now.received)} received`}
          change={{ now: rate(now.received, now.delivered), before: rate(before.received, before.delivered), points: true, base: before.delivered }}
          href={periodMessages(period, RECEIVED_LINK)}
        />
        <FigureCard
          label="Click rate"
          value={o.hasTrackedLinks ? percent(now.clickedMessages, now.delivered) : "—"}
          detail={o.hasTrackedLinks ? formatCount(now.clicks, "human click") : "No tracked links yet"}
          change={
            o.hasTrackedLinks
              ? { now: rate(now.clickedMessages, now.delivered), before: rate(before.clickedMessages, before.delivered), points: true, base: before.delivered }
              : undefined
          }
          href={o.hasTrackedLinks ? periodClickedMessages(period) : undefined}
        />
        <FigureCard
          label="Opt-out rate"
          value={percent(now.optOuts, now.sent)}
          detail={`${formatNumber(now.optOuts)} opt-outs`}
          change={{ now: rate(now.optOuts, now.sent), before: rate(before.optOuts, before.sent), lowerIsBetter: true, points: true, base: before.sent }}
          href={optedOutHref(period)}
        />
        <FigureCard
          label="Spend"
          value={formatMoney(now.priceMicros)}
          detail={`${formatNumber(now.segments)} segments`}
          change={{ now: now.priceMicros, before: before.priceMicros, lowerIsBetter: true, format: formatMoney }}
          href={periodMessages(period, SENT_LINK)}
        />
        <FigureCard label="New contacts" value={formatNumber(now.newContacts)} change={{ now: now.newContacts, before: before.newContacts }} href={newContactsHref(period)} />
      </div>

      <Card className="mt-6 p-4">
        <h2 className="mb-3 text-sm font-semibold">Messages per day</h2>
        <ActivityChart daily={o.daily} />
      </Card>

      <div className="mt-6 grid grid-cols-1 gap-6 lg:grid-cols-2">
        <Panel title="By source">
          <BySourceTable rows={o.bySource} period={period} />
        </Panel>
        <Panel title="New contacts" note="Where each came from: a CSV import, the API, added in the app, or a text they sent first.">
          <NewContactsTable rows={o.newContactsBySource} period={period} />
        </Panel>
        <Panel title="By sender number">
          {delivery.isPending ? <Loading /> : delivery.isError ? <LoadError error={delivery.error} /> : <BySenderTable rows={delivery.data.bySender} period={period} />}
        </Panel>
        <Panel title="Failures by error code">
          {delivery.isPending ? (
            <Loading />
          ) : delivery.isError ? (
            <LoadError error={delivery.error} />
          ) : delivery.data.byErrorCode.length === 0 ? (
            <p className="rounded-lg border border-dashed border-zinc-300 px-3 py-6 text-center text-sm text-zinc-500 dark:border-zinc-700">No failures in this period.</p>
          ) : (
            <ByErrorCodeTable rows={delivery.data.byErrorCode} period={period} sent={now.sent} />
          )}
        </Panel>
      </div>

      <div className="mt-6">
        <Panel title="Top campaigns" note="Replies and opt-outs are texts from a campaign's recipients within 5 days of it.">
          {campaigns.isPending ? (
            <Loading />
          ) : campaigns.isError ? (
            <LoadError error={campaigns.error} />
          ) : campaigns.data.length === 0 ? (
            <p className="rounded-lg border border-dashed border-zinc-300 px-3 py-6 text-center text-sm text-zinc-500 dark:border-zinc-700">No campaign sent messages in this period.</p>
          ) : (
            <TopCampaignsTable rows={campaigns.data} period={period} tracked={o.hasTrackedLinks} />
          )}
        </Panel>
      </div>
    </>
  );
}
