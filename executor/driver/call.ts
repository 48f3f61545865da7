// One call to a function's URL, the way Inngest's executor makes it, and what the response means.
// 200: the function returned (body = its value). 206: step operations. Any other status, or no
// response: an error, retried unless the SDK sent x-inngest-no-retry: true.
import { createHmac } from "node:crypto";
import http from "node:http";
import https from "node:https";
import { canonicalJson } from "../../lib/canonical-json.ts";
import type { JsonError } from "../context.ts";

export interface Op {
  id: string;
  op: string;
  name?: string;
  displayName?: string;
  opts?: Record<string, unknown>;
  data?: unknown;
  error?: JsonError;
}

export type CallOutcome =
  | { kind: "complete"; data: unknown; version?: number }
  | { kind: "ops"; ops: Op[]; version?: number }
  | { kind: "error"; error: JsonError; retriable: boolean; retryAfterMs?: number; version?: number };

const agents = { http: new http.Agent({ keepAlive: true, maxSockets: 256 }), https: new https.Agent({ keepAlive: true, maxSockets: 256 }) };

/** The X-Inngest-Signature the SDK verifies: HMAC-SHA256 of the body and time, keyed by the key without its prefix. */
export function signBody(body: string, signingKey: string, now = Date.now()): string {
  const t = Math.floor(now / 1000).toString();
  const s = createHmac("sha256", signingKey.replace(/^signkey-\w+-/, "")).update(body).update(t).digest("hex");
  return `t=${t}&s=${s}`;
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

function asError(status: number, body: string, parsed: unknown): JsonError {
  if (parsed && typeof parsed === "object" && !Array.isArray(parsed)) {
    const p = parsed as Record<string, unknown>;
    const message = typeof p.message === "string" ? p.message : typeof p.error === "string" ? p.error : undefined;
    if (message !== undefined) return { ...p, name: typeof p.name === "string" ? p.name : "Error", message };
  }
  return { name: "Error", message: `HTTP ${status}${body ? `: ${body.slice(0, 500)}` : ""}` };
}

function retryAfter(header: string | undefined): number | undefined {
  if (!header) return undefined;
  if (/^\d+$/.test(header)) return Number(header) * 1000;
  const at = Date.parse(header);
  return Number.isNaN(at) ? undefined : Math.max(0, at - Date.now());
}

export function interpret(status: number, headers: http.IncomingHttpHeaders, text: string): CallOutcome {
  const version = Number(headers["x-inngest-req-version"]);
  const v = Number.isInteger(version) ? { version } : {};
  const parsed = parseJson(text);
  if (status === 200) return { kind: "complete", data: parsed === undefined ? (text === "" ? null : text) : parsed, ...v };
  if (status === 206) {
    const list = Array.isArray(parsed) ? parsed : parsed && typeof parsed === "object" ? [parsed] : null;
    if (list && list.every((op) => op && typeof op === "object" && typeof op.id === "string" && typeof op.op === "string")) {
      return { kind: "ops", ops: list as Op[], ...v };
    }
    return { kind: "error", error: { name: "Error", message: `206 with an unreadable body: ${text.slice(0, 200)}` }, retriable: true, ...v };
  }
  const noRetry = headers["x-inngest-no-retry"] === "true";
  return { kind: "error", error: asError(status, text, parsed), retriable: !noRetry, retryAfterMs: retryAfter(headers["retry-after"] as string | undefined), ...v };
}

export interface CallOptions {
  signingKey?: string;
  timeoutMs: number;
  signal?: AbortSignal;
}

export function callFunction(functionUrl: string, stepId: string, body: unknown, options: CallOptions): Promise<CallOutcome> {
  const url = new URL(functionUrl);
  url.searchParams.set("stepId", stepId);
  const payload = canonicalJson(body);
  const headers: Record<string, string> = {
    "content-type": "application/json",
    "content-length": Buffer.byteLength(payload).toString(),
    "user-agent": "textstack-executor",
    "x-inngest-server-kind": options.signingKey ? "cloud" : "dev",
  };
  if (options.signingKey) headers["x-inngest-signature"] = signBody(payload, options.signingKey);
  const transport = url.protocol === "https:" ? https : http;
  return new Promise((resolve) => {
    const fail = (message: string) => resolve({ kind: "error", error: { name: "Error", message }, retriable: true });
    const request = transport.request(
      url,
      { method: "POST", headers, agent: url.protocol === "https:" ? agents.https : agents.http, timeout: options.timeoutMs, signal: options.signal },
      (response) => {
        const chunks: Buffer[] = [];
        response.on("data", (chunk: Buffer) => chunks.push(chunk));
        response.on("end", () => resolve(interpret(response.statusCode ?? 0, response.headers, Buffer.concat(chunks).toString("utf8"))));
        response.on("error", (error) => fail(`reading the response failed: ${error.message}`));
      },
    );
    request.on("timeout", () => request.destroy(new Error(`no response within ${options.timeoutMs} ms`)));
    request.on("error", (error) => fail(`calling ${url.origin}${url.pathname} failed: ${error.message}`));
    request.end(payload);
  });
}
