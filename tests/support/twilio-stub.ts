// A stand-in for Twilio's Messages API on 127.0.0.1, for tests of anything that sends through a
// Twilio connection (point the connection's `baseUrl` at `stub.baseUrl`). It checks Basic auth and
// the account path as Twilio does, records every request's form, and answers each with a created
// message unless a reply was scripted for its recipient.
import { randomBytes } from "node:crypto";
import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";

export interface StubRequest {
  method: string;
  path: string;
  /** The Basic credentials sent, or null without an Authorization header. */
  auth: { username: string; password: string } | null;
  form: URLSearchParams;
}

/** A Twilio error answer (`{code, message}` with an HTTP status), or closing the socket unanswered. */
export type StubReply = { status: number; code: number; message: string } | "hang-up";

export interface TwilioStub {
  baseUrl: string;
  requests: StubRequest[];
  /** Answers the next request to `to` with `reply` instead of creating a message. */
  script(to: string, reply: StubReply): void;
  close(): Promise<void>;
}

const sid = (prefix: string) => prefix + randomBytes(16).toString("hex");

function basicAuth(header: string | undefined): StubRequest["auth"] {
  const match = /^Basic (.+)$/.exec(header ?? "");
  if (!match) return null;
  const decoded = Buffer.from(match[1]!, "base64").toString("utf8");
  const colon = decoded.indexOf(":");
  return { username: decoded.slice(0, colon), password: decoded.slice(colon + 1) };
}

async function readBody(request: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of request) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString("utf8");
}

function sendJson(response: ServerResponse, status: number, body: unknown) {
  response.writeHead(status, { "Content-Type": "application/json" }).end(JSON.stringify(body));
}

export async function startTwilioStub(account: { accountSid: string; authToken: string }): Promise<TwilioStub> {
  const requests: StubRequest[] = [];
  const scripted = new Map<string, StubReply[]>();
  const messagesPath = `/2010-04-01/Accounts/${account.accountSid}/Messages.json`;

  const server = createServer(async (request, response) => {
    const form = new URLSearchParams(await readBody(request));
    const auth = basicAuth(request.headers.authorization);
    requests.push({ method: request.method ?? "", path: request.url ?? "", auth, form });

    if (auth?.username !== account.accountSid || auth.password !== account.authToken) {
      return sendJson(response, 401, { code: 20003, message: "Authenticate", status: 401 });
    }
    if (request.method !== "POST" || request.url !== messagesPath) {
      return sendJson(response, 404, { code: 20404, message: "The requested resource was not found", status: 404 });
    }
    const reply = scripted.get(form.get("To") ?? "")?.shift();
    if (reply === "hang-up") return request.socket.destroy();
    if (reply) return sendJson(response, reply.status, { code: reply.code, message: reply.message, status: reply.status });

    const media = form.getAll("MediaUrl");
    sendJson(response, 201, {
      sid: sid(media.length > 0 ? "MM" : "SM"),
      account_sid: account.accountSid,
      from: form.get("From"),
      to: form.get("To"),
      body: form.get("Body"),
      status: "queued",
      num_media: String(media.length),
      num_segments: "1",
      direction: "outbound-api",
      api_version: "2010-04-01",
      date_created: new Date().toUTCString(),
      date_updated: new Date().toUTCString(),
    });
  });

  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    baseUrl: `http://127.0.0.1:${port}`,
    requests,
    script(to, reply) {
      scripted.set(to, [...(scripted.get(to) ?? []), reply]);
    },
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.closeAllConnections();
        server.close((error) => (error ? reject(error) : resolve()));
      }),
  };
}
