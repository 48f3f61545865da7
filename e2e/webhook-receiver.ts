// A developer's webhook endpoint for the end-to-end tier: a plain node http server on 127.0.0.1 that
// keeps every request as it came (raw body and the Standard Webhooks headers), so the spec verifies
// signatures the way the docs tell a developer to, with the secret it only learns later.
import http from "node:http";
import type { AddressInfo } from "node:net";

export interface ReceivedWebhook {
  path: string;
  headers: { "webhook-id": string; "webhook-timestamp": string; "webhook-signature": string };
  rawBody: string;
}

export interface WebhookReceiver {
  url: string;
  received: ReceivedWebhook[];
  close: () => Promise<void>;
}

const header = (req: http.IncomingMessage, name: string) => String(req.headers[name] ?? "");

export async function startWebhookReceiver(path = "/webhooks/textstack"): Promise<WebhookReceiver> {
  const received: ReceivedWebhook[] = [];
  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (chunk: Buffer) => chunks.push(chunk));
    req.on("end", () => {
      received.push({
        path: req.url ?? "",
        headers: { "webhook-id": header(req, "webhook-id"), "webhook-timestamp": header(req, "webhook-timestamp"), "webhook-signature": header(req, "webhook-signature") },
        rawBody: Buffer.concat(chunks).toString("utf8"),
      });
      res.writeHead(200, { "content-type": "application/json" }).end('{"received":true}');
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}${path}`,
    received,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}
