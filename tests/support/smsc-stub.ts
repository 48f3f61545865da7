// A small SMSC on 127.0.0.1 (the `smpp` package's server), for tests and the SMPP benchmark: it
// checks bind credentials, records every submit_sm with its short_message octets as sent, answers
// with message ids (hex or decimal), and sends deliver_sm (receipts, handset texts) on demand.
import type { AddressInfo } from "node:net";
import type { PDU, Session } from "smpp";
import { smppConfig, type SmppConfig } from "@/lib/carriers/connection-config";
import { smpp, STATUS } from "@/lib/carriers/smpp/smpp-library";

export interface SubmittedSm {
  sourceAddr: string;
  sourceTon: number;
  sourceNpi: number;
  destinationAddr: string;
  esmClass: number;
  dataCoding: number;
  registeredDelivery: number;
  /** short_message octets as they came, UDH included. */
  shortMessage: Buffer;
  status: number;
  /** The message_id answered, when accepted. */
  messageId?: string;
  /** performance.now() on arrival. */
  at: number;
}

export interface StubBind {
  systemId: string;
  password: string;
  systemType: string;
  interfaceVersion: number;
  accepted: boolean;
}

export interface SmscStubOptions {
  systemId?: string;
  password?: string;
  /** The status for each submit_sm, by arrival index (default ESME_ROK). */
  submitStatus?: (index: number) => number;
  /** Delay before each submit_sm_resp, so submits stay in flight for a while. */
  responseDelayMs?: number;
  messageIds?: "hex" | "decimal";
  /** False: never answer enquire_link (a link gone silent). */
  answerEnquireLink?: boolean;
  /** Sends each accepted submit's receipt right behind its submit_sm_resp (an SMSC that acks at once). */
  autoReceipt?: { stat: string } & ReceiptOptions;
}

export interface ReceiptOptions {
  /** The id as the receipt writes it: as answered (default), or converted to the other notation. */
  idAs?: "as-answered" | "hex" | "decimal";
  err?: string;
  /** Also send receipted_message_id and message_state TLVs. */
  tlvs?: { receiptedMessageId: string; messageState: number };
}

export interface SmscStub {
  port: number;
  submits: SubmittedSm[];
  binds: StubBind[];
  enquireLinks: number;
  unbinds: number;
  /** The most submit_sm received and not yet answered at any moment. */
  maxInFlight: number;
  /** Connection settings pointing at the stub (window, throughput etc. as given, else defaults). */
  config(overrides?: Partial<SmppConfig>): SmppConfig;
  /** Sends a deliver_sm on the newest bound session; resolves with the deliver_sm_resp status. */
  deliver(fields: Record<string, unknown>): Promise<number>;
  /** Sends the delivery receipt of a submitted message id. */
  receipt(messageId: string, stat: string, options?: ReceiptOptions): Promise<number>;
  /** Closes every connection abruptly, as a crashed or restarted SMSC does. */
  drop(): void;
  /** Leaves bind requests unanswered (an SMSC still starting) until the returned function is called. */
  holdBinds(): () => void;
  stop(): Promise<void>;
}

// short_message as the library decodes it (its encodings removed): UDH elements and octets.
function wireBytes(field: unknown): Buffer {
  if (Buffer.isBuffer(field)) return field;
  const { udh, message } = field as { udh?: Buffer[]; message: Buffer };
  if (!udh) return message;
  const header = Buffer.concat(udh);
  return Buffer.concat([Buffer.from([header.length]), header, message]);
}

function convertId(id: string, to: ReceiptOptions["idAs"]): string {
  if (to === "decimal") return BigInt(`0x${id}`).toString();
  if (to === "hex") return BigInt(id).toString(16);
  return id;
}

const smscDate = (date: Date) => date.toISOString().replace(/\D/g, "").slice(2, 12);

