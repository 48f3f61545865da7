// Reads an audit row's `changes` for people: "First name: Ana → Anna". Rows written by
// lib/contacts/* hold either `{ field: { from, to } }` (updates) or plain values (create, delete).
const FIELD_LABELS: Record<string, string> = {
  phone: "Phone",
  firstName: "First name",
  lastName: "Last name",
  email: "Email",
  timeZone: "Time zone",
  tags: "Tags",
};

export interface ChangeLine {
  label: string;
  from?: string;
  to: string;
}

function show(value: unknown): string {
  if (value === null || value === undefined || value === "") return "—";
  if (Array.isArray(value)) return value.length === 0 ? "—" : value.map(show).join(", ");
  if (typeof value === "boolean") return value ? "Yes" : "No";
  if (typeof value === "object") return JSON.stringify(value);
  return String(value);
}

function isFromTo(value: unknown): value is { from: unknown; to: unknown } {
  return typeof value === "object" && value !== null && "from" in value && "to" in value;
}

function asRecord(value: unknown): Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value) ? (value as Record<string, unknown>) : {};
}

export function changeLines(changes: unknown): ChangeLine[] {
  return Object.entries(asRecord(changes)).flatMap(([key, value]): ChangeLine[] => {
    const label = FIELD_LABELS[key] ?? key;
    if (!isFromTo(value)) return [{ label, to: show(value) }];
    if (key !== "customFields") return [{ label, from: show(value.from), to: show(value.to) }];
    // Custom fields are stored as one object: list only the keys that changed.
    const from = asRecord(value.from);
    const to = asRecord(value.to);
    return [...new Set([...Object.keys(from), ...Object.keys(to)])]
      .filter((k) => JSON.stringify(from[k]) !== JSON.stringify(to[k]))
      .map((k) => ({ label: `custom.${k}`, from: show(from[k]), to: show(to[k]) }));
  });
}

const ACTION_LABELS: Record<string, string> = {
  "contact.created": "Created",
  "contact.updated": "Updated",
  "contact.deleted": "Deleted",
  "contact.opted_out": "Opted out",
  "contact.opted_in": "Opted in",
};

export function actionLabel(action: string): string {
  return ACTION_LABELS[action] ?? action;
}
