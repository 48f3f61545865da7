// The org's sending rules with their defaults filled in, for whoever sends marketing (campaigns):
// the window goes to each message's quiet columns (lib/messaging/quiet-columns.ts), the cap to the
// audience's frequency check (lib/messaging/frequency-cap.ts), the opt-out language to compose.
import type { OrgContext } from "@/lib/org-context";
import { DEFAULT_OPT_OUT_LANGUAGE } from "@/lib/orgs/sending-rules-input";
import type { SendWindow } from "@/lib/sms/quiet-hours";

export interface SendingRules {
  /** The org's window; the recipient's state may narrow it further (windowFor). */
  window: SendWindow;
  /** Marketing texts per recipient per rolling 24 h; null: no cap of the org's own (the states' still apply). */
  marketingCapPer24h: number | null;
  optOutLanguage: string;
}

export async function sendingRules(ctx: OrgContext): Promise<SendingRules> {
  const org = await ctx.db.organization.findUniqueOrThrow({
    where: { id: ctx.orgId },
    select: { quietStart: true, quietEnd: true, marketingCapPer24h: true, optOutLanguage: true },
  });
  return {
    window: { start: org.quietStart, end: org.quietEnd },
    marketingCapPer24h: org.marketingCapPer24h,
    optOutLanguage: org.optOutLanguage ?? DEFAULT_OPT_OUT_LANGUAGE,
  };
}
