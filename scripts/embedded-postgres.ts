// The embedded database: PGlite (PostgreSQL compiled to Wasm) served over the PostgreSQL wire
// protocol by pglite-socket. Serving it on a loopback port, instead of using an in-process adapter,
// lets the web server, the job executor and the Prisma CLI share one database through the same
// adapter-pg code path as a real PostgreSQL server.
import { mkdirSync } from "node:fs";
import path from "node:path";
import { PGlite } from "@electric-sql/pglite";
import { pg_trgm } from "@electric-sql/pglite/contrib/pg_trgm";
import { PGLiteSocketServer } from "@electric-sql/pglite-socket";
import { keepExchangesTogether } from "./pglite-exchanges.ts";

export interface EmbeddedPostgres {
  url: string;
  stop(): Promise<void>;
}

export async function startEmbeddedPostgres(options: { dataDir: string; port?: number }): Promise<EmbeddedPostgres> {
  mkdirSync(path.dirname(options.dataDir), { recursive: true });
  const db = await PGlite.create({ dataDir: options.dataDir, extensions: { pg_trgm } });
  const server = new PGLiteSocketServer({
    db,
    host: "127.0.0.1",
    port: options.port ?? 0,
    // The multiplexer queues each client's transaction as a whole, so several pools can share it.
    maxConnections: 64,
  });
  keepExchangesTogether(server);
  await server.start();
  return {
    url: `postgresql://postgres:postgres@${server.getServerConn()}/postgres`,
    async stop() {
      await server.stop();
      await db.close();
    },
  };
}
