// The run's own merge fields, filled in before the contact's (lib/messaging/merge-fields.ts):
// {{trigger.<key>}} (what enrolled the contact: the keyword's text, the API event's data...) and
// {{reply}} (the contact's last reply in this run), each with a fallback for when it is empty
// ({{reply|nothing}}), as the contact's fields have. Values lose their braces so a reply cannot
// smuggle a merge field of its own into the text.
const TOKEN = /\{\{\s*(reply|trigger\.([a-zA-Z0-9_.-]{1,60}))\s*(?:\|([^{}]*))?\}\}/g;

function scalar(value: unknown): string {
  if (value === null || value === undefined) return "";
  if (typeof value === "object") return JSON.stringify(value);
  return String(value);
}

function lookup(data: Record<string, unknown>, path: string): unknown {
  let at: unknown = data;
  for (const key of path.split(".")) {
    if (at === null || typeof at !== "object") return undefined;
    at = (at as Record<string, unknown>)[key];
  }
  return at;
}

export function renderRunTokens(template: string, tokens: { trigger: Record<string, unknown>; reply: string | null }): string {
  return template.replace(TOKEN, (_all, name: string, key: string | undefined, fallback: string | undefined) => {
    const value = name === "reply" ? (tokens.reply ?? "") : scalar(lookup(tokens.trigger, key!));
    return (value.trim() ? value : (fallback?.trim() ?? "")).replace(/[{}]/g, "");
  });
}
