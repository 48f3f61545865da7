// Run control for the app (cancel, replay over the executor's HTTP API), cron triggers, timeouts,
// and a sync that refuses a function the executor cannot honour.
import pg from "pg";
import { describe, expect, it } from "vitest";
import { setupJobsHarness, waitUntil } from "./harness";

const h = await setupJobsHarness("control");
const failUntil = 1;
const attempts: number[] = [];

const longRunning = h.client.createFunction({ id: "long", triggers: [{ event: "control/long" }] }, async ({ step }) => {
  await step.sleep("wait-a-while", "1m");
});
const fragile = h.client.createFunction({ id: "fragile", triggers: [{ event: "control/fragile" }], retries: 0 }, async ({ step }) => {
  return step.run("work", () => {
    attempts.push(attempts.length + 1);
    if (attempts.length <= failUntil) throw new Error("not yet");
    return "worked";
  });
});
const ticking = h.client.createFunction({ id: "ticking", triggers: [{ cron: "*/5 * * * *" }] }, async ({ event }) => ({ name: event.name, data: event.data }));
const impatient = h.client.createFunction(
  { id: "impatient", triggers: [{ event: "control/impatient" }], timeouts: { finish: "1s" } },
  async ({ step }) => step.sleep("too-long", "10s"),
);

const serveUrl = await h.serve([longRunning, fragile, ticking, impatient]);

async function call(path: string) {
  const response = await fetch(`${h.executor.url}${path}`, { method: "POST" });
  return { status: response.status, body: (await response.json()) as Record<string, unknown> };
}

describe("run control", () => {
  it("POST /v1/runs/:id/cancel cancels a running run; a second cancel is refused", async () => {
    await h.client.send({ name: "control/long", data: {} });
    const [run] = await waitUntil(async () => {
      const rows = await h.runs("long");
      return rows[0]?.status === "RUNNING" ? rows : undefined;
    });
    expect(await call(`/v1/runs/${run!.id}/cancel`)).toEqual({ status: 200, body: { ok: true, runId: run!.id, status: "CANCELLED" } });
    const [cancelled] = await h.runs("long");
    expect(cancelled).toMatchObject({ status: "CANCELLED", error: { name: "Cancelled", message: "cancelled on request" } });
    expect((await call(`/v1/runs/${run!.id}/cancel`)).status).toBe(409);
    expect((await call(`/v1/runs/run_missing/cancel`)).status).toBe(404);
  });

  it("refuses a checkpoint that does not come from the call holding the run's lease (stale dispatch)", async () => {
    const stale = await fetch(`${h.executor.url}/v1/checkpoint/run_nope/async`, {
      method: "POST",
      body: JSON.stringify({ run_id: "run_nope", fn_id: "control-long", qi_id: "1:not-the-lease", steps: [{ id: "abc", op: "StepRun", data: 1 }] }),
    });
    expect(stale.status).toBe(409);
    expect(await h.database.sql(`SELECT 1 FROM "JobStep" WHERE "runId" = 'run_nope'`)).toEqual([]);
  });

  it("answers a checkpoint that races the run's cancel with 409, without a deadlock", async () => {
    // A run with a call in flight (its queue row leased), as the executor leaves it mid-call.
    await h.database.sql(`INSERT INTO "JobRun" (id, "functionId", status, "eventIds", events) VALUES ('run_race', 'control-long', 'RUNNING', '{}', '[]')`);
    const [item] = await h.database.sql<{ id: string }>(
      `INSERT INTO "JobQueue" (kind, "runId", "functionId", "stepId", "dueAt", "sortAt", "leaseToken", "leaseUntil")
       VALUES ('CALL', 'run_race', 'control-long', 'step', now(), now(), 'lease-1', now() + interval '1 minute') RETURNING id`,
    );
    // The cancel, as cancelRun does it: the run's row first, then its queue rows.
    const cancel = new pg.Client({ connectionString: h.executorDbUrl });
    await cancel.connect();
    await cancel.query(`SET search_path TO "${h.database.schema}"`);
    try {
      await cancel.query("BEGIN");
      await cancel.query(`SELECT 1 FROM "JobRun" WHERE id = 'run_race' FOR UPDATE`);
      const checkpoint = fetch(`${h.executor.url}/v1/checkpoint/run_race/async`, {
        method: "POST",
        body: JSON.stringify({ run_id: "run_race", fn_id: "control-long", qi_id: `${item!.id}:lease-1`, steps: [{ id: "late", op: "StepRun", data: 1 }] }),
      });
      // Long enough for the checkpoint to reach the database and wait on the run.
      await new Promise((resolve) => setTimeout(resolve, 300));
      await cancel.query(`UPDATE "JobRun" SET status = 'CANCELLED' WHERE id = 'run_race'`);
      await cancel.query(`DELETE FROM "JobQueue" WHERE "runId" = 'run_race'`);
      await cancel.query("COMMIT");
      expect((await checkpoint).status).toBe(409);
    } finally {
      await cancel.end();
    }
    expect(await h.database.sql(`SELECT 1 FROM "JobStep" WHERE "runId" = 'run_race'`)).toEqual([]);
  });

  it("POST /v1/runs/:id/replay starts a failed run again with the same events", async () => {
    await h.client.send({ name: "control/fragile", data: { order: 7 } });
    const [failed] = await h.waitForRuns("fragile", 1);
    expect(failed!.status).toBe("FAILED");
    const replay = await call(`/v1/runs/${failed!.id}/replay`);
    expect(replay).toEqual({ status: 200, body: { ok: true, runId: expect.stringMatching(/^run_/), replayOf: failed!.id } });
    const runs = await h.waitForRuns("fragile", 2);
    const again = runs.find((r) => r.id === replay.body.runId)!;
    expect(again).toMatchObject({ status: "COMPLETED", output: "worked", replayOfId: failed!.id });
    expect(again.events).toEqual(failed!.events);
  });
});

