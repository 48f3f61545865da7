// What the pipeline benchmarks send from: an org whose simulator delivers every message at once, with
// `senderCount` simulator numbers at 100,000 messages/s (so the pipeline, not a throttle, is
// measured), and the recipients they text. Import after the app's environment is set (the app's
// modules read it when first imported).
import { randomBytes } from "node:crypto";

export async function simulatorOrg(senderCount: number) {
  const { db } = await import("../../lib/db.ts");
  const { scopedDb } = await import("../../lib/db/scoped.ts");
  const { signUp } = await import("../../lib/auth/sign-up.ts");
  const { createOrg } = await import("../../lib/orgs/create-org.ts");
  const { newId } = await import("../../lib/ids.ts");

  const user = await signUp(db, { name: "Bench", email: `bench-${randomBytes(3).toString("hex")}@example.test`, password: "bench password 1" });
  const org = await createOrg(db, user.id, { name: "Bench", defaultCountry: "US" });
  const first = await db.senderNumber.findFirstOrThrow({ where: { orgId: org.id } });
  await db.carrierConnection.update({ where: { id: first.connectionId }, data: { config: { deliveryDelayMs: 0, undeliveredRate: 0, failedRate: 0 } } });
  const senders = [await db.senderNumber.update({ where: { id: first.id }, data: { throughput: 100_000 } })];
  for (let i = 1; i < senderCount; i++) {
    const address = `+1415555${String(200 + i).padStart(4, "0")}`;
    senders.push(await db.senderNumber.create({ data: { id: newId("sender"), orgId: org.id, connectionId: first.connectionId, address, throughput: 100_000 } }));
  }
  const ctx = { db: scopedDb(db, org.id), orgId: org.id, actor: { type: "SYSTEM" as const, id: null, label: "bench" }, role: null };
  return { ctx, senders, connectionId: first.connectionId };
}

/** Recipient `i`: 10,000 numbers in each of 5 US area codes. */
export const benchPhone = (i: number) => `+1${["212", "312", "303", "415", "602"][i % 5]}555${String(i % 10_000).padStart(4, "0")}`;
