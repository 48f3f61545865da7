// Message times to the second: a message is often queued, sent and delivered within the same minute.
const preciseFormat = new Intl.DateTimeFormat("en-US", { dateStyle: "medium", timeStyle: "medium" });

export function formatPreciseTime(d: Date | string): string {
  return preciseFormat.format(new Date(d));
}
