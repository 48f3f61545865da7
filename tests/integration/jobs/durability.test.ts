// Durability: everything lives in PostgreSQL, so a restarted (or kill -9'd) executor loses no run;
// leases keep several executors on one database from running a step twice.
import { Inngest } from "inngest";
import { describe, expect, it } from "vitest";
import { setupJobsHarness, spawnExecutor, waitUntil } from "./harness";

const h = await setupJobsHarness("durable");
const executions = new Map<string, number>();
const count = (key: string) => {
  const n = (executions.get(key) ?? 0) + 1;
  executions.set(key, n);
  return n;
};

const napper = h.client.createFunction({ id: "napper", triggers: [{ event: "durable/nap" }] }, async ({ step, runId }) => {
  await step.run("before", () => count(`${runId}:before`));
  await step.sleep("nap", "2s");
  await step.run("after", () => count(`${runId}:after`));
  return "rested";
});

const slow = h.client.createFunction({ id: "slow", triggers: [{ event: "durable/slow" }] }, async ({ step, runId }) => {
  // Reported back (checkpointed) before the next step starts, in the same call.
  await step.run("first", () => count(`${runId}:first`));
  return step.run("maybe-hangs", async () => {
    const n = count(`${runId}:slow`);
    // The first attempt never answers: its executor is killed while it is in flight.
    if (n === 1) await new Promise(() => {});
    return n;
  });
});

const busy = h.client.createFunction({ id: "busy", triggers: [{ event: "durable/busy" }] }, async ({ step, runId }) => {
  for (const name of ["one", "two", "three"]) await step.run(name, () => count(`${runId}:${name}`));
  return "done";
});

await h.serve([napper, slow, busy]);

const stepStatus = async (runId: string, name: string) =>
  (await h.database.sql<{ status: string }>(`SELECT status FROM "JobStep" WHERE "runId" = $1 AND name = $2`, [runId, name]))[0]?.status;

describe("durability", () => {
  it("a sleeping run survives an executor restart: a new executor on the same database wakes it", async () => {
    await h.client.send({ name: "durable/nap", data: {} });
    const [run] = await waitUntil(async () => {
      const rows = await h.runs("napper");
      return rows.length === 1 && (await stepStatus(rows[0]!.id, "nap")) === "SLEEPING" ? rows : undefined;
    });
    await h.executor.stop();
    const second = await h.startExecutor();
    const [done] = await h.waitForRuns("napper", 1, { timeoutMs: 10_000 });
    expect(done!.status).toBe("COMPLETED");
    expect(executions.get(`${run!.id}:before`)).toBe(1);
    expect(executions.get(`${run!.id}:after`)).toBe(1);
    await second.stop();
  });

  it("kill -9 of the executor process loses nothing: due timers fire and the step in flight is retried by the next one", async () => {
    const { child, url } = await spawnExecutor(h.executorDbUrl);
    const sender = new Inngest({ id: h.appId, isDev: true, baseUrl: url, logger: { info() {}, warn() {}, error() {}, debug() {} } });
    await sender.send([{ name: "durable/nap", data: { second: true } }, { name: "durable/slow", data: {} }]);
    const [napRun, slowRun] = await waitUntil(async () => {
      const naps = (await h.runs("napper")).filter((r) => r.events[0]!.data.second);
      const slows = await h.runs("slow");
      const ready = naps.length === 1 && slows.length === 1 && (await stepStatus(naps[0]!.id, "nap")) === "SLEEPING" && executions.get(`${slows[0]!.id}:slow`) === 1;
      return ready ? [naps[0]!, slows[0]!] : undefined;
    });
    child.kill("SIGKILL");
    await new Promise((resolve) => child.once("exit", resolve));

    const next = await h.startExecutor();
    await waitUntil(async () => {
      const rows = [...(await h.runs("napper")), ...(await h.runs("slow"))];
      return rows.every((r) => r.status === "COMPLETED") ? rows : undefined;
    }, 15_000, "both runs to complete on the new executor");
    expect(executions.get(`${napRun.id}:before`)).toBe(1);
    expect(executions.get(`${napRun.id}:after`)).toBe(1);
    expect(executions.get(`${slowRun.id}:first`)).toBe(1);
    expect(executions.get(`${slowRun.id}:slow`)).toBe(2);
    const [slowDone] = await h.runs("slow");
    expect(slowDone!.output).toBe(2);
    await next.stop();
  });

  it("two executors on one database share the work and never run a step twice", async () => {
    const a = await h.startExecutor({ pollMs: 5 });
    const b = await h.startExecutor({ pollMs: 5 });
    const clientFor = (url: string) => new Inngest({ id: h.appId, isDev: true, baseUrl: url, logger: { info() {}, warn() {}, error() {}, debug() {} } });
    const events = (n: number) => Array.from({ length: n }, (_, i) => ({ name: "durable/busy", data: { i } }));
    await Promise.all([clientFor(a.url).send(events(60)), clientFor(b.url).send(events(60))]);
    const runs = await h.waitForRuns("busy", 120, { timeoutMs: 25_000 });
    expect(runs.every((r) => r.status === "COMPLETED")).toBe(true);
    for (const run of runs) for (const name of ["one", "two", "three"]) expect(executions.get(`${run.id}:${name}`)).toBe(1);
    expect(a.ctx.stats.calls).toBeGreaterThan(0);
    expect(b.ctx.stats.calls).toBeGreaterThan(0);
    expect(a.ctx.stats.calls + b.ctx.stats.calls).toBe(120 * 4);
  });
});
