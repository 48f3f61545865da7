// step.waitForEvent (match / if / timeout) and cancelOn.
import { describe, expect, it } from "vitest";
import { waitKey } from "@/executor/events/wait-key";
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

// The shape workflows use: each run waits for a reply from its own contact (a literal in the
// expression), with an extra condition; the wait is keyed by the contact.
const reply = h.client.createFunction({ id: "reply", triggers: [{ event: "contact/enrolled" }] }, async ({ event, step }) => {
  const answer = await step.waitForEvent("wait-for-reply", {
    event: "reply/received",
    if: `async.data.contactId == "${String(event.data.contactId)}" && async.data.body != "STOP"`,
    timeout: "1m",
  });
  return answer?.data.body ?? null;
});

// A disjunction has no key: every reply/received event evaluates it.
const either = h.client.createFunction({ id: "either", triggers: [{ event: "contact/watched" }] }, async ({ step }) => {
  const answer = await step.waitForEvent("wait-for-any", {
    event: "reply/received",
    if: "async.data.contactId == event.data.contactId || async.data.broadcast == true",
    timeout: "1m",
  });
  return answer?.data.body ?? null;
});

// Keyed by a number from the run's event: a string of the same digits is not equal.
const order = h.client.createFunction({ id: "order", triggers: [{ event: "order/placed" }] }, async ({ step }) => {
  const shipped = await step.waitForEvent("wait-for-shipping", { event: "order/shipped", match: "data.orderNo", timeout: "1m" });
  return shipped?.data.carrier ?? null;
});

await h.serve([checkout, approval, reminder, reply, either, order]);

const waitKeys = (runIds: string[]) =>
  h.database.sql<{ runId: string; kind: string; matchPath: string | null; matchValue: string | null }>(
    `SELECT "runId", kind, "matchPath", "matchValue" FROM "JobWait" WHERE "runId" = ANY($1) ORDER BY "runId"`,
    [runIds],
  );

const waitingRuns = (fnId: string, count: number, step: string) =>
  waitUntil(async () => {
    const rows = await h.runs(fnId);
    const waiting = await Promise.all(rows.map((r) => stepStatus(r.id, step)));
    return rows.length === count && waiting.every((s) => s === "WAITING") ? rows : undefined;
  });

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
    const keys = await waitKeys(runs.map((r) => r.id));
    expect(keys.map((k) => [k.matchPath, k.matchValue]).sort()).toEqual([
      ['["data","cartId"]', '"c1"'],
      ['["data","cartId"]', '"c2"'],
    ]);
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
    const keys = await waitKeys((await h.runs("reminder")).map((r) => r.id));
    expect(keys.map((k) => [k.kind, k.matchPath, k.matchValue]).sort()).toEqual([
      ["CANCEL", '["data","reminderId"]', '"r1"'],
      ["CANCEL", '["data","reminderId"]', '"r2"'],
    ]);
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

