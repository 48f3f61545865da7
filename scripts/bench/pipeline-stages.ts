// `npm run bench:pipeline-stages`: the message pipeline's three stages one after another, each alone
// on the machine, with the CPU each costs per message in this process (the app) and in PostgreSQL:
// 1. send: `sendMessages` batches of 1,000 from 2 callers (validation, contacts, messages, history);
// 2. dispatch: dispatcher rounds of 4 simulator senders until their queues are empty (claim,
//    `sending`, the simulator's submit, `sent` with submissions and history);
// 3. receipts: the simulator's `delivered` receipts, 500 a call from 2 callers.
// Where bench:pipeline runs them overlapped through the job executor, this says which stage costs
// what. PostgreSQL's CPU is read from /proc (the server must run on this machine, as under
// TEST_DATABASE_URL=postgresql://...@127.0.0.1); other load on the machine counts too, so run it quiet.
import { readdirSync, readFileSync } from "node:fs";
import os from "node:os";
import { startScratch } from "./scratch.ts";
import { sendBenchMessages, simulatorOrg } from "./simulator-org.ts";

const MESSAGES = Number(process.env.BENCH_MESSAGES ?? 20_000);
const RECEIPTS_PER_CALL = 500;

const scratch = await startScratch("bench_stages");
Object.assign(process.env, { DATABASE_URL: scratch.dbUrl, INNGEST_DEV: scratch.executorUrl, AUTH_SECRET: process.env.AUTH_SECRET ?? "bench-secret-0123456789abcdef0123456789", NODE_ENV: "production" });
const { db } = await import("../../lib/db.ts");
const { dispatchRound } = await import("../../lib/delivery/dispatch-round.ts");
const { recordReceipts } = await import("../../lib/messaging/record-receipt.ts");

/** CPU seconds used so far by all PostgreSQL processes on this machine. */
function postgresCpuMs(): number {
  let ms = 0;
  for (const pid of readdirSync("/proc").filter((d) => /^\d+$/.test(d))) {
    try {
      const stat = readFileSync(`/proc/${pid}/stat`, "utf8");
      if (!stat.slice(stat.indexOf("(") + 1, stat.lastIndexOf(")")).startsWith("postgres")) continue;
      const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
      ms += ((Number(fields[11]) + Number(fields[12])) * 1000) / 100; // utime + stime, in clock ticks of 1/100 s
    } catch {
      // the process ended meanwhile
    }
  }
  return ms;
}

const rows: string[] = [];
async function stage(name: string, work: () => Promise<unknown>) {
  const [pg0, cpu0, t0] = [postgresCpuMs(), process.cpuUsage(), performance.now()];
  await work();
  const wall = performance.now() - t0;
  const cpu = process.cpuUsage(cpu0);
  const perMessage = (ms: number) => Math.round((ms * 1000) / MESSAGES);
  rows.push(`| ${name} | ${Math.round(MESSAGES / (wall / 1000))} messages/s | ${perMessage((cpu.user + cpu.system) / 1000)} µs | ${perMessage(postgresCpuMs() - pg0)} µs |`);
}

try {
  const org = await simulatorOrg(4);
  const { senders, connectionId } = org;

  await stage("send (`sendMessages`, 2 callers)", () => sendBenchMessages(org, MESSAGES, 2));
  await stage("dispatch (4 senders at once)", () =>
    Promise.all(senders.map(async (s) => {
      while ((await dispatchRound(db, s.id)).more);
    })),
  );
  const submitted = (await db.messageSubmission.findMany({ select: { carrierMessageId: true } })).map((s) => s.carrierMessageId);
  await stage("receipts (2 callers)", async () => {
    let next = 0;
    const caller = async () => {
      for (let start = next; start < submitted.length; start = next) {
        next += RECEIPTS_PER_CALL;
        const receipts = submitted.slice(start, start + RECEIPTS_PER_CALL).map((carrierMessageId) => ({ carrierMessageId, status: "DELIVERED" as const, occurredAt: new Date() }));
        await recordReceipts(db, connectionId, receipts);
      }
    };
    await Promise.all([caller(), caller()]);
  });
  const delivered = await db.message.count({ where: { status: "DELIVERED" } });
  if (delivered !== MESSAGES) throw new Error(`${delivered} of ${MESSAGES} messages delivered`);

  console.log(`${os.cpus().length} cores (${os.cpus()[0]?.model.trim()}), Node ${process.version}, ${scratch.database}, ${MESSAGES} messages, load average ${os.loadavg()[0]!.toFixed(2)}`);
  console.log(`\n| stage | alone | app CPU / message | PostgreSQL CPU / message |\n|---|---|---|---|\n${rows.join("\n")}`);
} finally {
  await db.$disconnect();
  await scratch.cleanup();
}
