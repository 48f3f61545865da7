// A merge-field key suggested from a label: "Loyalty tier" -> "loyalty_tier", "Café né" -> "cafe_ne".
// It always satisfies the key rule in custom-field-input.ts (or is empty), so accepting the
// suggestion never produces a validation error.
const MAX_KEY = 40;

export function suggestKey(label: string): string {
  let key = label
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "_")
    .replace(/^_+|_+$/g, "");
  if (/^[0-9]/.test(key)) key = `field_${key}`;
  return key.slice(0, MAX_KEY).replace(/_+$/, "");
}