describe("waits keyed by their expression", () => {
  it("resumes every run waiting on the same value, honours the other conditions, and leaves other values waiting", async () => {
    await h.client.send([
      { name: "contact/enrolled", data: { contactId: "ct_a" } },
      { name: "contact/enrolled", data: { contactId: "ct_a" } },
      { name: "contact/enrolled", data: { contactId: "ct_b" } },
    ]);
    const runs = await waitingRuns("reply", 3, "wait-for-reply");
    const keys = await waitKeys(runs.map((r) => r.id));
    expect(keys.map((k) => k.matchValue).sort()).toEqual(['"ct_a"', '"ct_a"', '"ct_b"']);
    expect(new Set(keys.map((k) => k.matchPath))).toEqual(new Set(['["data","contactId"]']));

    // STOP satisfies the key but not the expression; the runs keep waiting for the next reply.
    await h.client.send({ name: "reply/received", data: { contactId: "ct_a", body: "STOP" } });
    await h.client.send({ name: "reply/received", data: { contactId: "ct_a", body: "yes" } });
    const done = await waitUntil(async () => {
      const rows = (await h.runs("reply")).filter((r) => r.status === "COMPLETED");
      return rows.length === 2 ? rows : undefined;
    });
    expect(done.map((r) => [r.events[0]!.data.contactId, r.output])).toEqual([
      ["ct_a", "yes"],
      ["ct_a", "yes"],
    ]);
    const rest = (await h.runs("reply")).filter((r) => r.status !== "COMPLETED");
    expect(rest.map((r) => [r.events[0]!.data.contactId, r.status])).toEqual([["ct_b", "RUNNING"]]);
    expect(await stepStatus(rest[0]!.id, "wait-for-reply")).toBe("WAITING");
  });

  it("evaluates an expression with no key (a disjunction) against every event of its name", async () => {
    await h.client.send({ name: "contact/watched", data: { contactId: "ct_w" } });
    const [run] = await waitingRuns("either", 1, "wait-for-any");
    expect(await waitKeys([run!.id])).toEqual([{ runId: run!.id, kind: "WAIT", matchPath: null, matchValue: null }]);
    await h.client.send({ name: "reply/received", data: { contactId: "ct_someone_else", broadcast: true, body: "all" } });
    const [done] = await h.waitForRuns("either", 1);
    expect(done!.output).toBe("all");
  });

  it("keys on a number from the run's event; the same digits as a string do not resume it", async () => {
    await h.client.send({ name: "order/placed", data: { orderNo: 42 } });
    const [run] = await waitingRuns("order", 1, "wait-for-shipping");
    expect(await waitKeys([run!.id])).toMatchObject([{ matchPath: '["data","orderNo"]', matchValue: "42" }]);
    await h.client.send({ name: "order/shipped", data: { orderNo: "42", carrier: "wrong" } });
    await h.client.send({ name: "order/shipped", data: { orderNo: 42, carrier: "right" } });
    const [done] = await h.waitForRuns("order", 1);
    expect(done!.output).toBe("right");
  });

  it("an incoming event loads only the waits its key selects, not 2,000 waiting on other contacts", async () => {
    const key = waitKey('async.data.contactId == "x"', null)!;
    const fnId = `${h.appId}-reply`;
    // 2,000 runs waiting for replies from other contacts, as the executor stores them.
    await h.database.sql(
      `WITH runs AS (
         INSERT INTO "JobRun" (id, "functionId", status, events)
         SELECT 'run_bulk_' || i, $1, 'RUNNING', jsonb_build_array(jsonb_build_object('name', 'contact/enrolled', 'data', jsonb_build_object('contactId', 'ct_bulk_' || i)))
         FROM generate_series(1, 2000) i RETURNING id
       )
       INSERT INTO "JobWait" ("runId", kind, "stepId", "eventName", expression, "matchPath", "matchValue")
       SELECT id, 'WAIT', 'bulk', 'reply/received', 'async.data.contactId == "' || replace(id, 'run_bulk_', 'ct_bulk_') || '"', $2, '"' || replace(id, 'run_bulk_', 'ct_bulk_') || '"'
       FROM runs`,
      [fnId, key.path],
    );
    await h.client.send({ name: "contact/enrolled", data: { contactId: "ct_c" } });
    await waitUntil(async () => ((await h.runs("reply")).some((r) => r.events[0]!.data.contactId === "ct_c") ? true : undefined));
    const [mine] = (await h.runs("reply")).filter((r) => r.events[0]!.data.contactId === "ct_c");
    await waitUntil(async () => (await stepStatus(mine!.id, "wait-for-reply")) === "WAITING");

    const before = h.executor.ctx.stats.waitsLoaded;
    await h.client.send({ name: "reply/received", data: { contactId: "ct_c", body: "hello" } });
    await waitUntil(async () => ((await h.runs("reply")).find((r) => r.id === mine!.id)?.status === "COMPLETED" ? true : undefined));
    // ct_c's wait and ct_b's from the first test share the name but not the key; only ct_c's is read.
    expect(h.executor.ctx.stats.waitsLoaded - before).toBe(1);
    const bulkLeft = await h.database.sql<{ n: number }>(`SELECT count(*)::int AS n FROM "JobWait" WHERE "runId" LIKE 'run_bulk_%'`);
    expect(bulkLeft[0]!.n).toBe(2000);
  });
});
