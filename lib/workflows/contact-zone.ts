// The time zone a contact's waits and texts are timed in, as quiet hours choose it for campaigns
// (lib/messaging/quiet-columns.ts): the contact's own zone when it is one, else its number's area
// code's, else UTC.
import { areaCodeInfo, areaCodeOf } from "@/lib/sms/area-codes";
import { isValidTimeZone } from "@/lib/sms/time-zone";

export function contactZone(contact: { timeZone: string | null; phone: string }): { zone: string; region: string | null } {
  const code = areaCodeOf(contact.phone);
  const info = code ? areaCodeInfo(code) : null;
  if (contact.timeZone && isValidTimeZone(contact.timeZone)) return { zone: contact.timeZone, region: info?.region ?? null };
  if (info) return { zone: info.timeZone, region: info.region };
  return { zone: "UTC", region: null };
}
