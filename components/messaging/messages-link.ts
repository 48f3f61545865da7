// The Messages page's URL filters, for links into it (the dashboard's figures): which messages, and
// a sentence saying so above the list. Read back with the list's own schema: anything unreadable in
// the URL is dropped, never an error page.
import { statusLabel } from "@/components/messaging/message-status-badge";
import type { MessageStatus } from "@/lib/generated/prisma/enums";
import { listMessagesInput, type ListMessagesInput, type MessageSource } from "@/lib/messaging/message-list-input";

export interface MessagesLink {
  statuses?: MessageStatus[];
  direction?: "OUTBOUND" | "INBOUND";
  senderId?: string;
  source?: MessageSource;
  campaignId?: string;
  errorCode?: string;
  /** UTC days, both included (the dashboard's). */
  fromDay?: string;
  toDay?: string;
  /** Clicked by a person on these UTC days, both included (the dashboard's click rate). */
  clickedFromDay?: string;
  clickedToDay?: string;
  /** What the sender or campaign is called, for the sentence above the list. */
  name?: string;
}

export const SOURCE_LABELS: Record<MessageSource, string> = {
  campaign: "Campaigns",
  api: "API",
  ui: "Sent from the app",
  workflow: "Workflows",
  system: "Keyword replies",
  inbound: "Received",
};

export function messagesHref(link: MessagesLink): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(link)) {
    if (value === undefined) continue;
    params.set(key, Array.isArray(value) ? value.join(",") : value);
  }
  return `/messages?${params}`;
}

const nextDay = (day: string) => new Date(Date.parse(`${day}T00:00:00Z`) + 86_400_000);

/** The list's filters in the URL and the sentence describing them; null when there are none. */
export function linkedFilters(params: URLSearchParams): { filters: Partial<ListMessagesInput>; description: string } | null {
  const get = (key: string) => params.get(key) ?? undefined;
  const fromDay = get("fromDay");
  const toDay = get("toDay");
  const clickedFromDay = get("clickedFromDay");
  const clickedToDay = get("clickedToDay");
  const day = /^\d{4}-\d{2}-\d{2}$/;
  const wanted = {
    statuses: get("statuses")?.split(","),
    direction: get("direction"),
    senderId: get("senderId"),
    source: get("source"),
    campaignId: get("campaignId"),
    errorCode: get("errorCode"),
    since: fromDay && day.test(fromDay) ? new Date(`${fromDay}T00:00:00Z`) : undefined,
    until: toDay && day.test(toDay) ? nextDay(toDay) : undefined,
    clickedSince: clickedFromDay && day.test(clickedFromDay) ? new Date(`${clickedFromDay}T00:00:00Z`) : undefined,
    clickedUntil: clickedToDay && day.test(clickedToDay) ? nextDay(clickedToDay) : undefined,
  };
  const parsed = listMessagesInput.safeParse(wanted);
  if (!parsed.success) return null;
  const f = parsed.data;
  const parts = [
    f.statuses?.map(statusLabel).join(" or "),
    f.direction && (f.direction === "INBOUND" ? "Received" : "Outbound"),
    f.source && SOURCE_LABELS[f.source],
    f.errorCode && `error ${f.errorCode}`,
    (f.senderId || f.campaignId) && (get("name") ? `“${get("name")}”` : f.senderId ? "one sender number" : "one campaign"),
    fromDay && toDay && (fromDay === toDay ? `${fromDay} (UTC)` : `${fromDay} to ${toDay} (UTC)`),
    f.clickedSince && clickedFromDay && clickedToDay && `clicked by a person ${clickedFromDay === clickedToDay ? clickedFromDay : `${clickedFromDay} to ${clickedToDay}`} (UTC)`,
  ].filter(Boolean);
  if (parts.length === 0) return null;
  const filters: Partial<ListMessagesInput> = {
    statuses: f.statuses,
    direction: f.direction,
    senderId: f.senderId,
    source: f.source,
    campaignId: f.campaignId,
    errorCode: f.errorCode,
    since: f.since,
    until: f.until,
    clickedSince: f.clickedSince,
    clickedUntil: f.clickedUntil,
  };
  return { filters, description: parts.join(" · ") };
}
