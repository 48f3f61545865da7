// A campaign's message as each recipient gets it: the one body and media, or with an A/B test its
// variant's (the recipient's variant, decided at the start: start-campaign.ts), and for the rest of a
// test then winner, the winner's once it is picked (decide-winner.ts). Each variant's merge fields
// are checked as a campaign's body is, an unknown one refused naming the variant.
import { checkedCampaignTexts } from "@/lib/campaigns/campaign-body";
import { variantLetter, type Variant } from "@/lib/campaigns/campaign-input";
import { DomainError } from "@/lib/errors";
import type { OrgContext } from "@/lib/org-context";

/** The campaign's messages: its variants, or its one body and media (as variant A). */
export const messagesOf = (c: { body: string; mediaIds: string[]; variants: Variant[] }): Variant[] =>
  c.variants.length ? c.variants : [{ body: c.body, mediaIds: c.mediaIds }];

/** Which of messagesOf a recipient gets: its variant's; null is the winner's (the rest of a test), picked by then. */
export function variantIndex(c: { variants: Variant[]; winnerVariant: number | null }, variant: number | null): number {
  const index = variant ?? c.winnerVariant ?? (c.variants.length ? null : 0);
  if (index === null) throw new DomainError("CONFLICT", "The A/B test's winner is not picked yet", "id", "conflict");
  return index;
}

/** Checks each variant's merge fields; an unknown one is refused as `variants.<i>.body`, naming the variant. */
export async function checkVariants(ctx: OrgContext, variants: Variant[]): Promise<void> {
  for (const [i, variant] of variants.entries()) {
    try {
      await checkedCampaignTexts(ctx, variant);
    } catch (error) {
      if (!(error instanceof DomainError)) throw error;
      throw new DomainError(error.code, `Variant ${variantLetter(i)}: ${error.message}`, `variants.${i}.body`, error.reason);
    }
  }
}
