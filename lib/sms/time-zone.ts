// Time zone helpers that run in the browser too (no data files).
export function isValidTimeZone(zone: string): boolean {
  try {
    new Intl.DateTimeFormat("en-US", { timeZone: zone });
    return true;
  } catch {
    return false;
  }
}

export function allTimeZones(): string[] {
  return Intl.supportedValuesOf("timeZone");
}
