// SMPP receipts and inbound texts arrive on the bind, so every SMPP connection is bound from server
// start, not from its first send. A bind that fails keeps retrying on its own (smpp-bind.ts).
import { adapterFor } from "@/lib/carriers/registry";
import type { Db } from "@/lib/db/client";

/** Opens the bind of every SMPP connection (all organisations: `db` is the unscoped client). */
export async function startSmppBinds(db: Db): Promise<void> {
  const connections = await db.carrierConnection.findMany({ where: { kind: "SMPP" }, select: { id: true, kind: true, config: true, updatedAt: true } });
  for (const connection of connections) {
    try {
      adapterFor(db, connection);
    } catch (error) {
      // Settings that no longer validate: that connection stays down, the others still bind.
      console.warn(`[smpp ${connection.id}] not started: ${(error as Error).message}`);
    }
  }
}
