// Retries with backoff, NonRetriableError, onFailure, and step errors the function handles.
import { NonRetriableError } from "inngest";
import { describe, expect, it } from "vitest";
import { setupJobsHarness } from "./harness";

const h = await setupJobsHarness("retries");
const attempts = new Map<string, number>();
const bump = (key: string) => {
  const n = (attempts.get(key) ?? 0) + 1;
  attempts.set(key, n);
  return n;
};
const failures: { functionId: string; message: string; originalEvent: string }[] = [];

const flaky = h.client.createFunction({ id: "flaky", triggers: [{ event: "test/flaky" }], retries: 3 }, async ({ step, runId, event }) => {
  const value = await step.run("flaky-step", () => {
    const n = bump(`${runId}:step`);
    if (n < Number(event.data.succeedOn)) throw new Error(`attempt ${n} failed`);
    return n;
  });
  return { succeededOnAttempt: value };
});

const flakyBody = h.client.createFunction({ id: "flaky-body", triggers: [{ event: "test/flaky-body" }], retries: 2 }, async ({ runId, attempt }) => {
  bump(`${runId}:body`);
  if (attempt < 2) throw new Error(`body attempt ${attempt} failed`);
  return { attempt };
});

const onFailure = async ({ error, event }: { error: Error; event: { data: { function_id: string; event: { name: string } } } }) => {
  failures.push({ functionId: event.data.function_id, message: error.message, originalEvent: event.data.event.name });
};

const exhausted = h.client.createFunction({ id: "exhausted", triggers: [{ event: "test/exhausted" }], retries: 2, onFailure }, async ({ step, runId }) => {
  await step.run("always-fails", () => {
    throw new Error(`failure ${bump(`${runId}:always`)}`);
  });
});

const fatal = h.client.createFunction({ id: "fatal", triggers: [{ event: "test/fatal" }], retries: 5, onFailure }, async ({ step, runId }) => {
  await step.run("refuses", () => {
    bump(`${runId}:fatal`);
    throw new NonRetriableError("card declined");
  });
});

const handled = h.client.createFunction({ id: "handled", triggers: [{ event: "test/handled" }], retries: 1 }, async ({ step }) => {
  try {
    await step.run("broken", () => {
      throw new Error("broken for good");
    });
  } catch (error) {
    return await step.run("fallback", () => `recovered from: ${(error as Error).message}`);
  }
});

await h.serve([flaky, flakyBody, exhausted, fatal, handled]);

describe("retries", () => {
  it("retries a failing step with backoff until it succeeds", async () => {
    await h.client.send({ name: "test/flaky", data: { succeedOn: 3 } });
    const [run] = await h.waitForRuns("flaky", 1);
    expect(run).toMatchObject({ status: "COMPLETED", output: { succeededOnAttempt: 3 } });
    expect(attempts.get(`${run!.id}:step`)).toBe(3);
    const [step] = await h.database.sql(`SELECT status, attempts, data FROM "JobStep" WHERE "runId" = $1`, [run!.id]);
    expect(step).toEqual({ status: "COMPLETED", attempts: 3, data: 3 });
  });

  it("retries a function that throws outside any step, passing the attempt number", async () => {
    await h.client.send({ name: "test/flaky-body", data: {} });
    const [run] = await h.waitForRuns("flaky-body", 1);
    expect(run).toMatchObject({ status: "COMPLETED", output: { attempt: 2 } });
    expect(attempts.get(`${run!.id}:body`)).toBe(3);
  });

  it("fails the run after the last retry and calls onFailure with the error", async () => {
    await h.client.send({ name: "test/exhausted", data: {} });
    const [run] = await h.waitForRuns("exhausted", 1);
    expect(run!.status).toBe("FAILED");
    expect(attempts.get(`${run!.id}:always`)).toBe(3);
    expect(run!.error).toMatchObject({ message: expect.stringContaining("failure 3") });
    await h.waitForRuns("exhausted-failure", 1);
    expect(failures).toContainEqual({ functionId: "retries-exhausted", message: expect.stringContaining("failure 3"), originalEvent: "test/exhausted" });
  });

  it("does not retry a NonRetriableError: one attempt, run failed, onFailure called", async () => {
    await h.client.send({ name: "test/fatal", data: {} });
    const [run] = await h.waitForRuns("fatal", 1);
    expect(run!.status).toBe("FAILED");
    expect(run!.error).toMatchObject({ message: expect.stringContaining("card declined") });
    expect(attempts.get(`${run!.id}:fatal`)).toBe(1);
    const [step] = await h.database.sql(`SELECT status, attempts FROM "JobStep" WHERE "runId" = $1`, [run!.id]);
    expect(step).toEqual({ status: "FAILED", attempts: 1 });
    await h.waitForRuns("fatal-failure", 1);
    expect(failures).toContainEqual({ functionId: "retries-fatal", message: expect.stringContaining("card declined"), originalEvent: "test/fatal" });
  });

  it("lets the function catch a step's final error and carry on", async () => {
    await h.client.send({ name: "test/handled", data: {} });
    const [run] = await h.waitForRuns("handled", 1);
    expect(run).toMatchObject({ status: "COMPLETED", output: "recovered from: broken for good" });
  });
});
