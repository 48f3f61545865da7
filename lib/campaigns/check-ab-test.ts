// What an A/B test's settings must satisfy, named so the editor and the API can point at them: variants
// come with a mode (and a mode with variants); a test then winner goes out now or at a time (the rest
// are sent when the winner is picked, which a send in each recipient's local time or spread over hours
// has no single moment for); and its test share must give each variant enough recipients for a rate
// to mean something, refused when the plan or the schedule finds the audience too small.
import { audienceQuery } from "@/lib/campaigns/audience-sql";
import { variantLetter, type AbTest, type Schedule, type Variant } from "@/lib/campaigns/campaign-input";
import { MIN_DELIVERED_PER_VARIANT } from "@/lib/campaigns/pick-winner";
import { DomainError } from "@/lib/errors";
import type { OrgContext } from "@/lib/org-context";
import { withSegmentMemory } from "@/lib/segments/evaluate-segment";

export function checkAbTest(c: { variants: Variant[]; abTest: AbTest | null; schedule: Schedule }): void {
  if ((c.variants.length > 0) !== (c.abTest !== null)) {
    throw new DomainError("BAD_REQUEST", "An A/B test needs 2 to 5 variants and a mode (split, or test then winner)", "abTest", "invalid_parameter");
  }
  if (c.abTest?.mode === "winner" && (c.schedule.kind === "local" || c.schedule.kind === "spread")) {
    throw new DomainError(
      "BAD_REQUEST",
      "A test then winner sends the rest when the winner is picked: send it now or at a time, not in each recipient's local time or spread over hours",
      "schedule",
      "invalid_parameter",
    );
  }
}

/** How a test then winner divides its recipients: the test share's size and each variant's part of it. */
export function testShare(abTest: AbTest | null, variants: number, recipients: number) {
  if (abTest?.mode !== "winner") return null;
  const test = Math.round((recipients * abTest.sharePercent) / 100);
  return { test, perVariant: Math.floor(test / variants), rest: recipients - test };
}

/** The refusal of a test then winner whose share leaves a variant fewer than MIN_DELIVERED_PER_VARIANT recipients, or null. */
export function tooFewToTest(abTest: AbTest | null, variants: number, recipients: number): string | null {
  const share = testShare(abTest, variants, recipients);
  if (!share || share.perVariant >= MIN_DELIVERED_PER_VARIANT || abTest?.mode !== "winner") return null;
  const needed = Math.ceil((MIN_DELIVERED_PER_VARIANT * variants * 100) / abTest.sharePercent);
  return (
    `Too few recipients to test: ${variants} variants (${variantLetter(0)}-${variantLetter(variants - 1)}) on ${abTest.sharePercent}% need ` +
    `${needed.toLocaleString("en-US")} recipients for ${MIN_DELIVERED_PER_VARIANT} a variant; this audience has ${recipients.toLocaleString("en-US")}. ` +
    "Raise the test share, use fewer variants, or split the whole audience"
  );
}

/** At the schedule: a test then winner whose audience now is too small to test is refused (the plan says so first). */
export async function refuseTooFewToTest(ctx: OrgContext, campaign: Parameters<typeof audienceQuery>[1] & { variants: Variant[]; abTest: AbTest | null }) {
  if (campaign.abTest?.mode !== "winner") return;
  const audience = await audienceQuery(ctx, campaign);
  const [row] = await withSegmentMemory(ctx, audience, (sql) =>
    sql.$queryRaw<{ recipients: number }[]>`SELECT count(*) FILTER (WHERE a.skip_reason IS NULL)::int AS recipients FROM (${audience.select}) a`);
  const refusal = tooFewToTest(campaign.abTest, campaign.variants.length, row!.recipients);
  if (refusal) throw new DomainError("BAD_REQUEST", refusal, "abTest.sharePercent", "invalid_parameter");
}
