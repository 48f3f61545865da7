// Inputs of a campaign's results page beyond its funnel (lib/campaigns/campaign-stats.ts): the
// recipients table's outcome filter (and an A/B campaign's variant filter) and pages.
import { z } from "zod";
import { MAX_VARIANTS, SKIP_REASONS } from "@/lib/campaigns/campaign-input";

/** What the recipients table can show: messages by where they are, those whose recipient clicked a link, or the skipped by reason. */
export const RECIPIENT_OUTCOMES = ["all", "held", "queued", "sent", "delivered", "undelivered", "failed", "canceled", "clicked", ...SKIP_REASONS] as const;
export type RecipientOutcome = (typeof RECIPIENT_OUTCOMES)[number];

export type RecipientVariant = number | "rest";

export const campaignRecipientsInput = z.strictObject({
  id: z.string().trim().min(1).max(64),
  outcome: z.enum(RECIPIENT_OUTCOMES, "is not an outcome").default("all"),
  /** An A/B campaign's recipients of one variant (0 = A), or "rest": those of a test then winner who got the winner's. */
  variant: z.union([z.number().int().min(0).max(MAX_VARIANTS - 1), z.literal("rest")]).optional(),
  cursor: z.string().max(64).optional(),
  limit: z.number().int().min(1).max(100).default(50),
  // tRPC's infinite queries add this to the input; the table only pages forwards.
  direction: z.enum(["forward", "backward"]).optional(),
});
