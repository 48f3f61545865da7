// Inputs of a campaign's results page beyond its funnel (lib/campaigns/campaign-stats.ts): the
// recipients table's outcome filter and pages.
import { z } from "zod";
import { SKIP_REASONS } from "@/lib/campaigns/campaign-input";

/** What the recipients table can show: messages by where they are, those whose recipient clicked a link, or the skipped by reason. */
export const RECIPIENT_OUTCOMES = ["all", "held", "queued", "sent", "delivered", "undelivered", "failed", "canceled", "clicked", ...SKIP_REASONS] as const;
export type RecipientOutcome = (typeof RECIPIENT_OUTCOMES)[number];

export const campaignRecipientsInput = z.strictObject({
  id: z.string().trim().min(1).max(64),
  outcome: z.enum(RECIPIENT_OUTCOMES, "is not an outcome").default("all"),
  cursor: z.string().max(64).optional(),
  limit: z.number().int().min(1).max(100).default(50),
  // tRPC's infinite queries add this to the input; the table only pages forwards.
  direction: z.enum(["forward", "backward"]).optional(),
});