export async function startSmscStub(options: SmscStubOptions = {}): Promise<SmscStub> {
  const systemId = options.systemId ?? "textstack";
  const password = options.password ?? "secret";
  const bound: Session[] = [];
  let inFlight = 0;
  let nextId = 0xa0000;
  let heldBinds: (() => void)[] | null = null;

  const server = smpp.createServer((session) => {
    session.on("error", () => {});
    session.socket.on("close", () => {
      if (bound.includes(session)) bound.splice(bound.indexOf(session), 1);
    });
    session.on("bind_transceiver", (pdu: PDU) => {
      const bind = {
        systemId: String(pdu.system_id),
        password: String(pdu.password),
        systemType: String(pdu.system_type),
        interfaceVersion: Number(pdu.interface_version),
        accepted: pdu.system_id === systemId && pdu.password === password,
      };
      stub.binds.push(bind);
      const answer = () => {
        session.send(pdu.response(bind.accepted ? { system_id: "stub-smsc" } : { command_status: STATUS.INVALID_PASSWORD }));
        if (bind.accepted) bound.push(session);
      };
      if (heldBinds) heldBinds.push(answer);
      else answer();
    });
    session.on("submit_sm", (pdu: PDU) => {
      const status = options.submitStatus?.(stub.submits.length) ?? STATUS.OK;
      const id = nextId++;
      const submit: SubmittedSm = {
        sourceAddr: String(pdu.source_addr),
        sourceTon: Number(pdu.source_addr_ton),
        sourceNpi: Number(pdu.source_addr_npi),
        destinationAddr: String(pdu.destination_addr),
        esmClass: Number(pdu.esm_class),
        dataCoding: Number(pdu.data_coding),
        registeredDelivery: Number(pdu.registered_delivery),
        shortMessage: wireBytes(pdu.short_message),
        status,
        messageId: status === STATUS.OK ? (options.messageIds === "decimal" ? String(id) : id.toString(16).toUpperCase()) : undefined,
        at: performance.now(),
      };
      stub.submits.push(submit);
      stub.maxInFlight = Math.max(stub.maxInFlight, ++inFlight);
      const answer = () => {
        inFlight--;
        session.send(pdu.response(submit.messageId ? { message_id: submit.messageId } : { command_status: status }));
        if (options.autoReceipt && submit.messageId) void stub.receipt(submit.messageId, options.autoReceipt.stat, options.autoReceipt);
      };
      if (options.responseDelayMs) setTimeout(answer, options.responseDelayMs);
      else answer();
    });
    session.on("enquire_link", (pdu: PDU) => {
      stub.enquireLinks++;
      if (options.answerEnquireLink !== false) session.send(pdu.response());
    });
    session.on("unbind", (pdu: PDU) => {
      stub.unbinds++;
      session.send(pdu.response());
      session.close();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));

  const stub: SmscStub = {
    port: (server.address() as AddressInfo).port,
    submits: [],
    binds: [],
    enquireLinks: 0,
    unbinds: 0,
    maxInFlight: 0,
    config: (overrides = {}) => smppConfig.parse({ host: "127.0.0.1", port: stub.port, systemId, password, ...overrides }),
    deliver(fields) {
      const session = bound.at(-1);
      if (!session) return Promise.reject(new Error("No ESME is bound to the stub SMSC"));
      return new Promise((resolve) => session.send(new smpp.PDU("deliver_sm", fields), (resp) => resolve(resp.command_status)));
    },
    receipt(messageId, stat, receiptOptions = {}) {
      const submit = stub.submits.find((s) => s.messageId === messageId);
      const now = new Date();
      const id = convertId(messageId, receiptOptions.idAs);
      const delivered = stat === "DELIVRD" ? "001" : "000";
      const text = `id:${id} sub:001 dlvrd:${delivered} submit date:${smscDate(now)} done date:${smscDate(now)} stat:${stat} err:${receiptOptions.err ?? "000"} text:`;
      return stub.deliver({
        source_addr_ton: 1,
        source_addr_npi: 1,
        source_addr: submit?.destinationAddr ?? "",
        dest_addr_ton: submit?.sourceTon ?? 1,
        dest_addr_npi: submit?.sourceNpi ?? 1,
        destination_addr: submit?.sourceAddr ?? "",
        esm_class: 0x04,
        data_coding: 0,
        short_message: Buffer.from(text, "latin1"),
        ...(receiptOptions.tlvs ? { receipted_message_id: receiptOptions.tlvs.receiptedMessageId, message_state: receiptOptions.tlvs.messageState } : {}),
      });
    },
    drop() {
      for (const session of server.sessions) session.destroy();
    },
    holdBinds() {
      heldBinds ??= [];
      return () => {
        const held = heldBinds ?? [];
        heldBinds = null;
        for (const answer of held) answer();
      };
    },
    async stop() {
      stub.drop();
      await new Promise((resolve) => server.close(resolve));
    },
  };
  return stub;
}
