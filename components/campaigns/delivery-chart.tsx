"use client";
// A campaign's delivery over time: messages sent, delivered and failed per minute or hour, stacked
// bars (Recharts). Colours read on light and dark backgrounds; axes and grid take the text colour.
import { Bar, BarChart, CartesianGrid, ResponsiveContainer, Tooltip, XAxis, YAxis, type TooltipContentProps } from "recharts";
import type { NameType, ValueType } from "recharts/types/component/DefaultTooltipContent";
import { formatNumber } from "@/components/app/format";
import { ChartLegend } from "@/components/campaigns/chart-legend";
import type { CampaignTimeline } from "@/lib/campaigns/campaign-results";

const SERIES = [
  { key: "sent", label: "Sent", color: "#2f7df6" },
  { key: "delivered", label: "Delivered", color: "#10b981" },
  { key: "failed", label: "Failed or undelivered", color: "#ef4444" },
] as const;

function tick(iso: string, unit: CampaignTimeline["unit"]): string {
  const d = new Date(iso);
  return unit === "minute"
    ? d.toLocaleTimeString("en-US", { hour: "numeric", minute: "2-digit" })
    : d.toLocaleString("en-US", { month: "short", day: "numeric", hour: "numeric" });
}

function TooltipBox({ active, payload, label, unit }: TooltipContentProps<ValueType, NameType> & { unit: CampaignTimeline["unit"] }) {
  if (!active || !payload?.length) return null;
  return (
    <div className="rounded-md border border-zinc-200 bg-white px-3 py-2 text-xs shadow-md dark:border-zinc-700 dark:bg-zinc-900">
      <p className="mb-1 font-medium">{tick(String(label), unit)}</p>
      {payload.map((p) => (
        <p key={String(p.dataKey)} className="tabular-nums">
          <span className="mr-1.5 inline-block h-2 w-2 rounded-full" style={{ background: p.color }} />
          {SERIES.find((s) => s.key === p.dataKey)?.label}: {formatNumber(Number(p.value))}
        </p>
      ))}
    </div>
  );
}

export function DeliveryChart({ timeline }: { timeline: CampaignTimeline }) {
  if (timeline.points.length === 0) {
    return <p className="py-10 text-center text-sm text-zinc-500">Nothing sent yet: the chart fills in as messages go out.</p>;
  }
  return (
    <figure>
      <div className="h-56 text-zinc-500 sm:h-64" role="img" aria-label={`Messages sent, delivered and failed per ${timeline.unit}`}>
        <ResponsiveContainer width="100%" height="100%">
          <BarChart data={timeline.points} margin={{ top: 8, right: 8, bottom: 0, left: -12 }}>
            <CartesianGrid strokeDasharray="3 3" stroke="currentColor" strokeOpacity={0.2} vertical={false} />
            <XAxis dataKey="at" tickFormatter={(v: string) => tick(v, timeline.unit)} stroke="currentColor" fontSize={11} minTickGap={24} />
            <YAxis stroke="currentColor" fontSize={11} allowDecimals={false} tickFormatter={(v: number) => formatNumber(v)} />
            <Tooltip cursor={{ fill: "currentColor", fillOpacity: 0.08 }} content={(props) => <TooltipBox {...props} unit={timeline.unit} />} />
            {SERIES.map((s) => (
              <Bar key={s.key} dataKey={s.key} fill={s.color} isAnimationActive={false} />
            ))}
          </BarChart>
        </ResponsiveContainer>
      </div>
      <ChartLegend series={SERIES} suffix={`per ${timeline.unit}`} />
    </figure>
  );
}
