// The A/B part of a campaign's plan (plan-campaign.ts). A draft's recipients have no variant yet (the
// start deals them: start-campaign.ts), so the plan counts each group of recipients over the
// variants in the proportions the start will deal them: a split, 1/n each; a test then winner,
// share/n each, and the rest at the winner's message, unknown until the decision, so counted at the
// costliest variant for the group (the plan's segments and cost are then an upper bound, and say so).
import { variantLetter, type AbMetric, type AbTest } from "@/lib/campaigns/campaign-input";
import { testShare, tooFewToTest } from "@/lib/campaigns/check-ab-test";

export interface AbTestPlan {
  mode: AbTest["mode"];
  sharePercent: number | null;
  waitMinutes: number | null;
  metric: AbMetric | null;
  /** Each variant's recipients (of the test share, for a test then winner) with their segments and cost. */
  variants: { variant: string; recipients: number; segments: number; costMicros: number }[];
  /** A test then winner: recipients of the test share, and the rest who get the winner's message. */
  test: number | null;
  rest: number | null;
  /** When the winner is picked: the start plus the wait. */
  decideAt: string | null;
  /** The campaign's segments and cost count the rest at the costliest variant: at most that. */
  costAtMost: boolean;
  /** Why it cannot be sent as it is (the audience is too small to test), or null. */
  tooFew: string | null;
}

/** The share of a group of recipients each variant gets, and the share that waits for the winner. */
export function variantShares(abTest: AbTest | null, variants: number): { each: number; rest: number } {
  if (!abTest || variants <= 1) return { each: 1, rest: 0 };
  if (abTest.mode === "split") return { each: 1 / variants, rest: 0 };
  return { each: abTest.sharePercent / 100 / variants, rest: 1 - abTest.sharePercent / 100 };
}

/** Recipients per variant as the start deals them: in turn, so the first ones get one more when it does not divide. */
export function dealt(abTest: AbTest, variants: number, recipients: number): number[] {
  const dealtOut = testShare(abTest, variants, recipients)?.test ?? recipients;
  return Array.from({ length: variants }, (_, i) => Math.floor(dealtOut / variants) + (i < dealtOut % variants ? 1 : 0));
}

/**
 * The plan's A/B part: `perRecipient` is each variant's segments and cost summed as if every
 * recipient got it, scaled here to the recipients it is dealt.
 */
export function abTestPlan(
  abTest: AbTest,
  perRecipient: { segments: number; costMicros: number }[],
  recipients: number,
  decideAt: Date | null,
): AbTestPlan {
  const counts = dealt(abTest, perRecipient.length, recipients);
  const share = testShare(abTest, perRecipient.length, recipients);
  const winner = abTest.mode === "winner" ? abTest : null;
  return {
    mode: abTest.mode,
    sharePercent: winner?.sharePercent ?? null,
    waitMinutes: winner?.waitMinutes ?? null,
    metric: winner?.metric ?? null,
    variants: perRecipient.map((p, i) => ({
      variant: variantLetter(i),
      recipients: counts[i]!,
      segments: recipients ? Math.round((p.segments * counts[i]!) / recipients) : 0,
      costMicros: recipients ? Math.round((p.costMicros * counts[i]!) / recipients) : 0,
    })),
    test: share?.test ?? null,
    rest: share?.rest ?? null,
    decideAt: winner ? decideAt?.toISOString() ?? null : null,
    costAtMost: winner !== null,
    tooFew: tooFewToTest(abTest, perRecipient.length, recipients),
  };
}
