// The SMPP 3.4 carrier adapter: an ESME holding one bind_transceiver open to the SMSC. Each part of
// a message is one submit_sm (registered_delivery 1, so the SMSC sends a receipt per part), paced by
// the bind's window and throughput; receipts and inbound texts come back on the same bind.
import type { CarrierAdapter, CarrierSink, OutboundMessage, SubmitOutcome } from "@/lib/carriers/carrier";
import type { SmppConfig } from "@/lib/carriers/connection-config";
import { createDeliverHandler } from "@/lib/carriers/smpp/deliver-handler";
import { encodeParts, type ShortMessagePart } from "@/lib/carriers/smpp/short-message";
import { SmppBind, type BindTimings } from "@/lib/carriers/smpp/smpp-bind";
import { smpp, STATUS, statusName } from "@/lib/carriers/smpp/smpp-library";
import { SubmitGate } from "@/lib/carriers/smpp/submit-gate";
import { SubmittedIds } from "@/lib/carriers/smpp/submitted-ids";
import { logger } from "@/lib/log/logger";
import { segmentMessage } from "@/lib/sms/segments";

/** Timings, all with production defaults; tests shorten them. */
export interface SmppAdapterOptions extends Partial<BindTimings> {
  /** How long a submit waits for the bind to come (back) up before returning `retryable`. */
  connectWaitMs?: number;
  /** First back-off after ESME_RTHROTTLED / ESME_RMSGQFUL; doubles while the SMSC keeps refusing. */
  throttleBackoffMs?: number;
  /** Resubmits of a throttled part before giving it back to the dispatcher. */
  throttleRetries?: number;
  /** How long the parts of a long inbound text are awaited before the text is reported without the rest. */
  inboundPartsTimeoutMs?: number;
}

type PartResult = { ok: true; id: string } | Extract<SubmitOutcome, { ok: false }>;

const MAX_THROTTLE_BACKOFF_MS = 30_000;
const TON_ALPHANUMERIC = 5;
const TON_INTERNATIONAL = 1;
const NPI_ISDN = 1;

function sourceAddress(from: string, config: SmppConfig) {
  // A sender ID with letters is alphanumeric whatever the connection's default TON/NPI says.
  if (/[^+\d]/.test(from)) return { source_addr_ton: TON_ALPHANUMERIC, source_addr_npi: 0, source_addr: from };
  return { source_addr_ton: config.sourceTon, source_addr_npi: config.sourceNpi, source_addr: from.replace(/^\+/, "") };
}

/** A part failed after earlier parts were accepted: resubmitting the message would repeat them. */
function partial(failure: Extract<SubmitOutcome, { ok: false }>, accepted: number, total: number): SubmitOutcome {
  if (accepted === 0) return failure;
  return { ...failure, retryable: false, message: `Part ${accepted + 1} of ${total} not accepted after ${accepted} were: ${failure.message}` };
}

