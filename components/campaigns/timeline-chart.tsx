"use client";
// A campaign's figures over time as bars per minute, hour or day (Recharts): its delivery (sent,
// delivered, failed) and its clicks. Colours read on light and dark backgrounds; axes and grid take
// the text colour.
import { Bar, BarChart, CartesianGrid, ResponsiveContainer, Tooltip, XAxis, YAxis, type TooltipContentProps } from "recharts";
import type { NameType, ValueType } from "recharts/types/component/DefaultTooltipContent";
import { formatNumber } from "@/components/app/format";
import { ChartLegend } from "@/components/campaigns/chart-legend";

type Unit = "minute" | "hour" | "day";
interface Series {
  key: string;
  label: string;
  color: string;
}

export const DELIVERY_SERIES: Series[] = [
  { key: "sent", label: "Sent", color: "#2f7df6" },
  { key: "delivered", label: "Delivered", color: "#10b981" },
  { key: "failed", label: "Failed or undelivered", color: "#ef4444" },
];

export const CLICK_SERIES: Series[] = [
  { key: "clicks", label: "Clicks", color: "#14b8a6" },
  { key: "first", label: "Recipients' first clicks", color: "#8b5cf6" },
];

function tick(iso: string, unit: Unit): string {
  const d = new Date(iso);
  if (unit === "minute") return d.toLocaleTimeString("en-US", { hour: "numeric", minute: "2-digit" });
  if (unit === "day") return d.toLocaleDateString("en-US", { month: "short", day: "numeric" });
  return d.toLocaleString("en-US", { month: "short", day: "numeric", hour: "numeric" });
}

function TooltipBox({ active, payload, label, unit, series }: TooltipContentProps<ValueType, NameType> & { unit: Unit; series: Series[] }) {
  if (!active || !payload?.length) return null;
  return (
    <div className="rounded-md border border-zinc-200 bg-white px-3 py-2 text-xs shadow-md dark:border-zinc-700 dark:bg-zinc-900">
      <p className="mb-1 font-medium">{tick(String(label), unit)}</p>
      {payload.map((p) => (
        <p key={String(p.dataKey)} className="tabular-nums">
          <span className="mr-1.5 inline-block h-2 w-2 rounded-full" style={{ background: p.color }} />
          {series.find((s) => s.key === p.dataKey)?.label}: {formatNumber(Number(p.value))}
        </p>
      ))}
    </div>
  );
}

export function TimelineChart({ timeline, series, what, empty }: { timeline: { unit: Unit; points: { at: string }[] }; series: Series[]; what: string; empty: string }) {
  if (timeline.points.length === 0) return <p className="py-10 text-center text-sm text-zinc-500">{empty}</p>;
  return (
    <figure>
      <div className="h-56 text-zinc-500 sm:h-64" role="img" aria-label={`${what} per ${timeline.unit}`}>
        <ResponsiveContainer width="100%" height="100%">
          <BarChart data={timeline.points} margin={{ top: 8, right: 8, bottom: 0, left: -12 }}>
            <CartesianGrid strokeDasharray="3 3" stroke="currentColor" strokeOpacity={0.2} vertical={false} />
            <XAxis dataKey="at" tickFormatter={(v: string) => tick(v, timeline.unit)} stroke="currentColor" fontSize={11} minTickGap={24} />
            <YAxis stroke="currentColor" fontSize={11} allowDecimals={false} tickFormatter={(v: number) => formatNumber(v)} />
            <Tooltip cursor={{ fill: "currentColor", fillOpacity: 0.08 }} content={(props) => <TooltipBox {...props} unit={timeline.unit} series={series} />} />
            {series.map((s) => (
              <Bar key={s.key} dataKey={s.key} fill={s.color} isAnimationActive={false} />
            ))}
          </BarChart>
        </ResponsiveContainer>
      </div>
      <ChartLegend series={series} suffix={`per ${timeline.unit}`} />
    </figure>
  );
}
