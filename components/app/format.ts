// How numbers, counts and times read in the UI. Times are formatted in the viewer's zone, so call
// these only where the data arrives on the client (not during server rendering).
const numberFormat = new Intl.NumberFormat("en-US");
const dateFormat = new Intl.DateTimeFormat("en-US", { dateStyle: "medium" });
const dateTimeFormat = new Intl.DateTimeFormat("en-US", { dateStyle: "medium", timeStyle: "short" });

export function formatNumber(n: number): string {
  return numberFormat.format(n);
}

/** "1 contact", "1,204 contacts". */
export function formatCount(n: number, singular: string, plural = `${singular}s`): string {
  return `${formatNumber(n)} ${n === 1 ? singular : plural}`;
}

export function formatDate(d: Date | string): string {
  return dateFormat.format(new Date(d));
}

export function formatDateTime(d: Date | string): string {
  return dateTimeFormat.format(new Date(d));
}
