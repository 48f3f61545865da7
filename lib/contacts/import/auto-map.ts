// The column mapping proposed for a file's headers: each header matched to a contact field by the
// words people put there ("Mobile", "Cell phone", "First Name", "E-mail"), or to a custom field by its
// key or label; anything else is left out until someone maps it.
import type { ColumnMapping } from "@/lib/contacts/import/import-input";

interface FieldRef {
  key: string;
  label: string;
}

const squash = (s: string) => s.toLowerCase().normalize("NFKD").replace(/[^a-z0-9]/g, "");

const SYNONYMS: [ColumnMapping["target"], string[]][] = [
  ["phone", ["phone", "phonenumber", "mobile", "mobilephone", "mobilenumber", "cell", "cellphone", "cellnumber", "number", "msisdn", "sms", "smsnumber", "telephone", "tel", "whatsapp"]],
  ["firstName", ["firstname", "first", "givenname", "forename", "fname", "name"]],
  ["lastName", ["lastname", "last", "surname", "familyname", "lname"]],
  ["email", ["email", "emailaddress", "mail"]],
  ["tags", ["tags", "tag", "labels", "label", "groups"]],
  ["timeZone", ["timezone", "tz", "zone"]],
  ["unsubscribed", ["unsubscribed", "unsubscribe", "optedout", "optout", "smsoptout", "status", "subscriptionstatus", "consentstatus", "stop"]],
];

export function autoMapColumns(headers: string[], customFields: FieldRef[]): ColumnMapping[] {
  const taken = new Set<string>();
  return headers.map((header) => {
    const word = squash(header);
    const field = customFields.find((f) => squash(f.key) === word || squash(f.label) === word);
    if (field && !taken.has(`custom:${field.key}`)) {
      taken.add(`custom:${field.key}`);
      return { target: "custom", customFieldKey: field.key };
    }
    for (const [target, words] of SYNONYMS) {
      if (!words.includes(word) || taken.has(target)) continue;
      // Tags may come from several columns; the rest map once.
      if (target !== "tags") taken.add(target);
      return { target };
    }
    return { target: "ignore" };
  });
}
