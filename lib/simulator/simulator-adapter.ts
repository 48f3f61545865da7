// The built-in carrier, in this process: accepts every message at once with a Twilio-like id and,
// once the dispatcher has recorded that and after the configured delay, reports what a real network
// would (mostly delivered, some unreachable handsets, a few carrier failures, at the configured rates).
// The receipts travel as one durable event per submit batch (lib/jobs/simulator-deliver.ts), so they
// survive a restart like real ones would.
import { randomInt } from "node:crypto";
import { pooledRandomBytes } from "@/lib/random-bytes";
import type { CarrierAdapter, OutboundMessage, SubmitOutcome } from "@/lib/carriers/carrier";
import type { SimulatorConfig } from "@/lib/carriers/connection-config";
import { emitEvents } from "@/lib/events/emit";
import { simulatorReceiptsDue } from "@/lib/events/simulator";

// Error codes and texts as Twilio reports them for the same outcomes.
const UNDELIVERED = [
  { errorCode: "30003", errorMessage: "Unreachable destination handset" },
  { errorCode: "30005", errorMessage: "Unknown destination handset" },
  { errorCode: "30006", errorMessage: "Landline or unreachable carrier" },
] as const;
const FAILED = [
  { errorCode: "30007", errorMessage: "Message filtered by the carrier" },
  { errorCode: "30008", errorMessage: "Unknown error" },
] as const;

// Keeps each event well under event size limits (~100 bytes a receipt).
const RECEIPTS_PER_EVENT = 500;

type Draw = () => number;
const secureDraw: Draw = () => pooledRandomBytes(4).reduce((n, b) => n * 256 + b, 0) / 2 ** 32;

/** What the simulated network reports for one message (also drawn again for a receipt that was lost). */
export function simulatedOutcome(config: SimulatorConfig, draw: Draw = secureDraw) {
  const roll = draw();
  if (roll < config.failedRate) return { status: "FAILED" as const, ...FAILED[randomInt(FAILED.length)]! };
  if (roll < config.failedRate + config.undeliveredRate) return { status: "UNDELIVERED" as const, ...UNDELIVERED[randomInt(UNDELIVERED.length)]! };
  return { status: "DELIVERED" as const };
}

export function createSimulatorAdapter(connectionId: string, config: SimulatorConfig): CarrierAdapter {
  return {
    inProcess: true,
    async submit(messages: OutboundMessage[]): Promise<SubmitOutcome[]> {
      return messages.map(() => {
        const id = `SM${Buffer.from(pooledRandomBytes(16)).toString("hex")}`;
        return { ok: true as const, carrierMessageId: id, partIds: [id] };
      });
    },
    async recorded(outcomes: SubmitOutcome[]) {
      const dueAt = new Date(Date.now() + config.deliveryDelayMs).toISOString();
      const receipts = outcomes.flatMap((o) => (o.ok ? [{ carrierMessageId: o.carrierMessageId, ...simulatedOutcome(config) }] : []));
      const events = [];
      for (let i = 0; i < receipts.length; i += RECEIPTS_PER_EVENT) {
        events.push(simulatorReceiptsDue.create({ connectionId, dueAt, receipts: receipts.slice(i, i + RECEIPTS_PER_EVENT) }));
      }
      await emitEvents(events);
    },
    async close() {},
  };
}
