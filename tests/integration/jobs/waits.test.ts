// step.waitForEvent (match / if / timeout) and cancelOn.
import { describe, expect, it } from "vitest";
import { setupJobsHarness, waitUntil } from "./harness";

const h = await setupJobsHarness("waits");
const afterCancel: string[] = [];

const checkout = h.client.createFunction({ id: "checkout", triggers: [{ event: "cart/opened" }] }, async ({ event, step }) => {
  const paid = await step.waitForEvent("wait-for-payment", { event: "cart/paid", match: "data.cartId", timeout: "10s" });
  return { cartId: event.data.cartId, paidAmount: paid?.data.amount ?? null };
});

const approval = h.client.createFunction({ id: "approval", triggers: [{ event: "doc/submitted" }] }, async ({ step }) => {
  const decision = await step.waitForEvent("wait-for-approval", {
    event: "doc/reviewed",
    if: "async.data.docId == event.data.docId && async.data.approved == true",
    timeout: "1s",
  });
  return decision ? "approved" : "timed out";
});

const reminder = h.client.createFunction(
  { id: "reminder", triggers: [{ event: "reminder/scheduled" }], cancelOn: [{ event: "reminder/cancelled", match: "data.reminderId" }] },
  async ({ event, step }) => {
    await step.run("prepare", () => "ready");
    await step.sleep("until-due", "3s");
    await step.run("send", () => afterCancel.push(String(event.data.reminderId)));
    return "sent";
  },
);

await h.serve([checkout, approval, reminder]);

const stepStatus = async (runId: string, name: string) =>
  (await h.database.sql<{ status: string }>(`SELECT status FROM "JobStep" WHERE "runId" = $1 AND name = $2`, [runId, name]))[0]?.status;

describe("waitForEvent", () => {
  it("resumes with the matching event only (match on data.cartId)", async () => {
    await h.client.send([{ name: "cart/opened", data: { cartId: "c1" } }, { name: "cart/opened", data: { cartId: "c2" } }]);
    const runs = await waitUntil(async () => {
      const rows = await h.runs("checkout");
      const waiting = await Promise.all(rows.map((r) => stepStatus(r.id, "wait-for-payment")));
      return rows.length === 2 && waiting.every((s) => s === "WAITING") ? rows : undefined;
    });
    await h.client.send([{ name: "cart/paid", data: { cartId: "c2", amount: 250 } }, { name: "cart/paid", data: { cartId: "other", amount: 1 } }]);
    const done = await waitUntil(async () => (await h.runs("checkout")).find((r) => r.status === "COMPLETED"));
    expect(done.output).toEqual({ cartId: "c2", paidAmount: 250 });
    const other = (await h.runs("checkout")).find((r) => r.id !== done.id)!;
    expect(other.status).toBe("RUNNING");
    expect(runs).toHaveLength(2);
  });

  it("resumes with the event when the `if` expression matches, with null after the timeout", async () => {
    await h.client.send([{ name: "doc/submitted", data: { docId: "d1" } }, { name: "doc/submitted", data: { docId: "d2" } }]);
    await waitUntil(async () => {
      const rows = await h.runs("approval");
      const waiting = await Promise.all(rows.map((r) => stepStatus(r.id, "wait-for-approval")));
      return rows.length === 2 && waiting.every((s) => s === "WAITING");
    });
    await h.client.send([
      { name: "doc/reviewed", data: { docId: "d1", approved: false } },
      { name: "doc/reviewed", data: { docId: "d1", approved: true } },
    ]);
    const runs = await h.waitForRuns("approval", 2, { timeoutMs: 5_000 });
    const byDoc = Object.fromEntries(runs.map((r) => [r.events[0]!.data.docId, r.output]));
    expect(byDoc).toEqual({ d1: "approved", d2: "timed out" });
    const waits = await h.database.sql(`SELECT 1 FROM "JobWait" WHERE "runId" = ANY($1)`, [runs.map((r) => r.id)]);
    expect(waits).toEqual([]);
  });
});

describe("cancelOn", () => {
  it("cancels the matching run (and only it) while it sleeps; its remaining steps never run", async () => {
    await h.client.send([{ name: "reminder/scheduled", data: { reminderId: "r1" } }, { name: "reminder/scheduled", data: { reminderId: "r2" } }]);
    await waitUntil(async () => {
      const rows = await h.runs("reminder");
      const sleeping = await Promise.all(rows.map((r) => stepStatus(r.id, "until-due")));
      return rows.length === 2 && sleeping.every((s) => s === "SLEEPING");
    });
    await h.client.send({ name: "reminder/cancelled", data: { reminderId: "r1" } });
    const runs = await h.waitForRuns("reminder", 2, { timeoutMs: 8_000 });
    const byId = Object.fromEntries(runs.map((r) => [r.events[0]!.data.reminderId, r]));
    expect(byId.r1!.status).toBe("CANCELLED");
    expect(byId.r1!.error).toMatchObject({ name: "Cancelled" });
    expect(byId.r2!.status).toBe("COMPLETED");
    expect(afterCancel).toEqual(["r2"]);
    const leftovers = await h.database.sql(`SELECT kind FROM "JobQueue" WHERE "runId" = $1`, [byId.r1!.id]);
    expect(leftovers).toEqual([]);
    const cancelledEvents = await h.database.sql<{ data: { run_id: string } }>(`SELECT data FROM "JobEvent" WHERE name = 'inngest/function.cancelled'`);
    expect(cancelledEvents.map((e) => e.data.run_id)).toEqual([byId.r1!.id]);
  });
});
