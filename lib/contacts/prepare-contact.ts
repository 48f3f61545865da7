// Turns validated contact input into the columns to write: the phone in E.164 (with the org's
// default country), a time zone guessed from the number when none is given, typed custom values.
import { validateCustomValues, type CustomFieldValues } from "@/lib/custom-fields/custom-field-input";
import { DomainError } from "@/lib/errors";
import type { OrgContext, ScopedTx } from "@/lib/org-context";
import { normalizePhone } from "@/lib/sms/phone";

export async function orgDefaultCountry(ctx: OrgContext): Promise<string> {
  const org = await ctx.db.organization.findUniqueOrThrow({ where: { id: ctx.orgId }, select: { defaultCountry: true } });
  return org.defaultCountry;
}

export function toE164(phone: string, defaultCountry: string): string {
  const result = normalizePhone(phone, defaultCountry);
  if (!result.ok) throw new DomainError("BAD_REQUEST", result.message, "phone", "invalid_phone_number");
  return result.e164;
}

export async function checkCustomValues(
  ctx: OrgContext,
  tx: ScopedTx | OrgContext["db"],
  input: Record<string, unknown> | undefined,
  base: CustomFieldValues = {},
): Promise<CustomFieldValues> {
  if (!input || Object.keys(input).length === 0) return base;
  const definitions = await tx.customFieldDefinition.findMany({
    where: { orgId: ctx.orgId },
    select: { key: true, label: true, type: true },
  });
  const result = validateCustomValues(definitions, input, base);
  if (!result.ok) throw new DomainError("BAD_REQUEST", result.message, result.field);
  return result.values;
}


/** Where a contact made by this caller came from (Contact.source, the dashboard's new contacts). */
export function contactSource(ctx: OrgContext): "api" | "ui" {
  return ctx.actor.type === "API_KEY" ? "api" : "ui";
}
