// What the SMPP tests share: a sink that records what the adapter reports, outbound messages built
// the way the dispatcher builds them (segmented by lib/sms/segments.ts), and adapters with short
// timings; stubs and adapters are closed after each test.
import { afterEach } from "vitest";
import type { CarrierAdapter, CarrierReceipt, CarrierSink, InboundText, OutboundMessage } from "@/lib/carriers/carrier";
import type { SmppConfig } from "@/lib/carriers/connection-config";
import { createSmppAdapter, type SmppAdapterOptions } from "@/lib/carriers/smpp/smpp-adapter";
import { newId } from "@/lib/ids";
import { segmentMessage } from "@/lib/sms/segments";
import { startSmscStub, type SmscStub, type SmscStubOptions } from "../../support/smsc-stub";

export interface RecordingSink extends CarrierSink {
  received: CarrierReceipt[];
  texts: InboundText[];
  /** Makes the sink throw (a database outage) until set back to null. */
  failWith: Error | null;
}

export function recordingSink(): RecordingSink {
  const sink: RecordingSink = {
    received: [],
    texts: [],
    failWith: null,
    async receipts(receipts) {
      if (sink.failWith) throw sink.failWith;
      sink.received.push(...receipts);
    },
    async inbound(text) {
      if (sink.failWith) throw sink.failWith;
      sink.texts.push(text);
    },
  };
  return sink;
}

export function outbound(to: string, body: string, overrides: Partial<OutboundMessage> = {}): OutboundMessage {
  return { id: newId("message"), from: "+15005550006", to, body, encoding: segmentMessage(body).encoding, media: [], ...overrides };
}

const FAST: SmppAdapterOptions = { reconnectBaseMs: 50, reconnectMaxMs: 200, connectWaitMs: 3_000, throttleBackoffMs: 100, responseTimeoutMs: 3_000 };

const open: CarrierAdapter[] = [];
const stubs: SmscStub[] = [];
// Adapters first, so they unbind from a stub still there.
afterEach(async () => {
  await Promise.all(open.splice(0).map((adapter) => adapter.close()));
  await Promise.all(stubs.splice(0).map((stub) => stub.stop()));
});

/** A stub SMSC, stopped after the test. */
export async function stubSmsc(options: SmscStubOptions = {}): Promise<SmscStub> {
  const stub = await startSmscStub(options);
  stubs.push(stub);
  return stub;
}

/** An adapter bound to the stub (window and throughput high unless given), closed after the test. */
export function smppAdapter(stub: SmscStub, sink: CarrierSink, config: Partial<SmppConfig> = {}, options: SmppAdapterOptions = {}) {
  const adapter = createSmppAdapter("conn_smpp_test", stub.config({ throughput: 100_000, ...config }), sink, { ...FAST, ...options });
  open.push(adapter);
  return adapter;
}
