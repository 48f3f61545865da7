// One adapter per carrier connection, made on first use and kept for the life of the process (an
// SMPP adapter holds its binds open). A connection whose settings changed gets a new adapter and the
// old one is closed. Each adapter reports to a sink bound to its connection.
import type { CarrierAdapter, CarrierSink } from "@/lib/carriers/carrier";
import { CONNECTION_CONFIG } from "@/lib/carriers/connection-config";
import { createSimulatorAdapter } from "@/lib/simulator/simulator-adapter";
import { createSmppAdapter } from "@/lib/carriers/smpp/smpp-adapter";
import { createTwilioAdapter } from "@/lib/carriers/twilio/twilio-adapter";
import type { Db } from "@/lib/db/client";
import type { CarrierKind } from "@/lib/generated/prisma/enums";
import { outsideRequest } from "@/lib/log/logger";
import { receiveMessage } from "@/lib/messaging/receive-message";
import { recordReceipts } from "@/lib/messaging/record-receipt";

export interface ConnectionRow {
  id: string;
  kind: CarrierKind;
  config: unknown;
  updatedAt: Date;
}

interface Entry {
  version: number;
  adapter: CarrierAdapter;
}

const globalForCarriers = globalThis as unknown as { textstackCarriers?: Map<string, Entry> };
const adapters = (globalForCarriers.textstackCarriers ??= new Map<string, Entry>());

function sinkFor(db: Db, connectionId: string): CarrierSink {
  return {
    receipts: (receipts) => recordReceipts(db, connectionId, receipts),
    inbound: async (text) => {
      await receiveMessage(db, connectionId, text);
    },
  };
}

function createAdapter(db: Db, connection: ConnectionRow): CarrierAdapter {
  const sink = sinkFor(db, connection.id);
  switch (connection.kind) {
    case "SIMULATOR":
      return createSimulatorAdapter(connection.id, CONNECTION_CONFIG.SIMULATOR.parse(connection.config));
    case "TWILIO":
      return createTwilioAdapter(connection.id, CONNECTION_CONFIG.TWILIO.parse(connection.config), sink);
    case "SMPP":
      return createSmppAdapter(connection.id, CONNECTION_CONFIG.SMPP.parse(connection.config), sink);
  }
}

/** The adapter for a connection, made (or remade after its settings changed) as needed. */
export function adapterFor(db: Db, connection: ConnectionRow): CarrierAdapter {
  const version = connection.updatedAt.getTime();
  const current = adapters.get(connection.id);
  if (current?.version === version) return current.adapter;
  if (current) void current.adapter.close();
  // Kept for the life of the process: its bind's lines belong to no request.
  const adapter = outsideRequest(() => createAdapter(db, connection));
  adapters.set(connection.id, { version, adapter });
  return adapter;
}

/** Closes a connection's adapter, if it has one (the connection was deleted). */
export async function closeAdapter(connectionId: string) {
  const entry = adapters.get(connectionId);
  adapters.delete(connectionId);
  await entry?.adapter.close();
}

/** Closes every adapter (tests, shutdown). */
export async function closeAdapters() {
  const all = [...adapters.values()];
  adapters.clear();
  await Promise.all(all.map((entry) => entry.adapter.close()));
}
