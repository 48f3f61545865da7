"use client";
// Deliverability alerts over the last 7 days: failures or opt-outs above the org's thresholds
// (Settings → Alerts), each with the messages or contacts behind it.
import { useQuery } from "@tanstack/react-query";
import { TriangleAlert } from "lucide-react";
import Link from "next/link";
import { formatNumber } from "@/components/app/format";
import { percent } from "@/components/campaigns/rates";
import { FAILED_LINK, optedOutHref, periodMessages } from "@/components/dashboard/links";
import { useTRPC } from "@/lib/trpc/react";

const bpsText = (bps: number) => `${bps / 100}%`;

export function AlertsBanner() {
  const trpc = useTRPC();
  const alerts = useQuery(trpc.analytics.alerts.queryOptions());
  if (!alerts.data || alerts.data.alerts.length === 0) return null;
  const { window, sent } = alerts.data;
  return (
    <div role="alert" className="mb-6 space-y-2 rounded-lg border border-amber-300 bg-amber-50 p-4 text-sm text-amber-900 dark:border-amber-700/60 dark:bg-amber-950/40 dark:text-amber-100">
      {alerts.data.alerts.map((a) => (
        <p key={a.kind} className="flex items-start gap-2">
          <TriangleAlert className="mt-0.5 h-4 w-4 shrink-0" aria-hidden />
          <span>
            {a.kind === "failures" ? "Failures" : "Opt-outs"} are {percent(a.count, sent)} of the {formatNumber(sent)} messages sent over the last 7 days, above your{" "}
            {bpsText(a.thresholdBps)} threshold.{" "}
            <Link className="font-medium underline" href={a.kind === "failures" ? periodMessages(window, FAILED_LINK) : optedOutHref(window)}>
              See the {formatNumber(a.count)} {a.kind === "failures" ? "failed messages" : "opted-out contacts"}
            </Link>{" "}
            ·{" "}
            <Link className="underline" href="/settings/alerts">
              Thresholds
            </Link>
          </span>
        </p>
      ))}
    </div>
  );
}
