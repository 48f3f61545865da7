// One template rendered for many contacts at once, for those who plan a send before making it
// (campaigns: segments and cost per recipient, since merge fields change lengths). Two queries
// whatever the number of contacts (the org's field keys, the contacts by id); the template is
// checked and parsed once. The send path renders the same way (prepare-messages.ts), so what is
// planned here is what sendMessages stores.
import { checkTemplate, customFieldKeys, loadMergeContacts, mergeContact } from "@/lib/messaging/merge-fields";
import type { OrgContext } from "@/lib/org-context";
import { segmentMessage, type SmsEncoding } from "@/lib/sms/segments";
import { smartEncode } from "@/lib/sms/smart-encoding";
import { renderTemplateForEach } from "@/lib/sms/templates";

export interface RenderedForContact {
  body: string;
  encoding: SmsEncoding;
  segments: number;
}

/**
 * The text each contact gets, by contact id (ids that are not the org's contacts are left out).
 * Throws `unknown_merge_field` (on `body`) naming a field the org does not have.
 */
export async function renderForContacts(
  ctx: OrgContext,
  body: string,
  contactIds: readonly string[],
  options: { smartEncoding?: boolean } = {},
): Promise<Map<string, RenderedForContact>> {
  const [keys, rows] = await Promise.all([customFieldKeys(ctx), loadMergeContacts(ctx, { ids: [...new Set(contactIds)] })]);
  checkTemplate(body, keys);
  const texts = renderTemplateForEach(body, rows.map(mergeContact));
  return new Map(
    rows.map((row, i) => {
      const text = options.smartEncoding ? smartEncode(texts[i]!).text : texts[i]!;
      const segmented = segmentMessage(text);
      return [row.id, { body: text, encoding: segmented.encoding, segments: segmented.segmentCount }];
    }),
  );
}
