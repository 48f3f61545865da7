// A message as the API shows it, in one place: snake_case, lower-case statuses, ISO 8601 UTC times.
import type { Message, MessageEvent } from "@/lib/generated/prisma/client";

export type SerializableMessage = Pick<
  Message,
  | "id" | "direction" | "status" | "from" | "to" | "body" | "encoding" | "segments" | "priceMicros" | "marketing"
  | "contactId" | "statusCallback" | "errorCode" | "errorMessage" | "sendAt" | "createdAt" | "updatedAt" | "sentAt" | "deliveredAt" | "failedAt" | "receivedAt"
> & { mediaIds: readonly string[] };

const iso = (date: Date | null) => date?.toISOString() ?? null;

export function serializeMessage(m: SerializableMessage) {
  return {
    id: m.id,
    object: "message" as const,
    direction: m.direction.toLowerCase(),
    status: m.status.toLowerCase(),
    from: m.from,
    to: m.to,
    body: m.body,
    media_ids: m.mediaIds,
    encoding: m.encoding,
    num_segments: m.segments,
    /** Price in millionths of the currency unit (integers: no rounding on the way). */
    price_micros: m.priceMicros,
    marketing: m.marketing,
    contact_id: m.contactId,
    status_callback: m.statusCallback,
    error_code: m.errorCode,
    error_message: m.errorMessage,
    send_at: iso(m.sendAt),
    created_at: iso(m.createdAt),
    updated_at: iso(m.updatedAt),
    sent_at: iso(m.sentAt),
    delivered_at: iso(m.deliveredAt),
    failed_at: iso(m.failedAt),
    received_at: iso(m.receivedAt),
  };
}

type HistoryRow = Pick<MessageEvent, "status" | "errorCode" | "errorMessage" | "occurredAt">;

/** One message with its status history, oldest change first. */
export function serializeMessageWithHistory(m: SerializableMessage & { events: HistoryRow[] }) {
  return {
    ...serializeMessage(m),
    history: m.events.map((e) => ({
      status: e.status.toLowerCase(),
      error_code: e.errorCode,
      error_message: e.errorMessage,
      occurred_at: e.occurredAt.toISOString(),
    })),
  };
}
