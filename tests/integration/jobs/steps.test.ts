// Steps through the executor: memoised results, parallel steps, sleeps, sendEvent and invoke.
import { NonRetriableError } from "inngest";
import { describe, expect, it } from "vitest";
import { setupJobsHarness } from "./harness";

const h = await setupJobsHarness("steps");
const executions = new Map<string, number>();
const count = (key: string) => executions.set(key, (executions.get(key) ?? 0) + 1);

const sequence = h.client.createFunction({ id: "sequence", triggers: [{ event: "test/sequence" }] }, async ({ event, step, runId }) => {
  const a = await step.run("a", () => (count(`${runId}:a`), 1));
  const b = await step.run("b", () => (count(`${runId}:b`), a + 1));
  const c = await step.run("c", () => (count(`${runId}:c`), { sum: a + b, tag: event.data.tag }));
  return c;
});

const parallel = h.client.createFunction({ id: "parallel", triggers: [{ event: "test/parallel" }] }, async ({ step, runId }) => {
  const values = await Promise.all(["x", "y", "z"].map((id, i) => step.run(id, () => (count(`${runId}:${id}`), i))));
  const after = await step.run("after", () => (count(`${runId}:after`), values.reduce((s, v) => s + v, 0)));
  return { values, after };
});

const sleeper = h.client.createFunction({ id: "sleeper", triggers: [{ event: "test/sleep" }] }, async ({ step }) => {
  const before = await step.run("before", () => Date.now());
  await step.sleep("short-nap", "1s");
  const middle = await step.run("middle", () => Date.now());
  await step.sleepUntil("until", new Date(middle + 1_000));
  const after = await step.run("after", () => Date.now());
  return { slept: middle - before, sleptUntil: after - middle };
});

const sender = h.client.createFunction({ id: "sender", triggers: [{ event: "test/send" }] }, async ({ step, event }) => {
  const { ids } = await step.sendEvent("notify", [{ name: "test/notified", data: { n: event.data.n } }, { name: "test/notified", data: { n: Number(event.data.n) + 1 } }]);
  return ids.length;
});
const notified = h.client.createFunction({ id: "notified", triggers: [{ event: "test/notified" }] }, async ({ event }) => event.data.n);

const child = h.client.createFunction({ id: "child", triggers: [{ event: "test/child-direct" }] }, async ({ event, step }) => {
  const doubled = await step.run("double", () => Number(event.data.value) * 2);
  if (event.data.fail) throw new NonRetriableError(`child refused ${event.data.value}`);
  return { doubled };
});
const parent = h.client.createFunction({ id: "parent", triggers: [{ event: "test/invoke" }] }, async ({ step, event }) => {
  const ok = await step.invoke("call-child", { function: child, data: { value: event.data.value } });
  let failure: string | null = null;
  try {
    await step.invoke("call-child-fail", { function: child, data: { value: 7, fail: true } });
  } catch (error) {
    failure = (error as Error).message;
  }
  return { ok, failure };
});

await h.serve([sequence, parallel, sleeper, sender, notified, child, parent]);

describe("steps", () => {
  it("memoises each step: every step body runs once, results feed the next, the return value is stored", async () => {
    const callsBefore = h.executor.ctx.stats.calls;
    await h.client.send([1, 2, 3].map((i) => ({ name: "test/sequence", data: { tag: `t${i}` } })));
    const runs = await h.waitForRuns("sequence", 3);
    // Async checkpointing: each run's three steps ran in one call, each result reported as it completed.
    expect(h.executor.ctx.stats.calls - callsBefore).toBe(3);
    expect(runs.map((r) => r.status)).toEqual(["COMPLETED", "COMPLETED", "COMPLETED"]);
    expect(runs.map((r) => (r.output as { tag: string }).tag).sort()).toEqual(["t1", "t2", "t3"]);
    expect(runs.every((r) => (r.output as { sum: number }).sum === 3)).toBe(true);
    for (const run of runs) for (const s of ["a", "b", "c"]) expect(executions.get(`${run.id}:${s}`)).toBe(1);
    const steps = await h.database.sql(`SELECT name, status, data, attempts FROM "JobStep" WHERE "runId" = $1 ORDER BY "completedAt"`, [runs[0]!.id]);
    expect(steps).toEqual([
      { name: "a", status: "COMPLETED", data: 1, attempts: 1 },
      { name: "b", status: "COMPLETED", data: 2, attempts: 1 },
      { name: "c", status: "COMPLETED", data: { sum: 3, tag: expect.any(String) }, attempts: 1 },
    ]);
  });

  it("runs parallel steps as separate calls and continues when all are done", async () => {
    await h.client.send({ name: "test/parallel", data: {} });
    const [run] = await h.waitForRuns("parallel", 1);
    expect(run!.output).toEqual({ values: [0, 1, 2], after: 3 });
    for (const s of ["x", "y", "z", "after"]) expect(executions.get(`${run!.id}:${s}`)).toBe(1);
  });

  it("sleeps durably: step.sleep and step.sleepUntil resume the run after the time", async () => {
    await h.client.send({ name: "test/sleep", data: {} });
    const [run] = await h.waitForRuns("sleeper", 1, { timeoutMs: 10_000 });
    const output = run!.output as { slept: number; sleptUntil: number };
    expect(run!.status).toBe("COMPLETED");
    expect(output.slept).toBeGreaterThanOrEqual(1_000);
    expect(output.sleptUntil).toBeGreaterThanOrEqual(950);
    const naps = await h.database.sql(`SELECT name, op, status, opts FROM "JobStep" WHERE "runId" = $1 AND op = 'Sleep' ORDER BY "startedAt"`, [run!.id]);
    expect(naps).toEqual([
      { name: "short-nap", op: "Sleep", status: "COMPLETED", opts: { duration: "1s" } },
      { name: "until", op: "Sleep", status: "COMPLETED", opts: { duration: expect.stringMatching(/^\d{4}-/) } },
    ]);
  });

  it("step.sendEvent sends through the event API and starts the functions listening", async () => {
    await h.client.send({ name: "test/send", data: { n: 10 } });
    const [run] = await h.waitForRuns("sender", 1);
    expect(run!.output).toBe(2);
    const runs = await h.waitForRuns("notified", 2);
    expect(runs.map((r) => r.output).sort()).toEqual([10, 11]);
    const [step] = await h.database.sql(`SELECT op, data FROM "JobStep" WHERE "runId" = $1`, [run!.id]);
    expect(step).toEqual({ op: "step.sendEvent", data: { ids: [expect.stringMatching(/^evt_/), expect.stringMatching(/^evt_/)] } });
  });

  it("step.invoke runs the function and returns its result, or throws its error", async () => {
    await h.client.send({ name: "test/invoke", data: { value: 21 } });
    const [run] = await h.waitForRuns("parent", 1);
    expect(run!.output).toEqual({ ok: { doubled: 42 }, failure: expect.stringContaining("child refused 7") });
    const children = await h.database.sql<{ status: string; parentRunId: string; events: { name: string }[] }>(
      `SELECT status, "parentRunId", events FROM "JobRun" WHERE "functionId" = 'steps-child' ORDER BY "createdAt"`,
    );
    expect(children.map((c) => [c.status, c.parentRunId, c.events[0]!.name])).toEqual([
      ["COMPLETED", run!.id, "inngest/function.invoked"],
      ["FAILED", run!.id, "inngest/function.invoked"],
    ]);
  });
});
