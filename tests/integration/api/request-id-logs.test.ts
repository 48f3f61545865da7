// The request id in the log: a REST request and a tRPC call each answer X-Request-Id, and every line
// logged while serving them, down in the domain code, carries that id (lib/log/logger.ts); a
// carrier's bind, kept long after the request that opened it, logs under none.
import { beforeAll, describe, expect, it, vi } from "vitest";
import { freePort } from "../../../scripts/run";
import { apiRequest, call, createTestApiKey, setupApiDatabase } from "../helpers/api";
import type { TestUser } from "../helpers/factories";
import { captureLogs } from "../helpers/logs";

const { db } = await setupApiDatabase();
const messages = await import("@/app/api/v1/messages/route");
const { serveTrpc } = await import("@/lib/trpc/serve-trpc");
const { withRequestId } = await import("@/lib/log/logger");
const { adapterFor, closeAdapter } = await import("@/lib/delivery/carrier-registry");
const { createOrgWithOwner } = await import("../helpers/factories");

let orgId: string;
let owner: TestUser;
let token: string;

beforeAll(async () => {
  ({ org: { id: orgId }, owner } = await createOrgWithOwner(db, { defaultCountry: "US" }));
  token = (await createTestApiKey(db, orgId, ["messages:send"])).token;
});

/** A call as the browser's httpBatchLink makes it. */
const trpcCall = (path: string, input: unknown, createContext = async () => ({ db, user: owner, requestedOrgId: orgId })) =>
  serveTrpc(
    new Request(`http://localhost:3000/api/trpc/${path}?batch=1`, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ 0: { json: input } }) }),
    createContext,
  );

describe("the request id on log lines", () => {
  it("is on the line a REST request's domain code logs after commit", async () => {
    const logs = captureLogs();
    // No job server here: the send's announcement, made after its transaction commits, fails and warns.
    const res = await call(messages.POST(apiRequest("/api/v1/messages", { token, body: { to: "+14155552671", body: "Your order is ready" } })));
    expect(res.status).toBe(201);
    const requestId = res.headers.get("x-request-id");
    expect(requestId).toMatch(/^req_[0-9a-f]{32}$/);
    expect(logs.find((line) => line.component === "jobs")).toMatchObject({ level: "warn", requestId, msg: expect.stringContaining("events not sent") });
    expect(logs.filter((line) => line.requestId !== requestId)).toEqual([]);
  });

  it("is answered by a tRPC call and on what its procedure logs", async () => {
    const logs = captureLogs();
    const res = await trpcCall("members.invite", { email: "new.colleague@example.com", role: "MEMBER" });
    expect(res.status).toBe(200);
    const requestId = res.headers.get("x-request-id");
    expect(requestId).toMatch(/^req_[0-9a-f]{32}$/);
    expect(logs).toEqual([expect.objectContaining({ component: "invite", level: "info", requestId, msg: expect.stringContaining("new.colleague@example.com invited") })]);
  });

  it("is on a failed tRPC call's error line, and differs from call to call", async () => {
    const logs = captureLogs();
    const failed = await trpcCall("members.invite", { email: "x@example.com" }, () => Promise.reject(new Error("session store down")));
    expect(failed.status).toBe(500);
    const requestId = failed.headers.get("x-request-id");
    expect(requestId).toMatch(/^req_[0-9a-f]{32}$/);
    expect(logs).toEqual([expect.objectContaining({ component: "trpc", level: "error", requestId, err: expect.objectContaining({ message: "session store down" }) })]);

    const next = await trpcCall("members.invite", { email: "y@example.com" });
    expect(next.headers.get("x-request-id")).not.toBe(requestId);
    expect(logs.at(-1)).toMatchObject({ component: "invite", requestId: next.headers.get("x-request-id") });
  });

  it("is not on what a carrier's bind logs, even when a request opened it", async () => {
    const logs = captureLogs();
    const connection = { id: "conn_opened_in_request", kind: "SMPP" as const, config: { host: "127.0.0.1", port: await freePort(), systemId: "textstack", password: "secret" }, updatedAt: new Date() };
    // Bound on a request's first send to the connection: nothing listens there, so the bind warns at once.
    withRequestId("req_opener", () => adapterFor(db, connection));
    try {
      await vi.waitFor(() => expect(logs.find((line) => line.component === "smpp")).toBeDefined());
      const line = logs.find((line) => line.component === "smpp");
      expect(line).toMatchObject({ level: "warn", connectionId: connection.id });
      expect(line).not.toHaveProperty("requestId");
    } finally {
      await closeAdapter(connection.id);
    }
  });
});
