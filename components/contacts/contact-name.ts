// A contact's display name; many contacts are just a number, so callers fall back to the phone.
export function contactName(c: { firstName: string | null; lastName: string | null }): string | null {
  const name = [c.firstName, c.lastName].filter(Boolean).join(" ").trim();
  return name || null;
}
