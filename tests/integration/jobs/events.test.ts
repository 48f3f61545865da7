// The event API (POST /e/:key): what the SDK's send() and step.sendEvent() talk to.
import { describe, expect, it } from "vitest";
import { setupJobsHarness } from "./harness";

const h = await setupJobsHarness("events");
const received: string[] = [];
const onSignup = h.client.createFunction({ id: "on-signup", triggers: [{ event: "user/signup" }] }, async ({ event }) => {
  received.push(String(event.data.email));
  return event.data.email;
});
const onAny = h.client.createFunction({ id: "on-any-order", triggers: [{ event: "order/*", if: "event.data.total >= 100 && event.data.currency == 'EUR'" }] }, async ({ event }) => event.name);
await h.serve([onSignup, onAny]);

async function post(body: string, headers: Record<string, string> = {}) {
  const response = await fetch(`${h.executor.url}/e/test-key`, { method: "POST", body, headers: { "content-type": "application/json", ...headers } });
  return { status: response.status, body: (await response.json()) as { ids?: string[]; status?: number; error?: string } };
}

describe("POST /e/:key", () => {
  it("takes one event or an array and answers with their ids, as the SDK expects", async () => {
    const one = await post(JSON.stringify({ name: "user/signup", data: { email: "a@example.test" } }));
    expect(one).toEqual({ status: 200, body: { ids: [expect.stringMatching(/^evt_/)], status: 200 } });
    const many = await post(JSON.stringify([{ name: "user/signup", data: { email: "b@example.test" } }, { name: "user/signup", data: { email: "c@example.test" } }]));
    expect(many.body.ids).toHaveLength(2);
    const sent = await h.client.send({ name: "user/signup", data: { email: "d@example.test" } });
    expect(sent.ids).toHaveLength(1);
    await h.waitForRuns("on-signup", 4);
    expect(received.sort()).toEqual(["a@example.test", "b@example.test", "c@example.test", "d@example.test"]);
  });

  it.each([
    ["not JSON", "{nope", /^body is not valid JSON/],
    ["an empty body", "", /^body is empty/],
    ["no name", JSON.stringify({ data: {} }), /^event\.name is required/],
    ["an empty name", JSON.stringify({ name: "", data: {} }), /^event\.name is required/],
    ["data that is not an object", JSON.stringify({ name: "user/signup", data: [1, 2] }), /^event\.data must be an object/],
    ["a ts that is not a number", JSON.stringify({ name: "user/signup", ts: "yesterday" }), /^event\.ts must be a number/],
    ["a reserved name", JSON.stringify({ name: "inngest/function.failed", data: {} }), /^event\.name is reserved/],
    ["a bad event inside an array", JSON.stringify([{ name: "ok/one" }, { name: 42 }]), /^events\[1\]\.name is required/],
    ["a number", "42", /^event must be an object with a name/],
  ])("refuses %s with 400 and the reason, storing nothing", async (_what, body, reason) => {
    const before = await h.database.sql<{ n: number }>(`SELECT count(*)::int AS n FROM "JobEvent"`);
    const response = await post(body);
    expect(response.status).toBe(400);
    expect(response.body.status).toBe(400);
    expect(response.body.error).toMatch(reason);
    const after = await h.database.sql<{ n: number }>(`SELECT count(*)::int AS n FROM "JobEvent"`);
    expect(after[0]!.n).toBe(before[0]!.n);
  });

  it("passes a bad event's reason on to the SDK's send()", async () => {
    await expect(h.client.send({ name: "user/signup", data: "oops" as unknown as Record<string, unknown> })).rejects.toThrow(/data must be an object/);
  });

  it("stores an event that no function listens to, and it is visible, not an error", async () => {
    const response = await post(JSON.stringify({ name: "nobody/listens", data: { x: 1 }, user: { id: "u1" }, ts: 1_700_000_000_000, v: "2024-01-01" }));
    expect(response.status).toBe(200);
    const [row] = await h.database.sql(`SELECT name, data, "user", version, "occurredAt" FROM "JobEvent" WHERE id = $1`, [response.body.ids![0]]);
    expect(row).toEqual({ name: "nobody/listens", data: { x: 1 }, user: { id: "u1" }, version: "2024-01-01", occurredAt: new Date(1_700_000_000_000) });
    const runs = await h.database.sql(`SELECT id FROM "JobRun" WHERE $1 = ANY("eventIds")`, [response.body.ids![0]]);
    expect(runs).toEqual([]);
  });

  it("starts functions by wildcard trigger and `if` expression", async () => {
    await post(JSON.stringify([
      { name: "order/placed", data: { total: 150, currency: "EUR" } },
      { name: "order/placed", data: { total: 50, currency: "EUR" } },
      { name: "order/refunded", data: { total: 100, currency: "EUR" } },
      { name: "order/placed", data: { total: 500, currency: "USD" } },
    ]));
    const runs = await h.waitForRuns("on-any-order", 2);
    expect(runs.map((r) => r.output).sort()).toEqual(["order/placed", "order/refunded"]);
  });

  it("runs an event with the sender's id once in 24 hours, and a retried send (same id seed) once", async () => {
    await post(JSON.stringify({ name: "user/signup", id: "signup-42", data: { email: "dup@example.test" } }));
    await post(JSON.stringify({ name: "user/signup", id: "signup-42", data: { email: "dup@example.test" } }));
    const seed = { "x-inngest-event-id-seed": `${Date.now()},${Buffer.from("0123456789").toString("base64")}` };
    const first = await post(JSON.stringify({ name: "user/signup", data: { email: "seed@example.test" } }), seed);
    const retry = await post(JSON.stringify({ name: "user/signup", data: { email: "seed@example.test" } }), seed);
    expect(retry.body.ids).toEqual(first.body.ids);
    await h.waitForRuns("on-signup", 6);
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(received.filter((email) => email === "dup@example.test")).toHaveLength(1);
    expect(received.filter((email) => email === "seed@example.test")).toHaveLength(1);
    const stored = await h.database.sql<{ n: number }>(`SELECT count(*)::int AS n FROM "JobEvent" WHERE "externalId" = 'signup-42'`);
    expect(stored[0]!.n).toBe(2);
  });
});
