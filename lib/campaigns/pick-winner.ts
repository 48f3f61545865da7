// An A/B test's winner from its test share's results, pure: the highest rate of the chosen metric
// (human clicks, or replies, per delivered message) wins. A tie on it is broken by the other metric's
// rate, then by the earlier variant (A before B), and the explanation says so. Too few delivered in a
// variant (MIN_DELIVERED_PER_VARIANT) still picks one (the rest must get a message) but says the
// difference may be chance. Rates are compared as fractions (cross-multiplied), never as rounded
// floats, so 1 of 3 and 2 of 6 tie and 41 of 1,000 beats 40 of 1,000 however they print.
import { variantLetter, type AbMetric } from "@/lib/campaigns/campaign-input";

export const MIN_DELIVERED_PER_VARIANT = 100;

export interface VariantResult {
  delivered: number;
  /** Delivered messages with at least one human click (LinkClick without a botReason). */
  clicked: number;
  /** Delivered messages whose recipient replied (campaign-stats.ts's window). */
  replied: number;
}

export interface WinnerDecision {
  /** The winner's index (0 = A). */
  winner: number;
  metric: AbMetric;
  /** The best rate of the metric was shared. */
  tie: boolean;
  /** A variant had fewer than MIN_DELIVERED_PER_VARIANT delivered. */
  tooFew: boolean;
  explanation: string;
  variants: (VariantResult & { variant: string })[];
}

const LABEL: Record<AbMetric, string> = { clicks: "click rate", replies: "reply rate" };
const hits = (r: VariantResult, metric: AbMetric) => (metric === "clicks" ? r.clicked : r.replied);

/** Negative when a's rate is higher (sorts first); a variant with nothing delivered has no rate and comes last. */
function byRate(a: VariantResult, b: VariantResult, metric: AbMetric): number {
  if (a.delivered === 0 || b.delivered === 0) return (a.delivered === 0 ? 1 : 0) - (b.delivered === 0 ? 1 : 0);
  return hits(b, metric) * a.delivered - hits(a, metric) * b.delivered;
}

export const percent = (part: number, whole: number) => (whole === 0 ? "no rate" : `${((100 * part) / whole).toFixed(1)}%`);
const count = (n: number) => n.toLocaleString("en-US");

export function pickWinner(results: VariantResult[], metric: AbMetric): WinnerDecision {
  if (results.length === 0) throw new Error("An A/B test has variants");
  const other: AbMetric = metric === "clicks" ? "replies" : "clicks";
  const ranked = results.map((r, i) => ({ ...r, index: i })).sort((a, b) => byRate(a, b, metric) || byRate(a, b, other) || a.index - b.index);
  const best = ranked[0]!;
  const tied = ranked.filter((r) => byRate(r, best, metric) === 0);
  const tie = tied.length > 1;
  const thin = results.map((r, i) => ({ ...r, index: i })).filter((r) => r.delivered < MIN_DELIVERED_PER_VARIANT);
  const name = (r: { index: number }) => variantLetter(r.index);

  const figures = ranked
    .map((r) => `${name(r)}: ${percent(hits(r, metric), r.delivered)} ${LABEL[metric]}, ${count(hits(r, metric))} of ${count(r.delivered)} delivered`)
    .join("; ");
  let why: string;
  if (best.delivered === 0) why = `No message of the test was delivered, so there is no ${LABEL[metric]}: ${name(best)}, the first variant, goes to the rest.`;
  else if (!tie) why = `${name(best)} has the highest ${LABEL[metric]}.`;
  else {
    const names = [...tied].sort((a, b) => a.index - b.index).map(name).join(" and ");
    const secondTie = tied.filter((r) => byRate(r, best, other) === 0).length > 1;
    why = secondTie
      ? `${names} tie on ${LABEL[metric]} and on ${LABEL[other]}: ${name(best)}, the first of them, wins.`
      : `${names} tie on ${LABEL[metric]}: ${name(best)} wins on ${LABEL[other]} (${tied.map((r) => `${name(r)} ${percent(hits(r, other), r.delivered)}`).join(", ")}).`;
  }
  const caution = thin.length
    ? ` Too few to be sure: fewer than ${MIN_DELIVERED_PER_VARIANT} delivered for ${thin.map(name).join(", ")}, so the difference may be chance.`
    : "";
  return {
    winner: best.index,
    metric,
    tie,
    tooFew: thin.length > 0,
    explanation: `${why} ${figures}.${caution}`,
    variants: results.map((r, i) => ({ variant: variantLetter(i), delivered: r.delivered, clicked: r.clicked, replied: r.replied })),
  };
}
