// The demo org's simulator by default leaves ~3% of messages undelivered or failed, at random, as a
// real network would. A spec that waits for "delivered" makes it deliver everything while it runs
// (a fixture in the e2e database scripts/e2e.ts made, not a mock: the real pipeline still runs), and
// puts the rates back afterwards. Bumping updatedAt makes the server build a fresh adapter.
import pg from "pg";
import { DEMO_ORG_NAME } from "../prisma/demo";

export async function withDb<T>(work: (client: pg.Client) => Promise<T>): Promise<T> {
  const url = process.env.DATABASE_URL;
  if (!url) throw new Error("DATABASE_URL is not set: run the e2e tier with `npm run test:e2e`");
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

/** Makes the demo org's simulator deliver every message; returns the function that restores it. */
export async function simulatorAlwaysDelivers(): Promise<() => Promise<void>> {
  const before = await withDb(async (client) => {
    const { rows } = await client.query<{ id: string; config: Record<string, unknown> }>(
      `SELECT c.id, c.config FROM "CarrierConnection" c JOIN "Organization" o ON o.id = c."orgId"
       WHERE o.name = $1 AND c.kind = 'SIMULATOR'`,
      [DEMO_ORG_NAME],
    );
    if (rows.length === 0) throw new Error(`No simulator connection for ${DEMO_ORG_NAME}: was the e2e database seeded?`);
    for (const row of rows) await setConfig(client, row.id, { ...row.config, undeliveredRate: 0, failedRate: 0 });
    return rows;
  });
  return () => withDb(async (client) => {
    for (const row of before) await setConfig(client, row.id, row.config);
  });
}

function setConfig(client: pg.Client, id: string, config: Record<string, unknown>) {
  return client.query(`UPDATE "CarrierConnection" SET config = $2::jsonb, "updatedAt" = now() AT TIME ZONE 'UTC' WHERE id = $1`, [id, JSON.stringify(config)]);
}
