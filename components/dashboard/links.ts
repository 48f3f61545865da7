// Where the dashboard's figures lead: the Messages page filtered to them, the Contacts view of a
// period's new contacts.
import { messagesHref, type MessagesLink } from "@/components/messaging/messages-link";
import type { DashboardPeriod } from "@/lib/analytics/dashboard-input";
import { CONTACT_SOURCE_CHOICES } from "@/lib/segments/rule-model";

export const SENT_LINK = { statuses: ["SENT", "DELIVERED", "UNDELIVERED", "FAILED"], direction: "OUTBOUND" } as const satisfies MessagesLink;
export const DELIVERED_LINK = { statuses: ["DELIVERED"] } as const satisfies MessagesLink;
export const FAILED_LINK = { statuses: ["UNDELIVERED", "FAILED"] } as const satisfies MessagesLink;
export const RECEIVED_LINK = { direction: "INBOUND" } as const satisfies MessagesLink;

type Status = NonNullable<MessagesLink["statuses"]>[number];
type Link = Omit<MessagesLink, "statuses"> & { statuses?: readonly Status[] };

/** The period's messages behind a figure. */
export function periodMessages(p: { from: string; to: string }, link: Link): string {
  return messagesHref({ ...link, statuses: link.statuses && [...link.statuses], fromDay: p.from, toDay: p.to });
}

/** The messages people clicked in the period (each once, whatever its clicks), as the click rate counts them. */
export const periodClickedMessages = (p: { from: string; to: string }): string => messagesHref({ clickedFromDay: p.from, clickedToDay: p.to });

/**
 * The contacts view of those created in the period (its days read in UTC, as the dashboard's), of
 * one source if given ("other": contacts older than Contact.source, which have none).
 */
export function newContactsHref(p: DashboardPeriod, source?: string): string {
  const known = CONTACT_SOURCE_CHOICES.find((s) => s === source);
  const bySource =
    source === undefined ? [] : [{ type: "condition", field: "source", operator: known ? "is_any_of" : "is_none_of", value: known ? [known] : [...CONTACT_SOURCE_CHOICES] }];
  const rules = [{ type: "condition", field: "createdAt", operator: "between_days", value: [p.from, p.to] }, ...bySource];
  return `/contacts?where=${encodeURIComponent(JSON.stringify({ timeZone: "UTC", root: { type: "group", match: "all", rules } }))}`;
}

/** The contacts view of those who opted out in the period. */
export function optedOutHref(p: DashboardPeriod): string {
  const where = { timeZone: "UTC", root: { type: "group", match: "all", rules: [{ type: "condition", field: "consent.optedOutAt", operator: "between_days", value: [p.from, p.to] }] } };
  return `/contacts?status=OPTED_OUT&where=${encodeURIComponent(JSON.stringify(where))}`;
}
