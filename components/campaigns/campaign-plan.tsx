"use client";
// The plan beside a draft: who gets the message and who is skipped and why (each reason downloadable),
// the segments and cost with each recipient's merge fields applied, the encoding warning, and when
// it starts and finishes at the senders' throughput through the recipients' quiet hours (and how many
// wait for their window to open), and an A/B test's part (ab-test-plan.tsx). Read again after each saved edit.
import { AlertTriangle } from "lucide-react";
import { formatCount, formatDateTime, formatNumber } from "@/components/app/format";
import { AbTestPlan } from "@/components/campaigns/ab-test-plan";
import type { CampaignPlanView } from "@/components/campaigns/campaign-types";
import { FINISH_HORIZON_DAYS } from "@/lib/campaigns/finish-time";
import { ExportButton } from "@/components/contacts/export-button";
import { Card } from "@/components/ui/card";
import { formatMoney } from "@/lib/money";

export const SKIP_LABELS: Record<string, string> = {
  OPTED_OUT: "Opted out",
  INVALID_NUMBER: "No valid number",
  FREQUENCY_CAPPED: "Frequency cap",
};

function duration(fromIso: string, toIso: string): string {
  const minutes = Math.max(0, Math.round((Date.parse(toIso) - Date.parse(fromIso)) / 60_000));
  if (minutes < 1) return "under a minute";
  if (minutes < 90) return formatCount(minutes, "minute");
  const hours = Math.round(minutes / 6) / 10;
  if (hours < 48) return `${hours} hours`;
  return `${Math.round(hours / 2.4) / 10} days`;
}

export function CampaignPlan({ campaignId, plan, stale }: { campaignId: string; plan: CampaignPlanView; stale: boolean }) {
  const skipped = Object.entries(plan.skipped).filter(([, n]) => n > 0);
  const totalSkipped = skipped.reduce((sum, [, n]) => sum + n, 0);
  return (
    <Card className={`space-y-4 p-4 transition-opacity ${stale ? "opacity-60" : ""}`} aria-busy={stale || undefined} data-testid="campaign-plan">
      <div>
        <h2 className="text-sm font-semibold">Plan</h2>
        <p className="text-xs text-zinc-500">What sending now would do, from the audience as it is now.</p>
      </div>
      <dl className="grid grid-cols-2 gap-3">
        <div>
          <dt className="text-xs text-zinc-500">Recipients</dt>
          <dd className="text-2xl font-semibold tabular-nums" data-testid="plan-recipients">
            {formatNumber(plan.recipients)}
          </dd>
        </div>
        <div>
          <dt className="text-xs text-zinc-500">Skipped</dt>
          <dd className="text-2xl font-semibold tabular-nums">{formatNumber(totalSkipped)}</dd>
        </div>
        <div>
          <dt className="text-xs text-zinc-500">Segments</dt>
          <dd className="font-medium tabular-nums">{formatNumber(plan.segments)}</dd>
        </div>
        <div>
          <dt className="text-xs text-zinc-500">Cost</dt>
          <dd className="font-medium tabular-nums">
            {plan.abTest?.costAtMost && "at most "}
            {formatMoney(plan.costMicros)}
          </dd>
        </div>
      </dl>
      {plan.abTest && <AbTestPlan ab={plan.abTest} />}
      {skipped.length > 0 && (
        <ul className="space-y-1.5 border-t border-zinc-100 pt-3 text-sm dark:border-zinc-800" aria-label="Skipped by reason">
          {skipped.map(([reason, n]) => (
            <li key={reason} className="flex items-center justify-between gap-2">
              <span>
                {SKIP_LABELS[reason] ?? reason}: <span className="tabular-nums">{formatNumber(n)}</span>
              </span>
              <ExportButton
                source={{ campaignId, skipReason: reason }}
                label="CSV"
                className="inline-flex items-center gap-1 text-xs font-medium text-brand-600 hover:underline dark:text-brand-400"
              />
            </li>
          ))}
        </ul>
      )}
      {plan.duplicates > 0 && (
        <p className="text-xs text-zinc-500">
          {formatCount(plan.duplicates, "contact")} in more than one list or segment: each gets one message.
        </p>
      )}
      {plan.bySegments.length > 1 && (
        <ul className="space-y-0.5 text-xs text-zinc-600 dark:text-zinc-400" aria-label="Recipients by segments">
          {plan.bySegments.map((b) => (
            <li key={b.segments}>
              {formatCount(b.recipients, "recipient")} get {formatCount(b.segments, "segment")}
            </li>
          ))}
        </ul>
      )}
      {plan.optOut > 0 && (
        <p className="text-xs text-zinc-500" data-testid="plan-opt-out">
          {plan.optOut === plan.recipients ? "Every recipient gets" : `${formatCount(plan.optOut, "recipient")} get`} the opt-out language
          {plan.optOut < plan.recipients && " (their first marketing text from you)"}; it is counted in the segments and cost.
        </p>
      )}
      {plan.warning && (
        <p role="status" className="flex gap-2 rounded-md bg-amber-50 p-2 text-xs text-amber-900 dark:bg-amber-900/30 dark:text-amber-200">
          <AlertTriangle className="h-4 w-4 shrink-0" aria-hidden />
          {plan.warning}
        </p>
      )}
      <div className="space-y-1 border-t border-zinc-100 pt-3 text-sm dark:border-zinc-800">
        <p>
          Starts <span className="font-medium">{formatDateTime(plan.startAt)}</span>
        </p>
        {plan.finishAt ? (
          <p>
            Finishes about <span className="font-medium">{formatDateTime(plan.finishAt)}</span>{" "}
            <span className="text-zinc-500">({duration(plan.startAt, plan.finishAt)})</span>
          </p>
        ) : plan.recipients === 0 ? (
          <p className="text-zinc-500">No one would get it.</p>
        ) : (
          <p>
            Finishes in <span className="font-medium">more than {FINISH_HORIZON_DAYS} days</span>: add senders or send to fewer.
          </p>
        )}
        {plan.heldAtStart > 0 && (
          <p className="text-xs text-amber-800 dark:text-amber-300" data-testid="plan-held">
            {formatCount(plan.heldAtStart, "recipient")} {plan.heldAtStart === 1 ? "is" : "are"} in quiet hours at the start and will get it
            from {plan.heldUntilLocal} their time.
          </p>
        )}
        {plan.senders.length > 0 && (
          <ul className="space-y-0.5 text-xs text-zinc-600 dark:text-zinc-400" aria-label="By sender">
            {plan.senders.map((s) => (
              <li key={s.id}>
                {s.address}: {formatCount(s.recipients, "recipient")} at {s.throughput}/s
                {s.recipients > 0 && <> · done {s.finishAt ? `${duration(plan.startAt, s.finishAt)} after the start` : `after more than ${FINISH_HORIZON_DAYS} days`}</>}
              </li>
            ))}
          </ul>
        )}
        <p className="text-xs text-zinc-500">Counting quiet hours: a recipient&apos;s message waits while their window is closed and goes when it opens.</p>
      </div>
    </Card>
  );
}
