"use client";
// The funnel of a campaign: from its audience to delivered and replied, each stage a bar against the
// recipients, each figure a button that shows the recipients behind it in the table below. Clicked
// counts recipients (unique) and says the clicks in all beside it.
import { formatNumber } from "@/components/app/format";
import type { CampaignStatsView } from "@/components/campaigns/campaign-types";
import { SKIP_LABELS } from "@/components/campaigns/campaign-plan";
import { percent } from "@/components/campaigns/rates";
import type { RecipientOutcome } from "@/lib/campaigns/results-input";

interface Stage {
  label: string;
  value: number;
  outcome?: RecipientOutcome;
  tone: string;
  /** Said in the label's title (its tooltip) and to screen readers. */
  detail?: string;
}

export function CampaignFunnel({ stats, onShow }: { stats: CampaignStatsView; onShow: (outcome: RecipientOutcome) => void }) {
  const f = stats.funnel;
  const whole = Math.max(f.recipients, 1);
  const stages: Stage[] = [
    { label: "Recipients", value: f.recipients, outcome: "all", tone: "bg-zinc-400" },
    // Recipients whose message is not made yet (their time has not come, or the fan-out is pacing).
    { label: "Not yet made", value: f.waiting, tone: "bg-zinc-300 dark:bg-zinc-600" },
    {
      label: stats.campaign.status === "PAUSED" ? "Held while paused" : "Held for quiet hours",
      value: f.held,
      outcome: "held",
      tone: "bg-sky-300 dark:bg-sky-700",
    },
    { label: "Queued", value: f.queued, outcome: "queued", tone: "bg-zinc-300 dark:bg-zinc-600" },
    { label: "Sent", value: f.sent, outcome: "sent", tone: "bg-brand-500" },
    { label: "Delivered", value: f.delivered, outcome: "delivered", tone: "bg-emerald-500" },
    { label: "Undelivered", value: f.undelivered, outcome: "undelivered", tone: "bg-amber-500" },
    { label: "Failed", value: f.failed, outcome: "failed", tone: "bg-red-500" },
    { label: "Canceled", value: f.canceled, outcome: "canceled", tone: "bg-zinc-400" },
    { label: "Clicked a link", value: f.clicked, outcome: "clicked", tone: "bg-teal-500", detail: f.clicks > f.clicked ? `${formatNumber(f.clicks)} clicks` : undefined },
    { label: `Replied in ${stats.replyDays} days`, value: f.replied, tone: "bg-violet-500" },
    { label: "Opted out since", value: f.optedOut, tone: "bg-rose-400" },
  ];
  const skipped = Object.entries(f.skipped).filter(([, n]) => (n ?? 0) > 0) as [RecipientOutcome, number][];
  return (
    <div className="space-y-4">
      <ul className="space-y-2" aria-label="Funnel">
        {stages.map((s) => (
          <li key={s.label} className="grid grid-cols-[9rem_minmax(0,1fr)_5.5rem] items-center gap-2 text-sm sm:grid-cols-[12rem_minmax(0,1fr)_7rem]">
            <span className="truncate text-zinc-600 dark:text-zinc-400" title={s.detail}>
              {s.label}
              {s.detail && <span className="block truncate text-xs text-zinc-500">{s.detail}</span>}
            </span>
            <span className="h-2.5 overflow-hidden rounded-full bg-zinc-100 dark:bg-zinc-800" aria-hidden>
              <span className={`block h-full rounded-full ${s.tone}`} style={{ width: `${Math.min(100, (100 * s.value) / whole)}%` }} />
            </span>
            <span className="text-right tabular-nums">
              {s.outcome && s.value > 0 ? (
                <button type="button" className="font-medium text-brand-600 hover:underline dark:text-brand-400" onClick={() => onShow(s.outcome!)}>
                  {formatNumber(s.value)}
                </button>
              ) : (
                <span className="font-medium">{formatNumber(s.value)}</span>
              )}
              {s.label !== "Recipients" && <span className="ml-1 text-xs text-zinc-500">{percent(s.value, f.recipients)}</span>}
            </span>
          </li>
        ))}
      </ul>
      {(skipped.length > 0 || f.duplicates > 0) && (
        <p className="text-sm text-zinc-600 dark:text-zinc-400">
          Skipped:{" "}
          {skipped.map(([reason, n], i) => (
            <span key={reason}>
              {i > 0 && ", "}
              <button type="button" className="font-medium text-brand-600 hover:underline dark:text-brand-400" onClick={() => onShow(reason)}>
                {formatNumber(n)} {SKIP_LABELS[reason]?.toLowerCase() ?? reason}
              </button>
            </span>
          ))}
          {skipped.length === 0 && "none"}
          {f.duplicates > 0 && <>; {formatNumber(f.duplicates)} in more than one list or segment got one message</>}.
        </p>
      )}
    </div>
  );
}
