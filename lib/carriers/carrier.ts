// The one interface every transport implements (simulator, SMPP, Twilio). The dispatcher hands an
// adapter a batch of outbound messages; the adapter reports receipts and inbound texts back through
// the sink it was created with, which lib/delivery/carrier-registry.ts binds to lib/messaging/record-receipt
// and receive-message for the adapter's connection.
import type { SmsEncoding } from "@/lib/sms/segments";

export interface OutboundMedia {
  /** A signed URL the carrier can fetch (lib/media), valid for at least an hour. */
  url: string;
  contentType: string;
  size: number;
}

export interface OutboundMessage {
  /** Textstack's message id (msg_...): the adapter's reference for logs, never the carrier's id. */
  id: string;
  from: string;
  to: string;
  body: string;
  encoding: SmsEncoding;
  media: OutboundMedia[];
}

export type SubmitOutcome =
  | {
      ok: true;
      /** The carrier's id for the message as a whole (the first part's for SMPP). */
      carrierMessageId: string;
      /** One id per submitted part, in order, as the carrier's receipts will name them. */
      partIds: string[];
    }
  | {
      ok: false;
      /**
       * True only when the carrier certainly did not accept the message (throttled, queue full, not
       * connected before anything was written): the dispatcher submits it again later. False for a
       * refusal that will not change (bad number, MMS unsupported) or an unknown outcome.
       */
      retryable: boolean;
      /** The carrier's code where it gave one (SMPP command_status name, Twilio error code). */
      code: string;
      message: string;
      /** How long the carrier asked us to wait, when it said. */
      retryAfterMs?: number;
    };

export type ReceiptStatus = "SENT" | "DELIVERED" | "UNDELIVERED" | "FAILED";

export interface CarrierReceipt {
  /** The id the carrier gave at submit (a part id for multipart SMPP). */
  carrierMessageId: string;
  status: ReceiptStatus;
  errorCode?: string;
  errorMessage?: string;
  occurredAt: Date;
}

export interface InboundMedia {
  url: string;
  contentType: string;
}

export interface InboundText {
  from: string;
  /** The org's number it was sent to (a SenderNumber address on this connection). */
  to: string;
  body: string;
  media: InboundMedia[];
  carrierMessageId?: string;
  receivedAt: Date;
}

/** Where an adapter reports what the carrier tells it; bound to one connection by the registry. */
export interface CarrierSink {
  receipts(receipts: CarrierReceipt[]): Promise<void>;
  inbound(text: InboundText): Promise<void>;
}

export interface CarrierAdapter {
  /** Submits messages; resolves with one outcome per message, in the same order. Never rejects. */
  submit(messages: OutboundMessage[]): Promise<SubmitOutcome[]>;
  /**
   * True when the carrier is this process (the simulator): `submit` has no effect outside the
   * dispatcher's transaction, so claiming the messages, submitting them and recording the outcomes
   * are one transaction, and a crash undoes all three (nothing was sent). A real carrier is
   * submitted to between two commits instead (dispatch-round.ts).
   */
  inProcess?: boolean;
  /**
   * Called once the outcomes of a `submit` are committed. An in-process carrier starts its receipts
   * here, as a real network reports only what it acknowledged, so they never wait for their submit.
   */
  recorded?(outcomes: SubmitOutcome[]): Promise<void>;
  /** Releases connections (SMPP binds); the registry calls it when the connection's config changes. */
  close(): Promise<void>;
}
