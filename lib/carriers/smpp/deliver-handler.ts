// What an SMSC delivers to us: delivery receipts (esm_class says so, or a receipted_message_id TLV)
// go to the sink's receipts, under the id their submit_sm_resp gave; anything else is a text from a
// handset, joined from its parts when long, for the sink's inbound.
import type { PDU } from "smpp";
import type { CarrierSink, InboundText } from "@/lib/carriers/carrier";
import { parseReceipt } from "@/lib/carriers/smpp/delivery-receipt";
import { InboundParts, joinParts, type InboundPart } from "@/lib/carriers/smpp/inbound-parts";
import { ReceiptBatch } from "@/lib/carriers/smpp/receipt-batch";
import { DATA_CODING_UCS2, decodeText, encodeUcs2 } from "@/lib/carriers/smpp/short-message";
import type { DeliverHandler } from "@/lib/carriers/smpp/smpp-bind";
import { STATUS } from "@/lib/carriers/smpp/smpp-library";
import type { SubmittedIds } from "@/lib/carriers/smpp/submitted-ids";
import { findConcatenation } from "@/lib/carriers/smpp/udh";
import { DomainError } from "@/lib/errors";

// esm_class bits 2-5, the message type: SMSC delivery receipt, SME acks, intermediate notification.
const ESM_MESSAGE_TYPE = 0x3c;
const TON_INTERNATIONAL = 1;

/** short_message (or message_payload) as the smpp library decodes it with its encodings removed. */
type UserDataField = Buffer | { udh?: Buffer[]; message: Buffer | string } | undefined;

interface UserData {
  elements: Buffer[];
  part: InboundPart;
}

function userData(pdu: PDU): UserData {
  const short = pdu.short_message as UserDataField;
  const payload = pdu.message_payload as UserDataField;
  // message_payload carries the text instead when it is too long for short_message.
  const isEmpty = (field: UserDataField) => !field || (Buffer.isBuffer(field) ? field : field.message).length === 0;
  const field = isEmpty(short) && payload ? payload : short;
  const dataCoding = Number(pdu.data_coding ?? 0);
  if (!field) return { elements: [], part: { dataCoding, bytes: Buffer.alloc(0) } };
  if (Buffer.isBuffer(field)) return { elements: [], part: { dataCoding, bytes: field } };
  const elements = field.udh ?? [];
  // The library decodes text itself only for a national language shift table (UDH 0x24/0x25),
  // which ours lacks: keep its text, as UCS-2 octets so parts still join alike.
  if (typeof field.message === "string") return { elements, part: { dataCoding: DATA_CODING_UCS2, bytes: encodeUcs2(field.message) } };
  return { elements, part: { dataCoding, bytes: field.message } };
}

/** E.164 for international numbers (the SMSC leaves out the +); anything else as the SMSC wrote it. */
function address(ton: unknown, addr: unknown): string {
  const text = String(addr ?? "");
  return ton === TON_INTERNATIONAL && /^\d+$/.test(text) ? `+${text}` : text;
}

export function createDeliverHandler(sink: CarrierSink, submitted: SubmittedIds, partsTimeoutMs: number, log: (message: string) => void) {
  const receipts = new ReceiptBatch(sink, log);

  async function report(text: InboundText): Promise<number> {
    try {
      await sink.inbound(text);
      return STATUS.OK;
    } catch (error) {
      log(`Inbound text from ${text.from} to ${text.to} not recorded: ${(error as Error).message}`);
      // Not ours to take (no such number on this connection): redelivering would not help.
      return error instanceof DomainError ? STATUS.PERMANENT_APP_ERROR : STATUS.TEMPORARY_APP_ERROR;
    }
  }

  function inboundText(pdu: PDU, body: string): InboundText {
    return { from: address(pdu.source_addr_ton, pdu.source_addr), to: address(pdu.dest_addr_ton, pdu.destination_addr), body, media: [], receivedAt: new Date() };
  }

  const parts = new InboundParts<{ part: InboundPart; text: InboundText }>(partsTimeoutMs, (incomplete) => {
    const [first] = incomplete;
    if (first) void report({ ...first.text, body: joinParts(incomplete.map((p) => p.part)) });
  });

  const handle: DeliverHandler = async (pdu) => {
    const { elements, part } = userData(pdu);
    const receiptedMessageId = pdu.receipted_message_id as string | undefined;
    if ((Number(pdu.esm_class) & ESM_MESSAGE_TYPE) !== 0 || receiptedMessageId !== undefined) {
      // Receipt text is ASCII whatever data_coding says, except from SMSCs that write it in UCS-2.
      const text = part.dataCoding === DATA_CODING_UCS2 ? decodeText(part.dataCoding, part.bytes) : part.bytes.toString("latin1");
      const receipt = parseReceipt({ text, receiptedMessageId, messageState: pdu.message_state as number | undefined }, new Date());
      if (!receipt) {
        log(`Receipt not understood, ignored: ${JSON.stringify(text)}`);
        return STATUS.OK;
      }
      // A receipt can come in the same read as its submit_sm_resp: let the submit record its id first.
      await new Promise((resolve) => setImmediate(resolve));
      const { id, status, errorCode, errorMessage, occurredAt } = receipt;
      return receipts.add({ carrierMessageId: submitted.find(id), status, errorCode, errorMessage, occurredAt });
    }

    const concatenation = findConcatenation(elements);
    const text = inboundText(pdu, "");
    if (!concatenation) return report({ ...text, body: decodeText(part.dataCoding, part.bytes) });
    const key = `${text.from}|${text.to}|${concatenation.reference}|${concatenation.total}`;
    const whole = parts.add(key, concatenation, { part, text });
    if (!whole) return STATUS.OK;
    const status = await report({ ...text, body: joinParts(whole.map((p) => p.part)) });
    // A temporary failure keeps the parts: the SMSC delivers the last one again and completes them.
    if (status !== STATUS.TEMPORARY_APP_ERROR) parts.done(key);
    return status;
  };

  return { handle, flush: () => parts.flush() };
}
