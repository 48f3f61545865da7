// The key under a campaign chart: a swatch and a label a series (Recharts' own legend does not take
// the page's text colour in dark mode).
export function ChartLegend({ series, suffix }: { series: readonly { key: string; label: string; color: string }[]; suffix: string }) {
  return (
    <figcaption className="mt-2 flex flex-wrap gap-4 text-xs text-zinc-600 dark:text-zinc-400">
      {series.map((s) => (
        <span key={s.key} className="inline-flex items-center gap-1.5">
          <span className="h-2.5 w-2.5 rounded-sm" style={{ background: s.color }} aria-hidden />
          {s.label} {suffix}
        </span>
      ))}
    </figcaption>
  );
}
