// The registered functions, cached in memory and reloaded when any executor records a sync
// (several executors may share one database), plus the sync itself.
import { canonicalJson } from "../../lib/canonical-json.ts";
import type { Db } from "../db.ts";
import type { Log } from "../log.ts";
import { functionConfigSchema, toFunctionDef, type FunctionConfig, type FunctionDef } from "./config.ts";
import { syncCronTimers } from "./cron-timers.ts";

export interface AppSync {
  appId: string;
  url: string;
  sdk: string;
  framework?: string;
  /** Each function as registered (kept verbatim) with its validated form. */
  functions: { raw: unknown; config: FunctionConfig }[];
}

export class Registry {
  private byId = new Map<string, FunctionDef>();
  private byEvent = new Map<string, FunctionDef[]>();
  private wildcards: { prefix: string; fn: FunctionDef }[] = [];
  private signature = "";

  constructor(
    private readonly db: Db,
    private readonly log: Log,
  ) {}

  get(id: string): FunctionDef | undefined {
    return this.byId.get(id);
  }

  all(): FunctionDef[] {
    return [...this.byId.values()];
  }

  /** Functions with an event trigger for `name` (exact, or a "prefix/*" wildcard), with the trigger's expression. */
  triggeredBy(name: string): { fn: FunctionDef; expression?: string }[] {
    const out: { fn: FunctionDef; expression?: string }[] = [];
    for (const fn of this.byEvent.get(name) ?? []) {
      for (const trigger of fn.events) if (trigger.name === name) out.push({ fn, expression: trigger.expression });
    }
    for (const { prefix, fn } of this.wildcards) {
      if (!name.startsWith(prefix)) continue;
      for (const trigger of fn.events) if (trigger.name === `${prefix}*`) out.push({ fn, expression: trigger.expression });
    }
    return out;
  }

  /** Reloads the functions when the stored set changed since the last look. */
  async refresh(force = false): Promise<void> {
    const { t } = this.db;
    const [sig] = await this.db.query<{ s: string }>(
      `SELECT (SELECT count(*) FROM ${t.fn})::text || '/' || coalesce((SELECT max("updatedAt") FROM ${t.fn})::text, '') || '/' || coalesce((SELECT max("syncedAt") FROM ${t.app})::text, '') AS s`,
    );
    if (!force && sig?.s === this.signature) return;
    const rows = await this.db.query<{ appId: string; config: unknown }>(`SELECT "appId", config FROM ${t.fn}`);
    const byId = new Map<string, FunctionDef>();
    for (const row of rows) {
      const parsed = functionConfigSchema.safeParse(row.config);
      if (parsed.success) byId.set(parsed.data.id, toFunctionDef(row.appId, parsed.data));
      else this.log.error(`stored function config is invalid, skipped: ${parsed.error.message}`);
    }
    this.index(byId);
    this.signature = sig?.s ?? "";
  }

  private index(byId: Map<string, FunctionDef>) {
    const byEvent = new Map<string, FunctionDef[]>();
    const wildcards: { prefix: string; fn: FunctionDef }[] = [];
    for (const fn of byId.values()) {
      for (const name of new Set(fn.events.map((e) => e.name))) {
        if (name.endsWith("*")) wildcards.push({ prefix: name.slice(0, -1), fn });
        else byEvent.set(name, [...(byEvent.get(name) ?? []), fn]);
      }
    }
    this.byId = byId;
    this.byEvent = byEvent;
    this.wildcards = wildcards;
  }

  /** Replaces the app's functions with `sync`'s; true when anything changed. */
  async sync(sync: AppSync): Promise<boolean> {
    const { t } = this.db;
    const modified = await this.db.tx(async (tx) => {
      const existing = await tx.query<{ id: string; config: unknown; url: string }>(`SELECT id, config, url FROM ${t.fn} WHERE "appId" = $1 FOR UPDATE`, [sync.appId]);
      const before = new Map(existing.map((row) => [row.id, canonicalJson(row.config)]));
      const changed =
        existing.length !== sync.functions.length || sync.functions.some((fn) => before.get(fn.config.id) !== canonicalJson(fn.raw));
      await tx.query(
        `INSERT INTO ${t.app} (id, url, sdk, framework, "syncedAt") VALUES ($1, $2, $3, $4, now())
         ON CONFLICT (id) DO UPDATE SET url = EXCLUDED.url, sdk = EXCLUDED.sdk, framework = EXCLUDED.framework, "syncedAt" = now()`,
        [sync.appId, sync.url, sync.sdk, sync.framework ?? null],
      );
      const defs = sync.functions.map((fn) => toFunctionDef(sync.appId, fn.config));
      const ids = defs.map((def) => def.id);
      await tx.query(`DELETE FROM ${t.fn} WHERE "appId" = $1 AND id <> ALL($2::text[])`, [sync.appId, ids]);
      for (const [i, def] of defs.entries()) {
        await tx.query(
          `INSERT INTO ${t.fn} AS f (id, "appId", name, url, config, "updatedAt") VALUES ($1, $2, $3, $4, $5, now())
           ON CONFLICT (id) DO UPDATE SET "appId" = EXCLUDED."appId", name = EXCLUDED.name, url = EXCLUDED.url, config = EXCLUDED.config,
             "updatedAt" = CASE WHEN f.config = EXCLUDED.config AND f.url = EXCLUDED.url THEN f."updatedAt" ELSE now() END`,
          [def.id, sync.appId, def.name, def.url, JSON.stringify(sync.functions[i]!.raw)],
        );
      }
      await syncCronTimers(this.db, tx, defs, existing.map((row) => row.id));
      return changed;
    });
    await this.refresh(true);
    return modified;
  }
}
