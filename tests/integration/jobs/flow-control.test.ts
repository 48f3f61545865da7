// Flow control: throttle, concurrency (with key), batchEvents, idempotency, rateLimit, debounce,
// priority and singleton, each held by the executor across runs.
import { describe, expect, it } from "vitest";
import { latch, setupJobsHarness, waitUntil } from "./harness";

const h = await setupJobsHarness("flow");
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

const throttleStarts = new Map<string, number[]>();
const throttled = h.client.createFunction(
  { id: "throttled", triggers: [{ event: "flow/throttled" }], throttle: { limit: 5, period: "1s", key: "event.data.sender" } },
  async ({ step, event }) =>
    step.run("record-start", () => {
      const sender = String(event.data.sender);
      throttleStarts.set(sender, [...(throttleStarts.get(sender) ?? []), Date.now()]);
    }),
);

let active = 0;
let maxActive = 0;
const activeByKey = new Map<string, number>();
const maxByKey = new Map<string, number>();
const limited = h.client.createFunction(
  { id: "limited", triggers: [{ event: "flow/limited" }], concurrency: [{ limit: 3 }, { limit: 1, key: "event.data.sender" }] },
  async ({ step, event }) => {
    for (const part of ["one", "two"]) {
      await step.run(part, async () => {
        const sender = String(event.data.sender);
        active++;
        activeByKey.set(sender, (activeByKey.get(sender) ?? 0) + 1);
        maxActive = Math.max(maxActive, active);
        maxByKey.set(sender, Math.max(maxByKey.get(sender) ?? 0, activeByKey.get(sender)!));
        await sleep(60);
        active--;
        activeByKey.set(sender, activeByKey.get(sender)! - 1);
      });
    }
  },
);

const batched = h.client.createFunction(
  { id: "batched", triggers: [{ event: "flow/batched" }], batchEvents: { maxSize: 3, timeout: "1s" } },
  async ({ events }) => events.map((e) => e.data.n),
);

const idempotent = h.client.createFunction(
  { id: "idempotent", triggers: [{ event: "flow/order" }], idempotency: "event.data.orderId" },
  async ({ event }) => event.data.orderId,
);

const rateLimited = h.client.createFunction(
  { id: "rate-limited", triggers: [{ event: "flow/rate" }], rateLimit: { limit: 2, period: "1m", key: "event.data.user" } },
  async ({ event }) => event.data.n,
);

const debounced = h.client.createFunction(
  { id: "debounced", triggers: [{ event: "flow/typing" }], debounce: { period: "1s", key: "event.data.doc" } },
  async ({ event }) => event.data.text,
);

const gate = latch();
const order: string[] = [];
const prioritized = h.client.createFunction(
  { id: "prioritized", triggers: [{ event: "flow/prioritized" }], concurrency: 1, priority: { run: "event.data.vip ? 120 : 0" } },
  async ({ event, step }) => {
    await step.run("work", async () => {
      if (event.data.name === "blocker") await gate.promise;
      order.push(String(event.data.name));
    });
  },
);

const singleton = h.client.createFunction(
  { id: "singleton", triggers: [{ event: "flow/singleton" }], singleton: { key: "event.data.account", mode: "skip" } },
  async ({ step }) => step.sleep("hold", "1s"),
);

// One long line of a full group (limit 1, its first run held), and another group's function behind it.
const laneGate = latch();
const oneLane = h.client.createFunction(
  { id: "one-lane", triggers: [{ event: "flow/one-lane" }], concurrency: 1 },
  async ({ event, step }) =>
    step.run("work", async () => {
      if (event.data.n === 0) await laneGate.promise;
    }),
);
const otherLane = h.client.createFunction(
  { id: "other-lane", triggers: [{ event: "flow/other-lane" }], concurrency: 2 },
  async ({ step }) => step.run("work", () => "done"),
);

await h.serve([throttled, limited, batched, idempotent, rateLimited, debounced, prioritized, singleton, oneLane, otherLane]);

