// The org's sending rules as a campaign obeys them (lib/orgs/sending-rules.ts holds them with their
// defaults): the opt-out language its message may end with, the frequency cap that skips recipients
// who have had their fill, and each message's quiet-hours window, which the dispatcher keeps at claim
// time (lib/delivery/quiet-hold.ts).
import type { Schedule } from "@/lib/campaigns/campaign-input";
import type { Prisma } from "@/lib/generated/prisma/client";
import { frequencyCappedSql } from "@/lib/messaging/frequency-cap";
import { postgresZones } from "@/lib/messaging/postgres-zones";
import { quietColumnsSql, type QuietColumns } from "@/lib/messaging/quiet-columns";
import type { OrgContext } from "@/lib/org-context";
import { sendingRules } from "@/lib/orgs/sending-rules";

/** The sentence appended to a campaign's message when it asks for opt-out language. */
export async function optOutLanguage(ctx: OrgContext): Promise<string> {
  return (await sendingRules(ctx)).optOutLanguage;
}

/** A condition on the contact `c`: true when another marketing text now would pass its cap (the org's, or its state's). */
export async function frequencyCapCondition(ctx: OrgContext, now = new Date()): Promise<Prisma.Sql> {
  const rules = await sendingRules(ctx);
  return frequencyCappedSql({ orgId: ctx.orgId, orgCap: rules.marketingCapPer24h, now });
}

/**
 * The quiet-hours columns of the messages made for contacts `c`: the org's window narrowed by each
 * number's state, in the contact's zone (else its area code's, else the zone the schedule names).
 */
export async function quietColumns(ctx: OrgContext, schedule: Schedule): Promise<QuietColumns> {
  const fallbackZone = schedule.kind === "local" ? schedule.fallbackZone : schedule.kind === "now" ? null : (schedule.zone ?? null);
  const [rules, knownZones] = await Promise.all([sendingRules(ctx), postgresZones()]);
  return quietColumnsSql(rules.window, knownZones, { contact: "c", fallbackZone });
}
