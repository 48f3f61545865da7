"use client";
// A campaign once it is scheduled or sending, and after: its controls, a progress bar, the funnel,
// delivery and clicks over time, an A/B test's results by variant and its winner, failures by the
// carrier's error code, and the recipients by outcome (and variant). Polled while it sends.
import { useQuery } from "@tanstack/react-query";
import { useRef, useState } from "react";
import { formatDateTime, formatNumber } from "@/components/app/format";
import { AbTestResults, VariantMessages } from "@/components/campaigns/ab-test-results";
import { CampaignControls } from "@/components/campaigns/campaign-controls";
import { CampaignFunnel } from "@/components/campaigns/campaign-funnel";
import { CampaignRecipientsTable } from "@/components/campaigns/campaign-recipients-table";
import { isLive } from "@/components/campaigns/campaign-status-badge";
import type { CampaignView } from "@/components/campaigns/campaign-types";
import { percent } from "@/components/campaigns/rates";
import { CLICK_SERIES, DELIVERY_SERIES, TimelineChart } from "@/components/campaigns/timeline-chart";
import { Card } from "@/components/ui/card";
import { LoadError, Loading } from "@/components/ui/query-state";
import { Table, Td, Th } from "@/components/ui/table";
import type { RecipientOutcome, RecipientVariant } from "@/lib/campaigns/results-input";
import { useTRPC } from "@/lib/trpc/react";