export function createSmppAdapter(connectionId: string, config: SmppConfig, sink: CarrierSink, options: SmppAdapterOptions = {}): CarrierAdapter {
  const smppLog = logger.child({ component: "smpp", connectionId });
  const log = (message: string) => smppLog.warn(message);
  const connectWaitMs = options.connectWaitMs ?? 10_000;
  const throttleBackoffMs = options.throttleBackoffMs ?? 500;
  const throttleRetries = options.throttleRetries ?? 3;
  const bind = new SmppBind(
    config,
    {
      enquireLinkMs: options.enquireLinkMs ?? config.enquireLinkSeconds * 1000,
      responseTimeoutMs: options.responseTimeoutMs ?? 30_000,
      reconnectBaseMs: options.reconnectBaseMs ?? 1_000,
      reconnectMaxMs: options.reconnectMaxMs ?? 60_000,
    },
    log,
  );
  const gate = new SubmitGate(config.window, config.throughput);
  const submitted = new SubmittedIds();
  const deliver = createDeliverHandler(sink, submitted, options.inboundPartsTimeoutMs ?? 120_000, log);
  bind.onDeliver = deliver.handle;
  let reference = Math.floor(Math.random() * 256);
  let throttleLevel = 0;
  let throttledUntil = 0;

  /**
   * Backs the whole bind off (the SMSC's limit is per bind) and says for how long. Refusals of
   * submits already in flight when a back-off began share it; one after it ended doubles the next.
   */
  function throttleBackoff(): number {
    const now = Date.now();
    if (now < throttledUntil) return throttledUntil - now;
    const ms = Math.min(MAX_THROTTLE_BACKOFF_MS, throttleBackoffMs * 2 ** throttleLevel++);
    throttledUntil = now + ms;
    gate.backOff(ms);
    return ms;
  }

  function notBound(): PartResult {
    const problem = bind.problem ?? { code: "not_bound", message: "Not bound to the SMSC" };
    return { ok: false, retryable: true, code: problem.code, message: `Not sent: ${problem.message}` };
  }

  async function submitPart(message: OutboundMessage, part: ShortMessagePart): Promise<PartResult> {
    const deadline = Date.now() + connectWaitMs;
    for (let throttled = 0; ; ) {
      if (!(await bind.waitBound(deadline - Date.now()))) return notBound();
      await gate.acquire();
      const result = await bind.request(
        new smpp.PDU("submit_sm", {
          ...sourceAddress(message.from, config),
          dest_addr_ton: TON_INTERNATIONAL,
          dest_addr_npi: NPI_ISDN,
          destination_addr: message.to.replace(/^\+/, ""),
          esm_class: part.esmClass,
          registered_delivery: 1,
          data_coding: part.dataCoding,
          short_message: part.shortMessage,
        }),
      );
      gate.release();
      // The link went down between the wait and the write: nothing went out, wait for it again.
      if (result.kind === "not_sent") {
        if (Date.now() >= deadline) return notBound();
        continue;
      }
      if (result.kind !== "response") {
        const what = result.kind === "lost" ? "the link dropped" : "the SMSC did not answer in time";
        return { ok: false, retryable: false, code: result.kind === "lost" ? "connection_lost" : "response_timeout", message: `submit_sm written but ${what}: the SMSC may have accepted it` };
      }
      const status = result.pdu.command_status;
      if (status === STATUS.OK) {
        throttleLevel = 0;
        const id = String(result.pdu.message_id);
        submitted.add(id);
        return { ok: true, id };
      }
      const code = statusName(status);
      if (status !== STATUS.THROTTLED && status !== STATUS.QUEUE_FULL) return { ok: false, retryable: false, code, message: `The SMSC refused the submit_sm: ${code}` };
      const backoff = throttleBackoff();
      if (++throttled > throttleRetries) return { ok: false, retryable: true, code, message: `The SMSC is refusing submits for now: ${code}`, retryAfterMs: backoff };
    }
  }

  async function submitOne(message: OutboundMessage): Promise<SubmitOutcome> {
    if (message.media.length > 0) return { ok: false, retryable: false, code: "mms_not_supported", message: "MMS is not supported on this sender (SMPP)" };
    reference = (reference + 1) % 256;
    // One submit_sm per part, split as the message was counted (lib/sms/segments.ts).
    const segments = segmentMessage(message.body).segments;
    const parts = encodeParts(message.encoding, segments.length > 0 ? segments : [message.body], reference);
    const partIds: string[] = [];
    for (const part of parts) {
      const result = await submitPart(message, part);
      if (!result.ok) return partial(result, partIds.length, parts.length);
      partIds.push(result.id);
    }
    return { ok: true, carrierMessageId: partIds[0]!, partIds };
  }

  return {
    submit: (messages) => Promise.all(messages.map(submitOne)),
    close: async () => {
      await bind.close();
      deliver.flush();
    },
  };
}
