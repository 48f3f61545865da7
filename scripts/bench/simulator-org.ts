// What the pipeline benchmarks share: the org they send from (its simulator delivers every message
// at once, from `senderCount` numbers at 100,000 messages/s, so the pipeline, not a throttle, is
// measured) and the batches they send. Import after the app's environment is set (the app's modules
// read it when first imported).
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
const benchPhone = (i: number) => `+1${["212", "312", "303", "415", "602"][i % 5]}555${String(i % 10_000).padStart(4, "0")}`;

/** Messages a `sendMessages` call of the benchmarks carries. */
export const BENCH_BATCH = 1_000;

/**
 * Sends `count` messages through `sendMessages` in batches of BENCH_BATCH from `callers` callers at
 * once, as API requests would, each batch from the next sender in turn; a refusal stops the run.
 */
export async function sendBenchMessages(org: Awaited<ReturnType<typeof simulatorOrg>>, count: number, callers: number) {
  const { sendMessages } = await import("../../lib/messaging/send-messages.ts");
  let next = 0;
  const caller = async () => {
    for (let start = next; start < count; start = next) {
      next += BENCH_BATCH;
      const batch = Array.from({ length: Math.min(BENCH_BATCH, count - start) }, (_, k) => ({
        to: benchPhone(start + k),
        from: org.senders[(start / BENCH_BATCH) % org.senders.length]!.address,
        body: `Hi! Your table for 2 is ready. Reply STOP to opt out. #${start + k}`,
      }));
      const refused = (await sendMessages(org.ctx, batch, "api")).find((r) => !r.ok);
      if (refused) throw new Error(`refused: ${JSON.stringify(refused)}`);
    }
  };
  await Promise.all(Array.from({ length: callers }, caller));
}
