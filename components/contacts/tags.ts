// Tags are typed as one comma-separated line; the schema (tagSchema) checks each one.
export function parseTags(text: string): string[] {
  return text
    .split(",")
    .map((t) => t.trim())
    .filter(Boolean);
}
