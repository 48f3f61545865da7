// A sender's address in the form carriers expect for its kind: E.164 for phone numbers (read with
// the org's default country), digits for short codes, the text itself for alphanumeric sender IDs.
import type { SenderKind } from "@/lib/generated/prisma/enums";
import { normalizePhone } from "@/lib/sms/phone";

export type AddressResult = { ok: true; address: string } | { ok: false; message: string };

export function checkSenderAddress(kind: SenderKind, raw: string, defaultCountry: string): AddressResult {
  const text = raw.trim();
  switch (kind) {
    case "LONG_CODE":
    case "TOLL_FREE": {
      const result = normalizePhone(text, defaultCountry);
      return result.ok ? { ok: true, address: result.e164 } : { ok: false, message: result.message };
    }
    case "SHORT_CODE":
      return /^\d{3,8}$/.test(text) ? { ok: true, address: text } : { ok: false, message: "A short code is 3 to 8 digits" };
    case "ALPHANUMERIC":
      // GSM networks carry at most 11 characters; an all-digit ID would be read as a number.
      if (!/^[A-Za-z0-9 ]{1,11}$/.test(text)) return { ok: false, message: "An alphanumeric ID is 1 to 11 letters, digits or spaces" };
      if (!/[A-Za-z]/.test(text)) return { ok: false, message: "An alphanumeric ID needs at least one letter" };
      return { ok: true, address: text };
  }
}
