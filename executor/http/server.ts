// The executor's HTTP API: what the Inngest SDK calls in dev mode (INNGEST_DEV=<this URL>), plus
// run control for the app.
//   POST /e/:key                 send events (SDK send, step.sendEvent)
//   POST /fn/register            sync an app's functions (after PUT to the app's serve endpoint)
//   POST /v1/checkpoint/:id/async  step results reported during a call (async checkpointing)
//   GET  /v0/runs/:id/batch      a run's events        } for SDKs told to fetch the payload
//   GET  /v0/runs/:id/actions    a run's step results  }
//   POST /v1/runs/:id/cancel     cancel a queued or running run
//   POST /v1/runs/:id/replay     start an ended run again with the same events
//   GET  /health                 liveness
import http from "node:http";
import type { Ctx } from "../context.ts";
import { handleCheckpoint } from "./checkpoint.ts";
import { handleEvents } from "./events.ts";
import { authorized, handleRegister } from "./register.ts";
import { HttpError, sendJson } from "./respond.ts";
import { handleCancel, handleReplay, handleRunData } from "./runs.ts";

async function route(ctx: Ctx, req: http.IncomingMessage, res: http.ServerResponse) {
  const url = new URL(req.url ?? "/", "http://executor");
  const path = url.pathname.replace(/\/+$/, "") || "/";
  const method = req.method ?? "GET";
  let match: RegExpExecArray | null;
  if (method === "POST" && (match = /^\/e\/([^/]*)$/.exec(path))) return handleEvents(ctx, req, res, decodeURIComponent(match[1]!));
  if (method === "POST" && path === "/fn/register") return handleRegister(ctx, req, res);
  if (method === "POST" && (match = /^\/v1\/checkpoint\/([^/]+)\/async$/.exec(path))) return handleCheckpoint(ctx, req, res, decodeURIComponent(match[1]!));
  if (method === "GET" && (path === "/health" || path === "/")) {
    return sendJson(res, 200, { ok: true, name: "textstack-executor", functions: ctx.registry.all().length });
  }
  if ((match = /^\/v[01]\/runs\/([^/]+)\/(batch|actions|cancel|replay)$/.exec(path))) {
    if (!authorized(ctx, req)) return sendJson(res, 401, { error: "Unauthorized: wrong or missing signing key" });
    const [, runId, action] = match as unknown as [string, string, string];
    if (method === "GET" && (action === "batch" || action === "actions")) return handleRunData(ctx, res, decodeURIComponent(runId), action);
    if (method === "POST" && action === "cancel") return handleCancel(ctx, res, decodeURIComponent(runId));
    if (method === "POST" && action === "replay") return handleReplay(ctx, res, decodeURIComponent(runId));
  }
  sendJson(res, 404, { error: `no route for ${method} ${path}`, status: 404 });
}

export function createApiServer(ctx: Ctx): http.Server {
  return http.createServer((req, res) => {
    route(ctx, req, res).catch((error: unknown) => {
      if (error instanceof HttpError) return sendJson(res, error.status, { error: error.message, status: error.status });
      ctx.log.error(`${req.method} ${req.url} failed`, error);
      if (!res.headersSent) sendJson(res, 500, { error: "internal error in the executor", status: 500 });
    });
  });
}
