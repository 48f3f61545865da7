// `npm run bench:smpp`: submit_sm per second on one SMPP bind. The stub SMSC (tests/support/
// smsc-stub.ts) runs as its own process on 127.0.0.1, as a real SMSC would be another machine; this
// process is the app: the real adapter (lib/carriers/smpp) with window 50 and a throughput limit
// high enough not to bind. Measured:
//   - throughput: BENCH_SMPP_MESSAGES single-part messages handed to submit() at once, in batches of
//     1,000 as the dispatcher hands them, until every outcome is in;
//   - latency: submit() of one message until its outcome, 50 callers each sending the next message
//     when the last one is answered (so the window is full), BENCH_SMPP_LATENCY_SAMPLES messages.
import { spawn } from "node:child_process";
import os from "node:os";
import { createInterface } from "node:readline";
import type { CarrierSink, OutboundMessage } from "../../lib/carriers/carrier.ts";
import { smppConfig } from "../../lib/carriers/connection-config.ts";
import { createSmppAdapter } from "../../lib/carriers/smpp/smpp-adapter.ts";
import { startSmscStub } from "../../tests/support/smsc-stub.ts";

const MESSAGES = Number(process.env.BENCH_SMPP_MESSAGES ?? 20_000);
const LATENCY_SAMPLES = Number(process.env.BENCH_SMPP_LATENCY_SAMPLES ?? 10_000);
const WINDOW = 50;
const BATCH = 1_000;

if (process.argv.includes("--smsc")) {
  // The SMSC process: says its port, runs until this script's process ends it.
  const stub = await startSmscStub();
  console.log(JSON.stringify({ port: stub.port }));
  process.on("SIGTERM", () => void stub.stop().then(() => process.exit(0)));
} else {
  const smsc = spawn(process.execPath, ["--import", "tsx", "scripts/bench/smpp.ts", "--smsc"], { stdio: ["ignore", "pipe", "inherit"] });
  const { port } = JSON.parse((await createInterface({ input: smsc.stdout })[Symbol.asyncIterator]().next()).value as string) as { port: number };

  const sink: CarrierSink = { receipts: async () => {}, inbound: async () => {} };
  const config = smppConfig.parse({ host: "127.0.0.1", port, systemId: "textstack", password: "secret", window: WINDOW, throughput: 100_000 });
  const adapter = createSmppAdapter("conn_bench", config, sink);
  let n = 0;
  const message = (): OutboundMessage => {
    const body = `Your code is ${String(++n).padStart(6, "0")}. Reply STOP to opt out.`;
    return { id: `msg_bench${n}`, from: "+15005550006", to: `+1415${String(5_000_000 + (n % 1_000_000)).padStart(7, "0")}`, body, encoding: "GSM-7", media: [] };
  };
  const percentile = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;
  const round = (value: number) => Math.round(value * 100) / 100;

  try {
    // Warm-up: the bind, JIT.
    await adapter.submit(Array.from({ length: 2_000 }, message));

    const started = performance.now();
    const cpuBefore = process.cpuUsage();
    const batches: Promise<unknown>[] = [];
    for (let sent = 0; sent < MESSAGES; sent += BATCH) batches.push(adapter.submit(Array.from({ length: Math.min(BATCH, MESSAGES - sent) }, message)));
    const outcomes = (await Promise.all(batches)).flat() as { ok: boolean }[];
    const seconds = (performance.now() - started) / 1000;
    const cpu = process.cpuUsage(cpuBefore);
    if (outcomes.some((o) => !o.ok)) throw new Error(`${outcomes.filter((o) => !o.ok).length} submits failed`);

    const latencies: number[] = [];
    const latencyStarted = performance.now();
    let begun = 0;
    const caller = async () => {
      while (begun++ < LATENCY_SAMPLES) {
        const at = performance.now();
        const [outcome] = await adapter.submit([message()]);
        if (!outcome?.ok) throw new Error("submit failed");
        latencies.push(performance.now() - at);
      }
    };
    await Promise.all(Array.from({ length: WINDOW }, caller));
    const latencySeconds = (performance.now() - latencyStarted) / 1000;
    latencies.sort((a, b) => a - b);

    const result = {
      machine: `${os.cpus().length} cores (${os.cpus()[0]?.model.trim()}), ${Math.round(os.totalmem() / 2 ** 30)} GiB, Node ${process.version}`,
      throughput: {
        messages: MESSAGES,
        seconds: round(seconds),
        submitsPerSecond: Math.round(MESSAGES / seconds),
        // The adapter's own cost, which a busy machine does not inflate the way it does wall time.
        appCpuMsPer1000: round(((cpu.user + cpu.system) / 1000 / MESSAGES) * 1000),
      },
      latency: {
        samples: latencies.length,
        callers: WINDOW,
        submitsPerSecond: Math.round(latencies.length / latencySeconds),
        p50: round(percentile(latencies, 50)),
        p95: round(percentile(latencies, 95)),
        p99: round(percentile(latencies, 99)),
        max: round(latencies.at(-1)!),
      },
    };
    console.log(JSON.stringify(result, null, 2));
    console.log(`\n| measure | value |\n|---|---|`);
    console.log(`| submit_sm per second, ${MESSAGES} messages at once (${result.throughput.seconds} s) | ${result.throughput.submitsPerSecond} |`);
    console.log(`| adapter CPU per 1,000 submits | ${result.throughput.appCpuMsPer1000} ms |`);
    console.log(`| submit to outcome, ${WINDOW} callers: p50 / p95 / p99 / max | ${result.latency.p50} / ${result.latency.p95} / ${result.latency.p99} / ${result.latency.max} ms |`);
    console.log(`| submit_sm per second with ${WINDOW} callers | ${result.latency.submitsPerSecond} |`);
  } finally {
    await adapter.close();
    smsc.kill("SIGTERM");
  }
}