export function CampaignResults({ campaign }: { campaign: CampaignView }) {
  const trpc = useTRPC();
  const live = isLive(campaign.status);
  const every = (ms: number) => (live ? ms : false);
  const stats = useQuery(trpc.campaigns.stats.queryOptions({ id: campaign.id }, { refetchInterval: every(5_000) }));
  const timeline = useQuery(trpc.campaigns.timeline.queryOptions({ id: campaign.id }, { refetchInterval: every(10_000) }));
  const clicks = useQuery(trpc.campaigns.clicks.queryOptions({ id: campaign.id }, { refetchInterval: every(10_000) }));
  const failures = useQuery(trpc.campaigns.failures.queryOptions({ id: campaign.id }, { refetchInterval: every(10_000) }));
  const [outcome, setOutcome] = useState<RecipientOutcome>("all");
  const [variant, setVariant] = useState<RecipientVariant | undefined>(undefined);
  const table = useRef<HTMLDivElement>(null);
  function show(next: RecipientOutcome) {
    setOutcome(next);
    table.current?.scrollIntoView({ behavior: "smooth", block: "start" });
  }
  function showVariant(next: RecipientVariant) {
    setVariant(next);
    show("all");
  }
  const ab = stats.data?.abTest;

  const f = stats.data?.funnel;
  const done = f ? f.sent + f.failed + f.canceled : 0;
  return (
    <div className="space-y-6">
      <div className="flex flex-wrap items-start justify-between gap-3">
        <p className="text-sm text-zinc-600 dark:text-zinc-400">
          {campaign.status === "SCHEDULED" && campaign.startAt && <>Starts {formatDateTime(campaign.startAt)}. </>}
          {campaign.startedAt && <>Started {formatDateTime(campaign.startedAt)}. </>}
          {campaign.completedAt && <>Finished {formatDateTime(campaign.completedAt)}. </>}
          {campaign.canceledAt && <>Canceled {formatDateTime(campaign.canceledAt)}. </>}
        </p>
        <CampaignControls campaign={campaign} />
      </div>
      {f && f.recipients > 0 && (
        <div>
          <div className="mb-1 flex justify-between text-xs text-zinc-600 dark:text-zinc-400">
            <span>
              {formatNumber(done)} of {formatNumber(f.recipients)} done
            </span>
            <span>{percent(done, f.recipients)}</span>
          </div>
          <div
            className="h-2 overflow-hidden rounded-full bg-zinc-100 dark:bg-zinc-800"
            role="progressbar"
            aria-label="Campaign progress"
            aria-valuemin={0}
            aria-valuemax={f.recipients}
            aria-valuenow={done}
          >
            <div className="h-full rounded-full bg-brand-500 transition-[width]" style={{ width: `${(100 * done) / f.recipients}%` }} />
          </div>
        </div>
      )}
      <div className="grid grid-cols-1 gap-6 lg:grid-cols-2">
        <Card className="p-4">
          <h2 className="mb-3 text-base font-semibold">Funnel</h2>
          {stats.isPending ? <Loading /> : stats.isError ? <LoadError error={stats.error} /> : <CampaignFunnel stats={stats.data} onShow={show} />}
          {f && f.sent > 0 && (
            <dl className="mt-4 grid grid-cols-2 gap-2 border-t border-zinc-100 pt-3 text-center sm:grid-cols-4 dark:border-zinc-800">
              <Rate label="Delivery rate" value={percent(f.delivered, f.sent)} />
              <Rate label="Click rate" value={percent(f.clicked, f.sent)} />
              <Rate label="Reply rate" value={percent(f.replied, f.sent)} />
              <Rate label="Opt-out rate" value={percent(f.optedOut, f.sent)} />
            </dl>
          )}
        </Card>
        <Card className="p-4">
          <h2 className="mb-3 text-base font-semibold">Delivery over time</h2>
          {timeline.isPending ? (
            <Loading />
          ) : timeline.isError ? (
            <LoadError error={timeline.error} />
          ) : (
            <TimelineChart timeline={timeline.data} series={DELIVERY_SERIES} what="Messages sent, delivered and failed" empty="Nothing sent yet: the chart fills in as messages go out." />
          )}
        </Card>
        {campaign.trackLinks && (
          <Card className="p-4 lg:col-span-2">
            <h2 className="mb-3 text-base font-semibold">Clicks over time</h2>
            {clicks.isPending ? (
              <Loading />
            ) : clicks.isError ? (
              <LoadError error={clicks.error} />
            ) : (
              <TimelineChart
                timeline={clicks.data}
                series={CLICK_SERIES}
                what="Clicks of the campaign's links"
                empty="No clicks yet. Link previews, security scanners and clicks within seconds of delivery are not counted."
              />
            )}
          </Card>
        )}
      </div>
      {ab && <AbTestResults ab={ab} onShow={showVariant} />}
      {failures.data && failures.data.length > 0 && (
        <section className="space-y-3">
          <h2 className="text-base font-semibold">Failures by error code</h2>
          <Table aria-label="Failures by error code">
            <thead>
              <tr>
                <Th>Code</Th>
                <Th>Carrier&apos;s reason</Th>
                <Th className="text-right">Failed</Th>
                <Th className="text-right">Undelivered</Th>
              </tr>
            </thead>
            <tbody>
              {failures.data.map((x) => (
                <tr key={x.errorCode ?? "none"}>
                  <Td className="font-mono text-xs">{x.errorCode ?? "—"}</Td>
                  <Td className="text-zinc-600 dark:text-zinc-400">{x.errorMessage}</Td>
                  <Td className="text-right tabular-nums">
                    {x.failed > 0 ? (
                      <button type="button" className="text-brand-600 hover:underline dark:text-brand-400" onClick={() => show("failed")}>
                        {formatNumber(x.failed)}
                      </button>
                    ) : (
                      0
                    )}
                  </Td>
                  <Td className="text-right tabular-nums">
                    {x.undelivered > 0 ? (
                      <button type="button" className="text-brand-600 hover:underline dark:text-brand-400" onClick={() => show("undelivered")}>
                        {formatNumber(x.undelivered)}
                      </button>
                    ) : (
                      0
                    )}
                  </Td>
                </tr>
              ))}
            </tbody>
          </Table>
        </section>
      )}
      <Card className="p-4">
        <h2 className="text-base font-semibold">{campaign.variants.length ? "Messages" : "Message"}</h2>
        <p className="mb-2 text-xs text-zinc-500">As written: each recipient got it with their own merge fields filled in.</p>
        {campaign.variants.length ? <VariantMessages campaign={campaign} /> : <p className="whitespace-pre-wrap break-words text-sm">{campaign.body}</p>}
      </Card>
      <div ref={table} className="scroll-mt-4">
        <CampaignRecipientsTable
          campaignId={campaign.id}
          outcome={outcome}
          onOutcome={setOutcome}
          live={live}
          variants={campaign.variants.length ? { count: campaign.variants.length, rest: campaign.abTest?.mode === "winner", value: variant, onChange: setVariant } : undefined}
        />
      </div>
    </div>
  );
}

function Rate({ label, value }: { label: string; value: string }) {
  return (
    <div>
      <dt className="text-xs text-zinc-500">{label}</dt>
      <dd className="text-lg font-semibold tabular-nums">{value}</dd>
    </div>
  );
}