describe("cron triggers", () => {
  it("keeps one durable timer per schedule; when it fires, a run starts and the timer moves to the next tick", async () => {
    const [timer] = await h.database.sql<{ id: string; dueAt: Date }>(`SELECT id, "dueAt" FROM "JobQueue" WHERE kind = 'CRON' AND "functionId" = 'control-ticking'`);
    expect(timer!.dueAt.getTime()).toBeGreaterThan(Date.now());
    expect(timer!.dueAt.getUTCMinutes() % 5).toBe(0);
    await h.database.sql(`UPDATE "JobQueue" SET "dueAt" = now(), "sortAt" = now() WHERE id = $1`, [timer!.id]);
    const [run] = await h.waitForRuns("ticking", 1);
    expect(run!.output).toEqual({ name: "inngest/scheduled.timer", data: { cron: "*/5 * * * *" } });
    const [moved] = await h.database.sql<{ dueAt: Date }>(`SELECT "dueAt" FROM "JobQueue" WHERE id = $1`, [timer!.id]);
    expect(moved!.dueAt.getTime()).toBeGreaterThan(Date.now());
  });

  it("a sync without the function removes its timer", async () => {
    const response = await fetch(`${h.executor.url}/fn/register`, {
      method: "POST",
      body: JSON.stringify({ url: serveUrl, appName: "control", sdk: "js:v4", functions: [] }),
    });
    expect(await response.json()).toEqual({ ok: true, modified: true });
    expect(await h.database.sql(`SELECT 1 FROM "JobQueue" WHERE kind = 'CRON'`)).toEqual([]);
    await fetch(serveUrl, { method: "PUT" });
  });
});

describe("timeouts and sync", () => {
  it("timeouts.finish cancels a run that has not finished in time", async () => {
    await h.client.send({ name: "control/impatient", data: {} });
    const [run] = await h.waitForRuns("impatient", 1, { timeoutMs: 5_000 });
    expect(run).toMatchObject({ status: "CANCELLED", error: { message: expect.stringContaining("timeouts.finish") } });
  });

  it("refuses a sync with an invalid function configuration, naming the function and field", async () => {
    const response = await fetch(`${h.executor.url}/fn/register`, {
      method: "POST",
      body: JSON.stringify({
        url: serveUrl,
        appName: "control",
        functions: [{ id: "control-bad", triggers: [{ cron: "every tuesday" }], steps: { step: { id: "step", name: "step", runtime: { type: "http", url: serveUrl } } } }],
      }),
    });
    expect(response.status).toBe(400);
    expect(((await response.json()) as { error: string }).error).toMatch(/^functions\[0\] \(control-bad\): triggers\.0\.cron is not a valid cron schedule/);
  });
});
