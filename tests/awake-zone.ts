// A time zone where it is now between 10:00 and 18:00, for tests that send marketing through the real
// dispatcher: quiet hours (lib/delivery/quiet-hold.ts) would hold the text anywhere it is night.
const ZONES = [
  "Pacific/Kiritimati", "Pacific/Auckland", "Asia/Tokyo", "Asia/Bangkok", "Asia/Kolkata", "Asia/Dubai", "Europe/Berlin", "UTC",
  "America/Sao_Paulo", "America/New_York", "America/Chicago", "America/Denver", "America/Los_Angeles", "Pacific/Honolulu",
];

export function zoneAwakeNow(now = new Date()): string {
  const hour = (zone: string) => Number(new Intl.DateTimeFormat("en-US", { timeZone: zone, hour: "numeric", hourCycle: "h23" }).format(now));
  const zone = ZONES.find((z) => hour(z) >= 10 && hour(z) < 18);
  if (!zone) throw new Error("No zone of the list is between 10:00 and 18:00 now");
  return zone;
}
