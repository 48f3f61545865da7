// What a bulk action applies to: the contacts ticked on screen, or every contact the view matches.
import { formatCount } from "@/components/app/format";
import type { ContactFilterInput } from "@/lib/contacts/contact-input";

export type BulkTarget = { ids: string[] } | { filter: ContactFilterInput; count: number };

export const targetSize = (t: BulkTarget) => ("ids" in t ? t.ids.length : t.count);

/** "3 contacts", "all 1,204 matching contacts". */
export function describeTarget(t: BulkTarget): string {
  return "ids" in t ? formatCount(t.ids.length, "contact") : `all ${formatCount(t.count, "matching contact")}`;
}
