// SMPP receipts and inbound texts arrive on the bind, so every SMPP connection is bound from server
// start, not from its first send, and rebound as soon as it changes. A bind that fails keeps
// retrying on its own (smpp-bind.ts).
import { adapterFor, closeAdapter } from "@/lib/delivery/carrier-registry";
import type { Db } from "@/lib/db/client";
import { logger } from "@/lib/log/logger";

const log = logger.child({ component: "smpp" });

const select = { id: true, kind: true, config: true, updatedAt: true } as const;

// The client the binds were opened with (the server's own), for rebinding a connection that changes.
let bindingDb: Db | null = null;

/** Opens the bind of every SMPP connection (all organisations: `db` is the unscoped client). */
export async function startSmppBinds(db: Db): Promise<void> {
  bindingDb = db;
  const connections = await db.carrierConnection.findMany({ where: { kind: "SMPP" }, select });
  for (const connection of connections) open(db, connection);
}

/**
 * After a connection was created, changed or deleted: an SMPP connection binds at once with its
 * new settings (rather than keeping the old bind until its next send), and a deleted one unbinds.
 * Where binds were not started with the server (a script, a test), nothing happens here.
 */
export async function rebindConnection(connectionId: string): Promise<void> {
  if (!bindingDb) return;
  try {
    const connection = await bindingDb.carrierConnection.findUnique({ where: { id: connectionId }, select });
    if (connection?.kind === "SMPP") open(bindingDb, connection);
    else if (!connection) await closeAdapter(connectionId);
  } catch (error) {
    // The change is saved; its bind follows at the next send, as it would without this.
    log.warn({ connectionId }, `not rebound: ${(error as Error).message}`);
  }
}

function open(db: Db, connection: Parameters<typeof adapterFor>[1]) {
  try {
    adapterFor(db, connection);
  } catch (error) {
    // Settings that no longer validate: that connection stays down, the others still bind.
    log.warn({ connectionId: connection.id }, `not started: ${(error as Error).message}`);
  }
}
