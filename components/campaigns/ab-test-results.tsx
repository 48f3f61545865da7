"use client";
// An A/B campaign's results: how it was run, the winner with the explanation it was picked on (or
// when it will be), each variant's funnel with the counts behind every rate (each row opens its
// recipients in the table below), and its click and reply rates side by side (Recharts).
import { AlertTriangle, Trophy } from "lucide-react";
import { Bar, BarChart, CartesianGrid, ResponsiveContainer, Tooltip, XAxis, YAxis, type TooltipContentProps } from "recharts";
import type { NameType, ValueType } from "recharts/types/component/DefaultTooltipContent";
import { formatDateTime, formatNumber } from "@/components/app/format";
import type { CampaignStatsView, CampaignView } from "@/components/campaigns/campaign-types";
import { ChartLegend } from "@/components/campaigns/chart-legend";
import { percent } from "@/components/campaigns/rates";
import { Card } from "@/components/ui/card";
import { Table, Td, Th } from "@/components/ui/table";
import { variantLetter } from "@/lib/campaigns/campaign-input";
import type { RecipientVariant } from "@/lib/campaigns/results-input";

type AbStats = NonNullable<CampaignStatsView["abTest"]>;

const nameOf = (variant: number | null, winner: number | null) =>
  variant === null ? `The rest (${winner === null ? "winner" : variantLetter(winner)})` : `Variant ${variantLetter(variant)}`;

const SERIES = [
  { key: "click", label: "Click rate", color: "#2f7df6" },
  { key: "reply", label: "Reply rate", color: "#10b981" },
] as const;

function describe(ab: AbStats): string {
  if (ab.mode === "split") return `The whole audience split evenly across ${ab.variants.filter((v) => v.variant !== null).length || "the"} variants.`;
  const by = ab.metric === "replies" ? "reply rate" : "click rate";
  return `${ab.sharePercent}% of the audience tested, the winner by ${by} after ${waitText(ab.waitMinutes)}, sent to the rest.`;
}

const waitText = (minutes: number) => (minutes % 60 === 0 ? `${minutes / 60} hour${minutes === 60 ? "" : "s"}` : `${minutes} minute${minutes === 1 ? "" : "s"}`);

