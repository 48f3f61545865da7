// SMSC delivery receipts: the de-facto text format of SMPP 3.4 Appendix B
//   id:IIII sub:SSS dlvrd:DDD submit date:YYMMDDhhmm done date:YYMMDDhhmm stat:DDDDDDD err:E text:...
// and the receipted_message_id / message_state TLVs, which win when an SMSC sends them.
import type { ReceiptStatus } from "@/lib/carriers/carrier";

export interface ReceiptText {
  id?: string;
  stat?: string;
  err?: string;
  submitDate?: Date;
  doneDate?: Date;
}

const KEYS = /(?:^|\s)(id|sub|dlvrd|submit date|done date|stat|err|text):/gi;

/** The fields of a receipt's text; keys in any case, absent ones left out. */
export function parseReceiptText(text: string): ReceiptText {
  const found = [...text.matchAll(KEYS)];
  const fields = new Map<string, string>();
  for (const [i, match] of found.entries()) {
    const key = match[1]!.toLowerCase();
    // Free text follows "text:" to the end, and may itself look like fields.
    if (key === "text") break;
    const end = found[i + 1]?.index ?? text.length;
    if (!fields.has(key)) fields.set(key, text.slice(match.index + match[0].length, end).trim());
  }
  const date = (key: string) => parseSmscDate(fields.get(key));
  return withoutUndefined({
    id: fields.get("id") || undefined,
    stat: fields.get("stat")?.toUpperCase() || undefined,
    err: fields.get("err") || undefined,
    submitDate: date("submit date"),
    doneDate: date("done date"),
  });
}

function withoutUndefined<T extends object>(value: T): T {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as T;
}

/** YYMMDDhhmm or YYMMDDhhmmss, taken as UTC (receipts carry no zone). */
function parseSmscDate(value: string | undefined): Date | undefined {
  const m = value?.match(/^(\d\d)(\d\d)(\d\d)(\d\d)(\d\d)(\d\d)?$/);
  if (!m) return undefined;
  const [, yy, mo, dd, hh, mi, ss] = m.map(Number) as number[];
  const date = new Date(Date.UTC(2000 + yy!, mo! - 1, dd!, hh!, mi!, ss || 0));
  // Date.UTC rolls 31 February over into March: such a date is not one.
  return date.getUTCMonth() === mo! - 1 && date.getUTCDate() === dd ? date : undefined;
}

// stat values (7 letters in receipts; the SMPP 5.0 message_state names from some SMSCs) -> status.
const STATUS_BY_STAT: Record<string, ReceiptStatus> = {
  DELIVRD: "DELIVERED",
  DELIVERED: "DELIVERED",
  ENROUTE: "SENT",
  ACCEPTD: "SENT",
  ACCEPTED: "SENT",
  // The SMSC kept trying until the validity period ran out: the handset never got it.
  EXPIRED: "UNDELIVERED",
  UNDELIV: "UNDELIVERED",
  UNDELIVERABLE: "UNDELIVERED",
  // Refused or dropped by the SMSC or the network, or lost track of: not sent on.
  REJECTD: "FAILED",
  REJECTED: "FAILED",
  DELETED: "FAILED",
  UNKNOWN: "FAILED",
  SKIPPED: "FAILED",
};

// message_state TLV values (SMPP 3.4 5.2.28).
const STAT_BY_STATE = ["", "ENROUTE", "DELIVERED", "EXPIRED", "DELETED", "UNDELIVERABLE", "ACCEPTED", "UNKNOWN", "REJECTED", "SKIPPED"];

export interface ParsedReceipt {
  /** The SMSC's id as the receipt gives it (hex or decimal: see submitted-ids.ts). */
  id: string;
  status: ReceiptStatus;
  stat: string;
  errorCode?: string;
  errorMessage?: string;
  occurredAt: Date;
}

export interface ReceiptFields {
  text: string;
  receiptedMessageId?: string;
  messageState?: number;
}

/** The receipt a deliver_sm carries, or null when it names no id or no status we know. */
export function parseReceipt({ text, receiptedMessageId, messageState }: ReceiptFields, receivedAt: Date): ParsedReceipt | null {
  const fields = parseReceiptText(text);
  const id = receiptedMessageId?.trim() || fields.id;
  const stat = (messageState !== undefined && STAT_BY_STATE[messageState]) || fields.stat;
  const status = stat ? STATUS_BY_STAT[stat] : undefined;
  if (!id || !stat || !status) return null;
  const err = fields.err && /^0+$/.test(fields.err) ? undefined : fields.err;
  const failed = status === "UNDELIVERED" || status === "FAILED";
  // A done date from a clock ahead of ours (or in another zone) must not put the event in the future.
  const done = fields.doneDate && fields.doneDate.getTime() <= receivedAt.getTime() + 60_000 ? fields.doneDate : undefined;
  return withoutUndefined({
    id,
    status,
    stat,
    errorCode: failed ? err : undefined,
    errorMessage: failed ? `SMSC receipt: ${stat}${err ? `, error ${err}` : ""}` : undefined,
    occurredAt: done ?? receivedAt,
  });
}
