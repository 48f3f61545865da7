// Demo data (prisma/seed/seed-demo.ts): `npm run db:seed`, and `npm start` on every start (idempotent).
import { createPrismaClient } from "../lib/db/client.ts";
import { seedDemo } from "./seed/seed-demo.ts";

async function main() {
  const url = process.env.DATABASE_URL;
  if (!url) throw new Error("DATABASE_URL is required (run through `npm run db:seed`)");
  const db = createPrismaClient(url, { max: 2 });
  try {
    await seedDemo(db);
  } finally {
    await db.$disconnect();
  }
}

await main();
