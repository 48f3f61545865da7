// The org's sending rules a campaign obeys, read in this one file: its opt-out language and its
// frequency cap. Both come with the quiet-hours work (Organization.optOutLanguage and
// marketingCapPer24h, its state caps and set-based cap helper in lib/sms/quiet-hours.ts), which is
// being built beside campaigns: until it is merged, the wording is the CTIA sample and no cap
// applies. Wiring them is this file (and passing the OrgContext its two callers hold).
import { Prisma } from "@/lib/generated/prisma/client";

export const DEFAULT_OPT_OUT_LANGUAGE = "Reply STOP to opt out";

/** The sentence appended to a campaign's message when it asks for opt-out language. */
export async function optOutLanguage(): Promise<string> {
  return DEFAULT_OPT_OUT_LANGUAGE;
}

/** A condition on the contact `c`: true when another marketing text now would pass the org's cap. */
export async function frequencyCapCondition(): Promise<Prisma.Sql> {
  return Prisma.sql`FALSE`;
}
