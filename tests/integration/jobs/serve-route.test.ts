// The app's own serve endpoint (app/api/inngest/route.ts) syncs with the executor exactly as it
// does under `npm start`: a PUT makes the SDK register the app "textstack" at INNGEST_DEV.
import { NextRequest } from "next/server";
import { afterAll, describe, expect, it } from "vitest";
import { setupJobsHarness } from "./harness";

const h = await setupJobsHarness("serve-route");
const saved = { dev: process.env.INNGEST_DEV, origin: process.env.INNGEST_SERVE_ORIGIN };
process.env.INNGEST_DEV = h.executor.url;
process.env.INNGEST_SERVE_ORIGIN = "http://127.0.0.1:3000";
afterAll(() => {
  process.env.INNGEST_DEV = saved.dev;
  process.env.INNGEST_SERVE_ORIGIN = saved.origin;
});

describe("app/api/inngest", () => {
  it("registers the app's functions with the executor on PUT, and answers GET in dev mode", async () => {
    const { GET, PUT } = await import("@/app/api/inngest/route");
    const put = await PUT(new NextRequest("http://localhost:3000/api/inngest", { method: "PUT" }), undefined);
    expect(put.status).toBe(200);
    expect(await put.json()).toMatchObject({ message: expect.any(String) });
    const [app] = await h.database.sql(`SELECT id, url, framework FROM "JobApp"`);
    expect(app).toEqual({ id: "textstack", url: "http://127.0.0.1:3000/api/inngest", framework: "nextjs" });
    const registered = await h.database.sql<{ id: string; config: { triggers: unknown[] } }>(`SELECT id, config FROM "JobFunction" ORDER BY id`);
    expect(registered.map((f) => f.id)).toEqual([
      "textstack-check-anniversary-triggers",
      "textstack-check-segment-triggers",
      "textstack-deliver-webhooks",
      "textstack-dispatch-messages",
      "textstack-enroll-workflows",
      "textstack-fan-out-campaign",
      "textstack-prune-live-events",
      "textstack-purge-expired-invitations",
      "textstack-refresh-analytics",
      "textstack-run-contact-import",
      // An onFailure handler is registered as a function of its own, triggered by inngest/function.failed.
      "textstack-run-contact-import-failure",
      "textstack-run-workflow",
      "textstack-run-workflow-failure",
      "textstack-simulator-deliver",
      "textstack-stage-contact-import",
      "textstack-stage-contact-import-failure",
      "textstack-sweep-campaigns",
      "textstack-sweep-messages",
      "textstack-sweep-status-callbacks",
      "textstack-sweep-webhooks",
      "textstack-sweep-workflow-runs",
      "textstack-twilio-status-callback",
      "textstack-wake-sender",
      "textstack-wake-snoozed-conversations",
      "textstack-wake-webhooks",
    ]);
    const triggers = Object.fromEntries(registered.map((f) => [f.id, f.config.triggers]));
    expect(triggers["textstack-purge-expired-invitations"]).toEqual([{ cron: "TZ=UTC 30 3 * * *" }, { event: "invitations/purge.requested" }]);
    expect(triggers["textstack-dispatch-messages"]).toEqual([{ event: "messages/dispatch.requested" }]);
    expect(triggers["textstack-run-contact-import"]).toEqual([{ event: "contacts/import.run.requested" }]);
    expect(triggers["textstack-fan-out-campaign"]).toEqual([{ event: "campaigns/fan-out.requested" }]);
    expect(triggers["textstack-refresh-analytics"]).toEqual([{ cron: "* * * * *" }]);
    expect(triggers["textstack-wake-snoozed-conversations"]).toEqual([{ cron: "* * * * *" }]);
    expect(triggers["textstack-prune-live-events"]).toEqual([{ cron: "*/10 * * * *" }]);
    expect(triggers["textstack-check-segment-triggers"]).toEqual([{ cron: "*/5 * * * *" }]);
    expect(triggers["textstack-check-anniversary-triggers"]).toEqual([{ cron: "*/15 * * * *" }]);
    expect(triggers["textstack-enroll-workflows"]).toEqual([{ event: "workflows/trigger.fired" }]);
    expect(triggers["textstack-run-workflow"]).toEqual([{ event: "workflows/run.requested" }]);
    expect(triggers["textstack-sweep-workflow-runs"]).toEqual([{ cron: "*/5 * * * *" }]);

    const get = await GET(new NextRequest("http://localhost:3000/api/inngest"), undefined);
    expect(await get.json()).toMatchObject({ mode: "dev", function_count: 25 });
  });
});
