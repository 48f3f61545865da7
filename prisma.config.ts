import { defineConfig } from "prisma/config";
import { letLongTimersUnref, migrationAdapter } from "./lib/db/migrate-adapter";

letLongTimersUnref();

// The CLI does not read .env when a config file exists, and the schema's env("DATABASE_URL") must
// resolve or the CLI tries to download a native engine. `prisma generate` needs no database, so a
// placeholder is enough there; commands that connect get the real URL from scripts/with-db.ts.
process.env.DATABASE_URL ??= "postgresql://postgres@127.0.0.1:5432/unset";
const url = process.env.DATABASE_URL;

export default defineConfig({
  schema: "prisma/schema.prisma",
  migrations: { path: "prisma/migrations", seed: "tsx prisma/seed.ts" },
  experimental: { adapter: true },
  engine: "js",
  adapter: async () => migrationAdapter(url),
});
