// One HTTP attempt of a delivery: POST the JSON body with its headers, connecting only to addresses
// the SSRF guard allows (checked on the resolved address, as the connection is made), no redirects
// followed, at most `timeoutMs` in all. Keeps the first 2 KB of the response for the delivery log.
import http from "node:http";
import https from "node:https";
import { assertPublicHost, guardedLookup } from "@/lib/net/outbound-url";

export const RESPONSE_KEEP_BYTES = 2_048;
const DEFAULT_TIMEOUT_MS = 10_000;

export interface AttemptResult {
  ok: boolean;
  status: number | null;
  responseBody: string | null;
  latencyMs: number;
  error: string | null;
}

export interface PostOptions {
  timeoutMs?: number;
  allowPrivate?: boolean;
}

export async function postWebhook(rawUrl: string, headers: Record<string, string>, body: string, options: PostOptions = {}): Promise<AttemptResult> {
  const started = performance.now();
  const latency = () => Math.round(performance.now() - started);
  try {
    const url = new URL(rawUrl);
    assertPublicHost(url, options.allowPrivate);
    const { status, text } = await request(url, headers, body, options);
    const ok = status >= 200 && status < 300;
    return { ok, status, responseBody: text, latencyMs: latency(), error: ok ? null : `HTTP ${status}` };
  } catch (error) {
    return { ok: false, status: null, responseBody: null, latencyMs: latency(), error: (error as Error).message };
  }
}

function request(url: URL, headers: Record<string, string>, body: string, options: PostOptions): Promise<{ status: number; text: string }> {
  const timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  const client = url.protocol === "https:" ? https : http;
  return new Promise((resolve, reject) => {
    const req = client.request(url, {
      method: "POST",
      headers: {
        "content-type": "application/json",
        "content-length": String(Buffer.byteLength(body)),
        "user-agent": "Textstack-Webhooks/1.0",
        ...headers,
      },
      lookup: guardedLookup(options.allowPrivate),
      // A fresh connection each time: a pooled one could have been opened to an address since re-resolved.
      agent: false,
    });
    const timer = setTimeout(() => req.destroy(new Error(`No response within ${timeoutMs / 1000} s`)), timeoutMs);
    req.on("error", (error) => {
      clearTimeout(timer);
      reject(error);
    });
    req.on("response", (res) => {
      const chunks: Buffer[] = [];
      let kept = 0;
      res.on("data", (chunk: Buffer) => {
        if (kept < RESPONSE_KEEP_BYTES) chunks.push(chunk.subarray(0, RESPONSE_KEEP_BYTES - kept));
        kept += chunk.length;
      });
      res.on("end", () => {
        clearTimeout(timer);
        resolve({ status: res.statusCode ?? 0, text: Buffer.concat(chunks).toString("utf8") });
      });
      res.on("error", (error) => {
        clearTimeout(timer);
        reject(error);
      });
    });
    req.end(body);
  });
}
