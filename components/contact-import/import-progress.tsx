"use client";
// A running import's progress as people read it: rows done of the total, the rate so far and the
// time left at that rate (from the import row, so it survives a reload).
import { formatNumber } from "@/components/app/format";

export interface ProgressInput {
  rowsDone: number;
  rowsTotal: number;
  startedAt: Date | string | null;
}

export function importProgress({ rowsDone, rowsTotal, startedAt }: ProgressInput, now = Date.now()) {
  const percent = rowsTotal > 0 ? Math.min(100, Math.floor((rowsDone / rowsTotal) * 100)) : 0;
  const seconds = startedAt ? Math.max(0.001, (now - new Date(startedAt).getTime()) / 1000) : 0;
  const rate = seconds > 0 && rowsDone > 0 ? rowsDone / seconds : 0;
  const secondsLeft = rate > 0 ? Math.max(0, (rowsTotal - rowsDone) / rate) : null;
  return { percent, rate, secondsLeft };
}

export function formatDuration(seconds: number): string {
  if (seconds < 60) return `${Math.max(1, Math.round(seconds))} s`;
  const minutes = Math.round(seconds / 60);
  return minutes < 60 ? `${minutes} min` : `${Math.floor(minutes / 60)} h ${minutes % 60} min`;
}

export function ProgressBar({ percent, label }: { percent: number; label: string }) {
  return (
    <div
      role="progressbar"
      aria-label={label}
      aria-valuemin={0}
      aria-valuemax={100}
      aria-valuenow={percent}
      className="h-2 w-full overflow-hidden rounded-full bg-zinc-200 dark:bg-zinc-800"
    >
      <div className="h-full rounded-full bg-brand-600 transition-[width] duration-500" style={{ width: `${percent}%` }} />
    </div>
  );
}

/** "12,000 of 100,000 rows · 4,100 rows/s · about 21 s left". */
export function ProgressText({ progress }: { progress: ProgressInput }) {
  const { rate, secondsLeft } = importProgress(progress);
  return (
    <p className="text-sm text-zinc-600 dark:text-zinc-400">
      {formatNumber(progress.rowsDone)} of {formatNumber(progress.rowsTotal)} rows
      {rate > 0 && ` · ${formatNumber(Math.round(rate))} rows/s`}
      {secondsLeft !== null && progress.rowsDone < progress.rowsTotal && ` · about ${formatDuration(secondsLeft)} left`}
    </p>
  );
}
