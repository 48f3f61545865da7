// The same conformance with async checkpointing off (EXECUTOR_CHECKPOINTING=false): every step is
// a call of its own and the SDK replays the function to reach it, as with SDKs that do not
// checkpoint. Steps, parallel steps, retries and a sleep must behave exactly the same.
import { describe, expect, it } from "vitest";
import { setupJobsHarness } from "./harness";

const h = await setupJobsHarness("plain", { checkpointing: false });
const executions = new Map<string, number>();
const count = (key: string) => {
  const n = (executions.get(key) ?? 0) + 1;
  executions.set(key, n);
  return n;
};

const mixed = h.client.createFunction({ id: "mixed", triggers: [{ event: "plain/go" }], retries: 2 }, async ({ step, runId }) => {
  const a = await step.run("a", () => (count(`${runId}:a`), 1));
  const [b, c] = await Promise.all([step.run("b", () => (count(`${runId}:b`), 2)), step.run("c", () => (count(`${runId}:c`), 3))]);
  const d = await step.run("flaky", () => {
    if (count(`${runId}:flaky`) < 2) throw new Error("first attempt fails");
    return 4;
  });
  await step.sleep("nap", "1s");
  return a + b + c + d;
});

await h.serve([mixed]);

describe("without checkpointing", () => {
  it("runs sequential and parallel steps, a retry and a sleep, one call per step", async () => {
    await h.client.send({ name: "plain/go", data: {} });
    const [run] = await h.waitForRuns("mixed", 1, { timeoutMs: 10_000 });
    expect(run).toMatchObject({ status: "COMPLETED", output: 10 });
    expect(["a", "b", "c"].map((s) => executions.get(`${run!.id}:${s}`))).toEqual([1, 1, 1]);
    expect(executions.get(`${run!.id}:flaky`)).toBe(2);
    // a; b and c planned; b; c; then (after parallel steps, per the SDK spec) flaky is planned before
    // it runs; flaky fails; flaky again; the sleep is reported; after the sleep the run ends.
    expect(h.executor.ctx.stats.calls).toBe(9);
  });
});
