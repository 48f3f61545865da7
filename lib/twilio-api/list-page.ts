// GET .../Messages.json: Twilio's filters (To, From, DateSent, DateSent<, DateSent>) and paging
// (PageSize, Page, PageToken) over the message log (lib/messaging/list-messages.ts), answered with
// Twilio's page fields. Pages are keyset cursors: PageToken is "PA" + the sid of the last message of
// the page before, so a page costs the same however deep. Consequences, documented in the README:
// paging runs forward only (previous_page_uri is null: restart from first_page_uri), Page above 0
// needs its PageToken, and DateSent filters on when the message was accepted (its date_created),
// the only time the log is indexed by.
import type { ListMessagesInput } from "@/lib/messaging/message-list-input";
import { listMessages } from "@/lib/messaging/list-messages";
import type { OrgContext } from "@/lib/org-context";
import { invalidParameter, readParams, type Params } from "@/lib/twilio-api/form-params";
import { messageIdOfSid, messageSid } from "@/lib/twilio-api/message-sid";
import { messagesUri, twilioMessage } from "@/lib/twilio-api/serialize-message";

const FILTERS = ["To", "From", "DateSent", "DateSent<", "DateSent>"] as const;
const NAMES = [...FILTERS, "PageSize", "Page", "PageToken"];
export const DEFAULT_PAGE_SIZE = 50;
const MAX_PAGE_SIZE = 1_000;
/** The most one page holds (the message log's own limit); a larger PageSize gets pages of this size. */
const SERVED_PAGE_SIZE = 200;
const DAY_MS = 86_400_000;

function whole(params: Params, name: string, min: number, max: number, fallback: number): number {
  const value = params[name] as string | undefined;
  if (value === undefined) return fallback;
  if (!/^\d{1,7}$/.test(value) || Number(value) < min || Number(value) > max) throw invalidParameter(`${name} must be a whole number from ${min} to ${max}`);
  return Number(value);
}

/** A DateSent value: a day (YYYY-MM-DD, UTC) or an ISO 8601 time; `day` says which. */
function dateParam(params: Params, name: string): { at: Date; day: boolean } | undefined {
  const value = params[name] as string | undefined;
  if (value === undefined) return undefined;
  const day = /^\d{4}-\d{2}-\d{2}$/.test(value);
  const at = new Date(day ? `${value}T00:00:00Z` : value);
  if (!/^\d{4}-\d{2}-\d{2}/.test(value) || Number.isNaN(at.getTime())) throw invalidParameter(`${name} must be a date (YYYY-MM-DD) or an ISO 8601 time`);
  return { at, day };
}

function dateRange(params: Params): Pick<ListMessagesInput, "since" | "until"> {
  const on = dateParam(params, "DateSent");
  const before = dateParam(params, "DateSent<");
  const after = dateParam(params, "DateSent>");
  if (on && (before || after)) throw invalidParameter("Use DateSent, or DateSent< and DateSent>, not both");
  // DateSent and a DateSent< day include the whole day, as Twilio's do.
  if (on) return { since: on.at, until: new Date(on.at.getTime() + (on.day ? DAY_MS : 1)) };
  return {
    since: after?.at,
    until: before ? new Date(before.at.getTime() + (before.day ? DAY_MS : 0)) : undefined,
  };
}

function pageUri(accountSid: string, params: Params, pageSize: number, page: number, token?: string): string {
  const query = new URLSearchParams();
  for (const name of FILTERS) if (params[name] !== undefined) query.set(name, params[name] as string);
  query.set("PageSize", String(pageSize));
  query.set("Page", String(page));
  if (token) query.set("PageToken", token);
  return `${messagesUri(accountSid)}.json?${query}`;
}

export async function listMessagesPage(ctx: OrgContext & { accountSid: string }, url: URL) {
  const params = readParams(url.searchParams, NAMES);
  const pageSize = whole(params, "PageSize", 1, MAX_PAGE_SIZE, DEFAULT_PAGE_SIZE);
  const page = whole(params, "Page", 0, 10_000_000, 0);
  const token = params.PageToken as string | undefined;
  const cursor = token === undefined ? undefined : messageIdOfSid(token.replace(/^PA/, ""));
  if (token !== undefined && (!token.startsWith("PA") || !cursor)) throw invalidParameter("PageToken is not one this API gave out: follow next_page_uri");
  if (page > 0 && !cursor) throw invalidParameter("Page above 0 needs the PageToken of next_page_uri: pages are cursors");
  const served = Math.min(pageSize, SERVED_PAGE_SIZE);

  const { items, nextCursor } = await listMessages(ctx, {
    ...dateRange(params),
    to: params.To as string | undefined,
    from: params.From as string | undefined,
    cursor: cursor ?? undefined,
    limit: served,
  });
  const start = page * served;
  return {
    messages: items.map((m) => twilioMessage(m, ctx.accountSid)),
    page,
    page_size: served,
    start,
    end: start + Math.max(items.length, 1) - 1,
    uri: pageUri(ctx.accountSid, params, pageSize, page, token),
    first_page_uri: pageUri(ctx.accountSid, params, pageSize, 0),
    next_page_uri: nextCursor ? pageUri(ctx.accountSid, params, pageSize, page + 1, `PA${messageSid(nextCursor)}`) : null,
    previous_page_uri: null,
  };
}
