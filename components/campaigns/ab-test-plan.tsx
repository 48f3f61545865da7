"use client";
// The A/B part of the plan beside a draft: each variant's recipients, segments and cost, a test then
// winner's share, rest and decision time, and the refusal when the audience is too small to test.
import { AlertTriangle } from "lucide-react";
import { formatCount, formatDateTime, formatNumber } from "@/components/app/format";
import type { CampaignPlanView } from "@/components/campaigns/campaign-types";
import { formatMoney } from "@/lib/money";

export function AbTestPlan({ ab }: { ab: NonNullable<CampaignPlanView["abTest"]> }) {
  return (
    <div className="space-y-2 border-t border-zinc-100 pt-3 text-sm dark:border-zinc-800" data-testid="plan-ab">
      <p className="font-medium">
        {ab.mode === "split" ? "A/B split" : `A/B test on ${ab.sharePercent}%, then the winner`}
      </p>
      <ul className="space-y-0.5 text-xs text-zinc-600 dark:text-zinc-400" aria-label="By variant">
        {ab.variants.map((v) => (
          <li key={v.variant}>
            {v.variant}: {formatCount(v.recipients, "recipient")} · {formatCount(v.segments, "segment")} · {formatMoney(v.costMicros)}
          </li>
        ))}
      </ul>
      {ab.mode === "winner" && ab.rest !== null && (
        <p className="text-xs text-zinc-600 dark:text-zinc-400">
          {formatNumber(ab.rest)} more get the winner{ab.metric === "replies" ? " by reply rate" : " by click rate"}
          {ab.decideAt && <>, picked {formatDateTime(ab.decideAt)}</>}. Segments and cost count them at the costliest variant: at most that.
        </p>
      )}
      {ab.tooFew && (
        <p role="alert" className="flex gap-2 rounded-md bg-amber-50 p-2 text-xs text-amber-900 dark:bg-amber-900/30 dark:text-amber-200">
          <AlertTriangle className="h-4 w-4 shrink-0" aria-hidden />
          {ab.tooFew}
        </p>
      )}
    </div>
  );
}
