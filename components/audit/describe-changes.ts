// A compact, human reading of an audit entry's `changes` JSON, one line per field:
//   { firstName: { from: "Ann", to: "Anna" } }          -> "firstName: Ann → Anna"
//   { customFields: { from: { tier: "gold" }, to: {} } } -> "customFields.tier: gold → (empty)"
//   { contactIds: [ ...40 ids ], added: 40 }             -> "contactIds: 40 items", "added: 40"
// The shapes are whatever lib/<domain>/ recorded, so anything unexpected falls back to JSON. Ids are
// shown by the name `nameOf` gives them, when it knows one.
const MAX_TEXT = 80;
const MAX_LIST = 5;

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

const isObject = (v: unknown): v is Record<string, Json> => typeof v === "object" && v !== null && !Array.isArray(v);

const isFromTo = (v: unknown): v is { from: Json; to: Json } =>
  isObject(v) && "from" in v && "to" in v && Object.keys(v).length === 2;

const truncate = (s: string) => (s.length > MAX_TEXT ? `${s.slice(0, MAX_TEXT - 1)}…` : s);

export type NameOf = (id: string) => string | undefined;
const noNames: NameOf = () => undefined;

export function formatValue(value: unknown, nameOf: NameOf = noNames): string {
  if (value === null || value === undefined || value === "") return "(empty)";
  if (typeof value === "string") return truncate(nameOf(value) ?? value);
  if (typeof value === "number" || typeof value === "boolean") return String(value);
  if (Array.isArray(value)) {
    if (value.length === 0) return "(none)";
    if (value.length > MAX_LIST) return `${value.length} items`;
    return truncate(value.map((v) => formatValue(v, nameOf)).join(", "));
  }
  return truncate(JSON.stringify(value));
}

function describeField(key: string, value: unknown, nameOf: NameOf): string[] {
  if (!isFromTo(value)) return [`${key}: ${formatValue(value, nameOf)}`];
  const { from, to } = value;
  // Objects (custom field values) are diffed key by key, so only what changed is listed.
  if ((isObject(from) || from === null) && (isObject(to) || to === null) && (from || to)) {
    const before = from ?? {};
    const after = to ?? {};
    const keys = [...new Set([...Object.keys(before), ...Object.keys(after)])];
    return keys
      .filter((k) => JSON.stringify(before[k]) !== JSON.stringify(after[k]))
      .map((k) => `${key}.${k}: ${formatValue(before[k], nameOf)} → ${formatValue(after[k], nameOf)}`);
  }
  return [`${key}: ${formatValue(from, nameOf)} → ${formatValue(to, nameOf)}`];
}

export function describeChanges(changes: unknown, nameOf: NameOf = noNames): string[] {
  if (changes === null || changes === undefined) return [];
  if (!isObject(changes)) return [formatValue(changes, nameOf)];
  return Object.entries(changes).flatMap(([key, value]) => describeField(key, value, nameOf));
}
