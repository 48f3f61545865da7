// The Jobs page's procedures against a real executor: listing runs, steps and events as the
// executor recorded them, cancel and replay through its HTTP API, and who may see any of it.
import { describe, expect, it } from "vitest";
import { callerFor, createUser } from "../helpers/factories";
import { expectTRPCError } from "../helpers/expect-error";
import { setupJobsHarness, waitUntil } from "./harness";

const h = await setupJobsHarness("page");
// Read by lib/job-runs/control-job-run.ts through lib/env.ts, which this file has not loaded yet.
process.env.INNGEST_DEV = h.executor.url;
const db = h.database.db;

const sleeper = h.client.createFunction({ id: "sleeper", triggers: [{ event: "page/sleep" }] }, async ({ step }) => {
  await step.run("prepare", () => "ready");
  await step.sleep("nap", "1m");
});
const failing = h.client.createFunction({ id: "failing", triggers: [{ event: "page/fail" }], retries: 0 }, async ({ step }) => {
  await step.run("explode", () => {
    throw new Error("carrier said no");
  });
});
await h.serve([sleeper, failing]);

const admin = await createUser(db); // the first account: administers the installation
const someone = await createUser(db);
const asAdmin = callerFor(db, admin, null);

describe("the Jobs page", () => {
  it("is for the installation's first account only", async () => {
    const users = await db.user.findMany({ where: { id: { in: [admin.id, someone.id] } }, select: { id: true, isInstanceAdmin: true } });
    expect(Object.fromEntries(users.map((u) => [u.id, u.isInstanceAdmin]))).toEqual({ [admin.id]: true, [someone.id]: false });
    const outsider = callerFor(db, someone, null);
    await expectTRPCError(outsider.jobs.functions(), "FORBIDDEN");
    await expectTRPCError(outsider.jobs.runs({}), "FORBIDDEN");
    await expectTRPCError(outsider.jobs.events({}), "FORBIDDEN");
    await expectTRPCError(outsider.jobs.run({ runId: "run_x" }), "FORBIDDEN");
    await expectTRPCError(outsider.jobs.cancel({ runId: "run_x" }), "FORBIDDEN");
    await expectTRPCError(outsider.jobs.replay({ runId: "run_x" }), "FORBIDDEN");
  });

  it("lists a failed run with its failing step and error, and replays it", async () => {
    await h.client.send({ name: "page/fail", data: { order: 1 } });
    const [failed] = await h.waitForRuns("failing", 1);
    const list = await asAdmin.jobs.runs({ status: "FAILED" });
    expect(list.items.map((r) => r.id)).toEqual([failed!.id]);
    expect(list.items[0]).toMatchObject({ functionId: "page-failing", status: "FAILED", stepCount: 1 });
    expect((await asAdmin.jobs.functions()).map((f) => f.id)).toEqual(["page-failing", "page-sleeper"]);

    const detail = await asAdmin.jobs.run({ runId: failed!.id });
    expect(detail.steps).toEqual([expect.objectContaining({ name: "explode", status: "FAILED" })]);
    expect(JSON.stringify(detail.error)).toContain("carrier said no");

    const { runId } = await asAdmin.jobs.replay({ runId: failed!.id });
    expect(runId).not.toBe(failed!.id);
    const runs = await h.waitForRuns("failing", 2);
    expect(runs.find((r) => r.id === runId)).toMatchObject({ replayOfId: failed!.id, status: "FAILED" });
  });

  it("cancels a running run; cancelling it again is refused", async () => {
    await h.client.send({ name: "page/sleep", data: {} });
    const [running] = await waitUntil(async () => {
      const rows = await h.runs("sleeper");
      return rows[0]?.status === "RUNNING" ? rows : undefined;
    });
    await asAdmin.jobs.cancel({ runId: running!.id });
    expect((await asAdmin.jobs.run({ runId: running!.id })).status).toBe("CANCELLED");
    await expectTRPCError(asAdmin.jobs.cancel({ runId: running!.id }), "CONFLICT");
    await expectTRPCError(asAdmin.jobs.run({ runId: "run_missing" }), "NOT_FOUND");
  });

  it("shows every event received and the runs it started, none for an event nobody listens to", async () => {
    await h.client.send({ name: "page/unheard", data: { n: 1 } });
    const events = await waitUntil(async () => {
      const page = await asAdmin.jobs.events({});
      return page.items.some((e) => e.name === "page/unheard") ? page.items : undefined;
    });
    expect(events.find((e) => e.name === "page/unheard")!.runs).toEqual([]);
    // The failed run and its replay both started from the one event.
    const fromFail = events.find((e) => e.name === "page/fail")!.runs;
    expect(fromFail.map((r) => r.functionId)).toEqual(["page-failing", "page-failing"]);
  });
});
