"use client";
// 7, 30 or 90 days up to today, or two days of one's own (UTC days).
import { useState } from "react";
import { PRESETS, type PeriodChoice } from "@/components/dashboard/dashboard-period";
import { Button } from "@/components/ui/button";
import { cn } from "@/components/ui/cn";
import { Input } from "@/components/ui/input";
import { dashboardPeriodInput, type DashboardPeriod } from "@/lib/analytics/dashboard-input";

export function PeriodPicker({ choice, period, onChange }: { choice: PeriodChoice; period: DashboardPeriod; onChange: (next: PeriodChoice) => void }) {
  const [custom, setCustom] = useState<DashboardPeriod | null>(choice.kind === "custom" ? period : null);
  const checked = custom ? dashboardPeriodInput.safeParse(custom) : null;
  return (
    <div className="flex flex-wrap items-center gap-2">
      <div role="group" aria-label="Period" className="inline-flex overflow-hidden rounded-md border border-zinc-300 dark:border-zinc-700">
        {PRESETS.map((days) => {
          const active = choice.kind === "preset" && choice.days === days && !custom;
          return (
            <button
              key={days}
              type="button"
              aria-pressed={active}
              onClick={() => {
                setCustom(null);
                onChange({ kind: "preset", days });
              }}
              className={cn(
                "px-3 py-1.5 text-sm font-medium",
                active ? "bg-brand-600 text-white" : "bg-white text-zinc-700 hover:bg-zinc-50 dark:bg-zinc-900 dark:text-zinc-200 dark:hover:bg-zinc-800",
              )}
            >
              {days} days
            </button>
          );
        })}
        <button
          type="button"
          aria-pressed={custom !== null}
          onClick={() => setCustom(custom ?? period)}
          className={cn(
            "px-3 py-1.5 text-sm font-medium",
            custom ? "bg-brand-600 text-white" : "bg-white text-zinc-700 hover:bg-zinc-50 dark:bg-zinc-900 dark:text-zinc-200 dark:hover:bg-zinc-800",
          )}
        >
          Custom
        </button>
      </div>
      {custom && (
        <form
          className="flex flex-wrap items-center gap-2"
          onSubmit={(e) => {
            e.preventDefault();
            if (checked?.success) onChange({ kind: "custom", period: checked.data });
          }}
        >
          <Input type="date" aria-label="First day" className="w-38" value={custom.from} onChange={(e) => setCustom({ ...custom, from: e.target.value })} />
          <span className="text-sm text-zinc-500">to</span>
          <Input type="date" aria-label="Last day" className="w-38" value={custom.to} onChange={(e) => setCustom({ ...custom, to: e.target.value })} />
          <Button type="submit" size="sm" disabled={!checked?.success}>
            Show
          </Button>
          {checked && !checked.success && (
            <p role="alert" className="w-full text-xs text-red-600 dark:text-red-400">
              {checked.error.issues[0]?.message}
            </p>
          )}
        </form>
      )}
    </div>
  );
}
