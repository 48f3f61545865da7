import { PrismaPg } from "@prisma/adapter-pg";
import { PrismaClient } from "@/lib/generated/prisma/client";

// A Prisma client for a postgresql:// URL. A `schema` query parameter (used by tests, which give
// each file its own schema) becomes both Prisma's schema and the session's search_path.
export function createPrismaClient(url: string, options: { max?: number } = {}) {
  const parsed = new URL(url);
  const schema = parsed.searchParams.get("schema") ?? undefined;
  parsed.searchParams.delete("schema");
  const adapter = new PrismaPg(
    {
      connectionString: parsed.toString(),
      max: options.max ?? 10,
      allowExitOnIdle: true,
      ...(schema ? { options: `-c search_path="${schema}",public` } : {}),
    },
    schema ? { schema } : undefined,
  );
  return new PrismaClient({ adapter });
}

export type Db = ReturnType<typeof createPrismaClient>;
