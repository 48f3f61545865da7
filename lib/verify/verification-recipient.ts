// The number a verification is for, in E.164 as the message to it is stored: "(415) 555-2671" and
// "+14155552671" must find the same verification, so both send and check normalise the same way.
import { DomainError } from "@/lib/errors";
import type { OrgContext } from "@/lib/org-context";
import { normalizePhone } from "@/lib/sms/phone";

export async function verificationRecipient(ctx: OrgContext, to: string) {
  const org = await ctx.db.organization.findUniqueOrThrow({ where: { id: ctx.orgId }, select: { name: true, defaultCountry: true } });
  const phone = normalizePhone(to, org.defaultCountry);
  if (!phone.ok) throw new DomainError("BAD_REQUEST", phone.message, "to", "invalid_phone_number");
  return { to: phone.e164, orgName: org.name };
}
