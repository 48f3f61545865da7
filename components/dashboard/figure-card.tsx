// One headline figure: its value, what it is, the change against the previous period, and a link to
// the messages or contacts behind it.
import { ArrowDownRight, ArrowUpRight } from "lucide-react";
import Link from "next/link";
import { formatNumber } from "@/components/app/format";
import { cn } from "@/components/ui/cn";

export interface FigureCardProps {
  label: string;
  value: string;
  /** A line under the value (the counts a rate is made of). */
  detail?: string;
  /**
   * The value now and before, to show the change; lower is better for failures and opt-outs. A rate
   * (points) over too few messages before (`base`, under 50) is not compared: its change means nothing.
   */
  change?: { now: number; before: number; lowerIsBetter?: boolean; points?: boolean; base?: number; format?: (n: number) => string };
  href?: string;
}

const MIN_BASE = 50;

function changeText({ now, before, points, base, format = formatNumber }: NonNullable<FigureCardProps["change"]>): string | null {
  if (base !== undefined && base < MIN_BASE) return null;
  if (points) {
    const diff = Math.round((now - before) * 10) / 10;
    return diff === 0 ? "no change" : `${diff > 0 ? "+" : ""}${diff} pts`;
  }
  if (before === 0) return now === 0 ? "no change" : "new";
  const pct = Math.round(((now - before) / before) * 100);
  // Tenfold and more reads better as where it came from than as a percentage.
  if (pct >= 1_000) return `from ${format(before)}`;
  return pct === 0 ? "no change" : `${pct > 0 ? "+" : ""}${pct}%`;
}

export function FigureCard({ label, value, detail, change, href }: FigureCardProps) {
  const text = change ? changeText(change) : null;
  const up = change ? change.now > change.before : false;
  const good = change ? (change.lowerIsBetter ? change.now < change.before : change.now > change.before) : false;
  const body = (
    <>
      <p className="text-xs font-medium uppercase tracking-wide text-zinc-500">{label}</p>
      <p className="mt-1 text-2xl font-semibold tabular-nums">{value}</p>
      <div className="mt-1 flex flex-wrap items-center gap-x-2 text-xs text-zinc-500">
        {text && (
          <span
            className={cn(
              "inline-flex items-center gap-0.5 font-medium",
              text === "no change" ? "text-zinc-500" : good ? "text-emerald-600 dark:text-emerald-400" : "text-red-600 dark:text-red-400",
            )}
            title="Against the previous period of the same length"
          >
            {text !== "no change" && text !== "new" && (up ? <ArrowUpRight className="h-3 w-3" aria-hidden /> : <ArrowDownRight className="h-3 w-3" aria-hidden />)}
            {text}
          </span>
        )}
        {detail && <span>{detail}</span>}
      </div>
    </>
  );
  const box = "block rounded-lg border border-zinc-200 bg-white p-4 shadow-sm dark:border-zinc-800 dark:bg-zinc-900";
  return href ? (
    <Link href={href} className={cn(box, "hover:border-brand-500 focus-visible:border-brand-500")}>
      {body}
    </Link>
  ) : (
    <div className={box}>{body}</div>
  );
}