export function AbTestResults({ ab, onShow }: { ab: AbStats; onShow: (variant: RecipientVariant) => void }) {
  const rows = ab.variants;
  const chart = rows
    .filter((v) => v.variant !== null)
    .map((v) => ({ name: variantLetter(v.variant!), click: v.delivered ? (100 * v.clicked) / v.delivered : 0, reply: v.delivered ? (100 * v.replied) / v.delivered : 0 }));
  return (
    <Card className="space-y-4 p-4" data-testid="ab-results">
      <div>
        <h2 className="text-base font-semibold">A/B test</h2>
        <p className="text-sm text-zinc-600 dark:text-zinc-400">{describe(ab)}</p>
      </div>
      {ab.mode === "winner" &&
        (ab.decision && ab.winner !== null ? (
          <div className="space-y-2 rounded-md border border-emerald-200 bg-emerald-50 p-3 text-sm dark:border-emerald-800 dark:bg-emerald-900/20" data-testid="ab-winner">
            <p className="flex flex-wrap items-center gap-x-2 font-semibold text-emerald-900 dark:text-emerald-200">
              <Trophy className="h-4 w-4" aria-hidden /> Winner: variant {variantLetter(ab.winner)}
              {ab.decision.tooFew && (
                <span className="inline-flex items-center gap-1 rounded bg-amber-100 px-1.5 text-xs font-medium text-amber-900 dark:bg-amber-900/40 dark:text-amber-200">
                  <AlertTriangle className="h-3.5 w-3.5" aria-hidden /> Too few to be sure
                </span>
              )}
            </p>
            {ab.decidedAt && <p className="text-xs text-emerald-800 dark:text-emerald-300">Picked {formatDateTime(ab.decidedAt)}</p>}
            <p className="text-emerald-950 dark:text-emerald-100">{ab.decision.explanation}</p>
          </div>
        ) : (
          <p className="rounded-md bg-zinc-50 p-3 text-sm text-zinc-700 dark:bg-zinc-800/60 dark:text-zinc-300">
            {ab.decideAt ? <>The winner is picked {formatDateTime(ab.decideAt)}; the rest wait until then.</> : "The winner is picked after the wait, from the start."}
          </p>
        ))}
      {rows.length > 0 && (
        <Table cards="inline" aria-label="Results by variant">
          <thead>
            <tr>
              <Th>Variant</Th>
              <Th className="text-right">Sent</Th>
              <Th className="text-right">Delivered</Th>
              <Th className="text-right">Clicked</Th>
              <Th className="text-right">Replied</Th>
              <Th className="text-right">Opted out</Th>
            </tr>
          </thead>
          <tbody>
            {rows.map((v) => (
              <tr key={v.variant ?? "rest"}>
                <Td>
                  <button type="button" className="whitespace-nowrap font-medium text-brand-600 hover:underline dark:text-brand-400" onClick={() => onShow(v.variant ?? "rest")}>
                    {nameOf(v.variant, ab.winner)}
                  </button>
                  <span className="block whitespace-nowrap text-xs text-zinc-500">{formatNumber(v.recipients)} recipients</span>
                </Td>
                <Td className="text-right tabular-nums">{formatNumber(v.sent)}</Td>
                <Counted part={v.delivered} whole={v.sent} />
                <Counted part={v.clicked} whole={v.delivered} />
                <Counted part={v.replied} whole={v.delivered} />
                <Counted part={v.optedOut} whole={v.sent} />
              </tr>
            ))}
          </tbody>
        </Table>
      )}
      <p className="text-xs text-zinc-500">Clicks are people&apos;s, not link previews or scanners&apos;; click and reply rates are of delivered messages, as the winner is picked.</p>
      {chart.some((c) => c.click > 0 || c.reply > 0) && (
        <figure>
          <div className="h-48 text-zinc-500" role="img" aria-label="Click and reply rate by variant">
            <ResponsiveContainer width="100%" height="100%">
              <BarChart data={chart} margin={{ top: 8, right: 8, bottom: 0, left: -12 }}>
                <CartesianGrid strokeDasharray="3 3" stroke="currentColor" strokeOpacity={0.2} vertical={false} />
                <XAxis dataKey="name" stroke="currentColor" fontSize={11} />
                <YAxis stroke="currentColor" fontSize={11} tickFormatter={(v: number) => `${v}%`} />
                <Tooltip cursor={{ fill: "currentColor", fillOpacity: 0.08 }} content={(props) => <RateTooltip {...props} />} />
                {SERIES.map((s) => (
                  <Bar key={s.key} dataKey={s.key} fill={s.color} isAnimationActive={false} />
                ))}
              </BarChart>
            </ResponsiveContainer>
          </div>
          <ChartLegend series={SERIES} suffix="by variant" />
        </figure>
      )}
    </Card>
  );
}

function RateTooltip({ active, payload, label }: TooltipContentProps<ValueType, NameType>) {
  if (!active || !payload?.length) return null;
  return (
    <div className="rounded-md border border-zinc-200 bg-white px-3 py-2 text-xs shadow-md dark:border-zinc-700 dark:bg-zinc-900">
      <p className="mb-1 font-medium">Variant {String(label)}</p>
      {payload.map((p) => (
        <p key={String(p.dataKey)} className="tabular-nums">
          <span className="mr-1.5 inline-block h-2 w-2 rounded-full" style={{ background: p.color }} />
          {SERIES.find((s) => s.key === p.dataKey)?.label}: {Number(p.value).toFixed(1)}%
        </p>
      ))}
    </div>
  );
}

function Counted({ part, whole }: { part: number; whole: number }) {
  return (
    <Td className="text-right tabular-nums">
      {formatNumber(part)}
      <span className="block text-xs text-zinc-500">{percent(part, whole)}</span>
    </Td>
  );
}

/** Each variant's message as written, the winner marked. */
export function VariantMessages({ campaign }: { campaign: Pick<CampaignView, "variants" | "winnerVariant"> }) {
  return (
    <ul className="space-y-3">
      {campaign.variants.map((v, i) => (
        <li key={i}>
          <p className="text-xs font-medium text-zinc-500">
            Variant {variantLetter(i)}
            {campaign.winnerVariant === i && " · winner"}
            {v.mediaIds.length > 0 && ` · ${v.mediaIds.length} attachment${v.mediaIds.length === 1 ? "" : "s"}`}
          </p>
          <p className="whitespace-pre-wrap break-words text-sm">{v.body}</p>
        </li>
      ))}
    </ul>
  );
}