describe("flow control", () => {
  it("throttle: each sender's runs start spread at limit/period, never faster", async () => {
    await h.client.send(Array.from({ length: 32 }, (_, i) => ({ name: "flow/throttled", data: { sender: i % 2 ? "+15550001" : "+15550002" } })));
    const runs = await h.waitForRuns("throttled", 32, { timeoutMs: 10_000 });
    for (const sender of ["+15550001", "+15550002"]) {
      expect(throttleStarts.get(sender)).toHaveLength(16);
      // When the executor started each run: the throttle's own clock (this process's clock shows
      // when a busy event loop got round to the step, which may bunch them up).
      const starts = runs
        .filter((r) => r.events[0]!.data.sender === sender)
        .map((r) => r.startedAt!.getTime())
        .sort((a, b) => a - b);
      // Never much faster than the throttle: no second holds more than its 5 starts, give or take
      // the burst GCRA allows and a worker that got to two released runs late. Unthrottled, all 16
      // would start within a few hundred milliseconds.
      const inAnySecond = Math.max(...starts.map((t) => starts.filter((u) => u >= t && u < t + 1_000).length));
      expect(inAnySecond).toBeLessThanOrEqual(5 + 2);
      // Spread out, not held back: 16 starts take well under twice the throttle's own pace.
      expect(starts.at(-1)! - starts[0]!).toBeLessThan(16 * 200 * 2);
    }
  });

  it("concurrency: the function's limit and the per-key limit are never exceeded", async () => {
    const senders = ["s1", "s2", "s3", "s4"];
    await h.client.send(Array.from({ length: 12 }, (_, i) => ({ name: "flow/limited", data: { sender: senders[i % 4] } })));
    await h.waitForRuns("limited", 12, { timeoutMs: 20_000 });
    expect(maxActive).toBeLessThanOrEqual(3);
    expect(maxActive).toBeGreaterThanOrEqual(2);
    for (const sender of senders) expect(maxByKey.get(sender)).toBe(1);
  });

  it("concurrency: a long line of one full group does not hold back another group's runs", { timeout: 90_000 }, async () => {
    await h.client.send({ name: "flow/one-lane", data: { n: 0 } });
    await waitUntil(async () => (await h.runs("one-lane")).some((r) => r.startedAt), 10_000, "the held run");
    // More rows of the full group than a claim looks at (four times the executor's free slots).
    await h.client.send(Array.from({ length: 200 }, (_, i) => ({ name: "flow/one-lane", data: { n: i + 1 } })));
    await waitUntil(async () => (await h.runs("one-lane")).length === 201, 20_000, "the line");
    await h.client.send({ name: "flow/other-lane", data: {} });
    const [other] = await h.waitForRuns("other-lane", 1, { status: ["COMPLETED"], timeoutMs: 10_000 });
    expect(other!.output).toBe("done");
    expect((await h.runs("one-lane")).filter((r) => r.status === "COMPLETED")).toHaveLength(0);
    laneGate.release();
    await h.waitForRuns("one-lane", 201, { status: ["COMPLETED"], timeoutMs: 60_000 });
  });

  it("batchEvents: full batches of maxSize, then the rest when the timeout passes", async () => {
    await h.client.send(Array.from({ length: 7 }, (_, n) => ({ name: "flow/batched", data: { n } })));
    const runs = await h.waitForRuns("batched", 3, { timeoutMs: 5_000 });
    expect(runs.map((r) => (r.output as number[]).length).sort()).toEqual([1, 3, 3]);
    expect(runs.flatMap((r) => r.output as number[]).sort()).toEqual([0, 1, 2, 3, 4, 5, 6]);
    expect(runs.every((r) => r.events.length === (r.output as number[]).length)).toBe(true);
  });

  it("idempotency: one run per key, duplicates dropped", async () => {
    await h.client.send(["o1", "o2", "o1", "o1", "o2", "o3"].map((orderId) => ({ name: "flow/order", data: { orderId } })));
    await sleep(300);
    const runs = await h.waitForRuns("idempotent", 3);
    expect(runs.map((r) => r.output).sort()).toEqual(["o1", "o2", "o3"]);
  });

  it("rateLimit: runs past the limit in the period are skipped, per key", async () => {
    await h.client.send([1, 2, 3, 4].map((n) => ({ name: "flow/rate", data: { user: "u1", n } })));
    await h.client.send({ name: "flow/rate", data: { user: "u2", n: 5 } });
    await sleep(300);
    const runs = await h.waitForRuns("rate-limited", 3);
    expect(runs.map((r) => r.output).sort()).toEqual([1, 2, 5]);
  });

  it("debounce: one run, with the last event, after the period passes quietly", async () => {
    for (const text of ["h", "he", "hel", "hello"]) {
      await h.client.send({ name: "flow/typing", data: { doc: "d1", text } });
      await sleep(100);
    }
    const runs = await h.waitForRuns("debounced", 1, { timeoutMs: 5_000 });
    await sleep(1_200);
    expect((await h.runs("debounced")).map((r) => r.output)).toEqual(["hello"]);
    expect(runs[0]!.startedAt!.getTime() - runs[0]!.createdAt.getTime()).toBeLessThan(1_000);
  });

  it("priority: queued runs with a higher priority start first", async () => {
    await h.client.send({ name: "flow/prioritized", data: { name: "blocker" } });
    await waitUntil(async () => (await h.runs("prioritized")).some((r) => r.status === "RUNNING"));
    await h.client.send([
      { name: "flow/prioritized", data: { name: "normal-1", vip: false } },
      { name: "flow/prioritized", data: { name: "normal-2", vip: false } },
      { name: "flow/prioritized", data: { name: "vip-1", vip: true } },
      { name: "flow/prioritized", data: { name: "vip-2", vip: true } },
    ]);
    await sleep(100);
    gate.release();
    await h.waitForRuns("prioritized", 5);
    expect(order[0]).toBe("blocker");
    expect(order.slice(1, 3).sort()).toEqual(["vip-1", "vip-2"]);
  });

  it("singleton (skip): a second run for the same key is skipped while one is active", async () => {
    await h.client.send({ name: "flow/singleton", data: { account: "a1" } });
    await h.client.send({ name: "flow/singleton", data: { account: "a1" } });
    await h.client.send({ name: "flow/singleton", data: { account: "a2" } });
    const runs = await h.waitForRuns("singleton", 2, { timeoutMs: 5_000 });
    expect(runs.map((r) => r.events[0]!.data.account).sort()).toEqual(["a1", "a2"]);
  });
});
