// Driver adapter for the Prisma CLI's Wasm schema engine (prisma.config.ts).
// Prisma 6.19 with `engine: "js"` migrates through @prisma/adapter-pg, which has rough edges;
// each work-around lives here, with the reason beside it.
import pg from "pg";
import { PrismaPg } from "@prisma/adapter-pg";

// adapter-pg refuses the catalog types "char" (oid 18) and name (oid 19) that the schema engine's
// introspection queries return (prisma/orm#27403). Both are plain text to the engine.
const CATALOG_TEXT_OIDS = new Set([18, 19]);
const TEXT_OID = 25;

type QueryResultLike = { fields?: { dataTypeID: number }[] };
function asText<T>(result: T): T {
  for (const field of (result as QueryResultLike)?.fields ?? []) {
    if (CATALOG_TEXT_OIDS.has(field.dataTypeID)) field.dataTypeID = TEXT_OID;
  }
  return result;
}

class CatalogTolerantClient extends pg.Client {
  // pg.Pool calls query with a callback; adapter-pg calls it with a promise. Handle both.
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  override query(...args: any[]): any {
    const callback = typeof args[args.length - 1] === "function" ? args.pop() : undefined;
    // eslint-disable-next-line @typescript-eslint/no-explicit-any
    const promise = (super.query as any)(...args).then(asText);
    if (!callback) return promise;
    promise.then((r: unknown) => callback(null, r), (e: unknown) => callback(e));
  }
}

function poolConfig(url: string): pg.PoolConfig {
  // The shadow database is created by name: a connection string would override that name,
  // so the config is given as separate fields.
  const u = new URL(url);
  return {
    host: u.hostname,
    port: Number(u.port || 5432),
    user: decodeURIComponent(u.username),
    password: decodeURIComponent(u.password),
    database: decodeURIComponent(u.pathname.slice(1)) || "postgres",
    // Idle clients must not keep the CLI alive after it is done.
    allowExitOnIdle: true,
    Client: CatalogTolerantClient,
  } as pg.PoolConfig;
}

type PgAdapter = Awaited<ReturnType<PrismaPg["connect"]>>;

// adapter-pg runs a migration script by splitting it on ";", which breaks dollar-quoted function
// bodies. Send the script whole instead: one simple-protocol query, which PostgreSQL also runs
// as one implicit transaction, so a failing migration leaves nothing half-applied.
function runScriptsWhole(conn: PgAdapter): PgAdapter {
  conn.executeScript = async (script: string) => {
    try {
      await (conn.underlyingDriver() as pg.Pool).query(script);
    } catch (error) {
      // Converts the pg error into the DriverAdapterError the engine reports.
      (conn as unknown as { onError(e: unknown): never }).onError(error);
    }
  };
  return conn;
}

class MigrationAdapterFactory extends PrismaPg {
  constructor(private readonly url: string) {
    super(poolConfig(url));
  }

  override async connect() {
    return runScriptsWhole(await super.connect());
  }

  // adapter-pg drops the shadow database before closing the pool that is still connected to it,
  // so the DROP fails; close the pool first.
  override async connectToShadowDb() {
    const admin = await this.connect();
    const database = `prisma_migrate_shadow_db_${globalThis.crypto.randomUUID().replaceAll("-", "")}`;
    await admin.executeScript(`CREATE DATABASE "${database}"`);
    const shadow = new PrismaPg({ ...poolConfig(this.url), database });
    const conn = runScriptsWhole(await shadow.connect());
    const dispose = conn.dispose.bind(conn);
    conn.dispose = async () => {
      await dispose();
      await admin.executeScript(`DROP DATABASE IF EXISTS "${database}"`);
      await admin.dispose();
    };
    return conn;
  }
}

export function migrationAdapter(url: string) {
  return new MigrationAdapterFactory(url);
}

// The Wasm schema engine leaves 10-60 s timers behind that hold the CLI open after its work is
// done. Long timers must not keep the process alive: unref them (they still fire if it lives on).
export function letLongTimersUnref(thresholdMs = 5_000) {
  const original = globalThis.setTimeout;
  const patched = ((handler: TimerHandler, ms?: number, ...rest: unknown[]) => {
    const timer = original(handler as () => void, ms, ...rest);
    if ((ms ?? 0) >= thresholdMs) (timer as unknown as NodeJS.Timeout).unref?.();
    return timer;
  }) as typeof setTimeout;
  globalThis.setTimeout = Object.assign(patched, original);
}
