// Every new organisation can text at once: a simulator connection with one virtual number, so the
// compose box, the Phones page and STOP handling work before any carrier account is set up.
import { randomInt } from "node:crypto";
import { simulatorConfig } from "@/lib/carriers/connection-config";
import type { Prisma } from "@/lib/generated/prisma/client";
import { newId } from "@/lib/ids";

type Tx = Prisma.TransactionClient;

// Twilio's list prices, as a realistic example the org can change: $0.0079 a segment, $0.0200 an MMS.
const SMS_PRICE_MICROS = 7_900;
const MMS_PRICE_MICROS = 20_000;

/** A number in the 555-01xx block, set aside for fiction in North America (never a real subscriber). */
export function virtualNumber(areaCode = "415"): string {
  return `+1${areaCode}55501${String(randomInt(100)).padStart(2, "0")}`;
}

export async function provisionSimulator(tx: Tx, orgId: string) {
  const connection = await tx.carrierConnection.create({
    data: {
      id: newId("connection"),
      orgId,
      name: "Simulator",
      kind: "SIMULATOR",
      config: simulatorConfig.parse({}),
      smsPriceMicros: SMS_PRICE_MICROS,
      mmsPriceMicros: MMS_PRICE_MICROS,
    },
  });
  const sender = await tx.senderNumber.create({
    data: {
      id: newId("sender"),
      orgId,
      connectionId: connection.id,
      kind: "LONG_CODE",
      address: virtualNumber(),
      label: "Virtual number",
      throughput: 50,
      mmsEnabled: true,
    },
  });
  return { connection, sender };
}
