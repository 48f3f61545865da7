// With INNGEST_SIGNING_KEY and INNGEST_EVENT_KEY the executor behaves like Inngest Cloud towards the
// SDK (cloud mode, no INNGEST_DEV): it signs every call (the SDK refuses unsigned ones), requires
// the hashed signing key on sync and checkpoints, and the event key on the event API.
import { Inngest } from "inngest";
import { describe, expect, it } from "vitest";
import { setupJobsHarness } from "./harness";

const signingKey = "signkey-test-8f3b2c1d4e5f60718293a4b5c6d7e8f9";
const eventKey = "test-event-key";
const h = await setupJobsHarness("signed", { signingKey, eventKey }, { isDev: false, signingKey, eventKey });

const greet = h.client.createFunction({ id: "greet", triggers: [{ event: "signed/hello" }] }, async ({ event, step }) => {
  const name = await step.run("name", () => String(event.data.name).toUpperCase());
  await step.sleep("beat", "1s");
  return step.run("greeting", () => `hello ${name}`);
});

await h.serve([greet]);

describe("signed mode", () => {
  it("runs functions for an SDK in cloud mode: signed calls, authorised sync and checkpoints", async () => {
    await h.client.send({ name: "signed/hello", data: { name: "ada" } });
    const [run] = await h.waitForRuns("greet", 1, { timeoutMs: 10_000 });
    expect(run).toMatchObject({ status: "COMPLETED", output: "hello ADA" });
  });

  it("refuses events without the event key and a sync without the signing key", async () => {
    const wrong = new Inngest({ id: "signed", isDev: false, signingKey, eventKey: "wrong-key", baseUrl: h.executor.url, logger: { info() {}, warn() {}, error() {}, debug() {} } });
    await expect(wrong.send({ name: "signed/hello", data: { name: "x" } })).rejects.toThrow(/Event key not found/);
    const sync = await fetch(`${h.executor.url}/fn/register`, { method: "POST", body: JSON.stringify({ url: "http://127.0.0.1:1/api/inngest", appName: "intruder", functions: [] }) });
    expect(sync.status).toBe(401);
  });
});
