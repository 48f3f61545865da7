"use client";
// Messages per day: sent, delivered, failed and received (Recharts). A bar opens that day's messages
// of its kind (the figures above the chart open the same lists for the whole period, by keyboard too).
import { useRouter } from "next/navigation";
import { Bar, BarChart, CartesianGrid, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";
import { formatNumber } from "@/components/app/format";
import { DELIVERED_LINK, FAILED_LINK, periodMessages, RECEIVED_LINK, SENT_LINK } from "@/components/dashboard/links";
import type { DayFigures } from "@/lib/analytics/dashboard-overview";

const SERIES = [
  { key: "sent", label: "Sent", color: "#2f7df6", link: SENT_LINK },
  { key: "delivered", label: "Delivered", color: "#10b981", link: DELIVERED_LINK },
  { key: "failed", label: "Failed", color: "#ef4444", link: FAILED_LINK },
  { key: "received", label: "Received", color: "#a855f7", link: RECEIVED_LINK },
] as const;

const dayLabel = (day: string) => new Date(`${day}T00:00:00Z`).toLocaleDateString("en-US", { month: "short", day: "numeric", timeZone: "UTC" });


export function ActivityChart({ daily }: { daily: DayFigures[] }) {
  const router = useRouter();
  return (
    <figure>
      <div className="h-60 text-zinc-500 sm:h-72" role="img" aria-label="Messages sent, delivered, failed and received per day">
        <ResponsiveContainer width="100%" height="100%">
          <BarChart data={daily} margin={{ top: 8, right: 8, bottom: 0, left: -12 }} barGap={1}>
            <CartesianGrid strokeDasharray="3 3" stroke="currentColor" strokeOpacity={0.2} vertical={false} />
            <XAxis dataKey="day" tickFormatter={dayLabel} stroke="currentColor" fontSize={11} minTickGap={24} />
            <YAxis stroke="currentColor" fontSize={11} allowDecimals={false} tickFormatter={(v: number) => formatNumber(v)} />
            <Tooltip
              cursor={{ fill: "currentColor", fillOpacity: 0.08 }}
              labelFormatter={(day) => `${dayLabel(String(day))} (UTC)`}
              formatter={(value, name) => [formatNumber(Number(value)), SERIES.find((s) => s.key === name)?.label ?? String(name)]}
              contentStyle={{ background: "var(--tooltip-bg, white)", borderRadius: 6, fontSize: 12 }}
              wrapperClassName="[--tooltip-bg:white] dark:[--tooltip-bg:#18181b]"
            />
            {SERIES.map((s) => (
              <Bar
                key={s.key}
                dataKey={s.key}
                fill={s.color}
                isAnimationActive={false}
                className="cursor-pointer"
                onClick={(_, index) => router.push(periodMessages({ from: daily[index]!.day, to: daily[index]!.day }, s.link))}
              />
            ))}
          </BarChart>
        </ResponsiveContainer>
      </div>
      <figcaption className="mt-2 flex flex-wrap gap-4 text-xs text-zinc-600 dark:text-zinc-400">
        {SERIES.map((s) => (
          <span key={s.key} className="inline-flex items-center gap-1.5">
            <span className="h-2.5 w-2.5 rounded-sm" style={{ background: s.color }} aria-hidden />
            {s.label}
          </span>
        ))}
        <span>Days are UTC. Click a bar for its messages.</span>
      </figcaption>
    </figure>
  );
}
