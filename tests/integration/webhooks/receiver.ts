// A webhook receiver on 127.0.0.1 for the tests: records every request and answers as told.
import http from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll } from "vitest";

export interface Received {
  headers: Record<string, string>;
  body: string;
  json: { type: string; timestamp: string; data: Record<string, unknown> };
}

export interface Receiver {
  url: string;
  requests: Received[];
  /** Decides each answer's status (default 200); the body is `responseBody` (default "ok"). */
  respond: (request: Received) => number;
  responseBody: string;
}

export async function startReceiver(): Promise<Receiver> {
  const receiver: Receiver = { url: "", requests: [], respond: () => 200, responseBody: "ok" };
  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (c: Buffer) => chunks.push(c));
    req.on("end", () => {
      const body = Buffer.concat(chunks).toString("utf8");
      const request: Received = { headers: req.headers as Record<string, string>, body, json: JSON.parse(body) };
      receiver.requests.push(request);
      res.writeHead(receiver.respond(request), { "content-type": "text/plain" }).end(receiver.responseBody);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  receiver.url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/hooks`;
  afterAll(async () => {
    server.closeAllConnections();
    await new Promise((resolve) => server.close(resolve));
  });
  return receiver;
}
