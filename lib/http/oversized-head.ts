// The HTTP server's answer to a request whose head (URL and headers) is over Node's limit
// (http.maxHeaderSize, 16 KB unless --max-http-header-size says otherwise). Node refuses it while
// parsing, before Next.js sees a request, with a bare 431: no body, no request id, so neither a
// route handler nor proxy.ts can answer it. A `clientError` listener on the server can, and
// `next start` hands out no server: the listener goes on the server of each incoming connection,
// found through the `net.server.socket` diagnostics channel. A listener replaces Node's own answers
// to every client error, so the others are answered here as Node would.
import { subscribe } from "node:diagnostics_channel";
import { maxHeaderSize, type Server } from "node:http";
import type { Socket } from "node:net";
import { ApiError } from "@/lib/api/api-error";
import { earlyRefusal } from "@/lib/http/early-refusal";

type ClientError = Error & { code?: string; rawPacket?: Buffer };

// Node's own answers (lib/_http_server.js).
const NODE_ANSWERS: Record<string, string> = {
  HPE_CHUNK_EXTENSIONS_OVERFLOW: "HTTP/1.1 413 Payload Too Large\r\nConnection: close\r\n\r\n",
  ERR_HTTP_REQUEST_TIMEOUT: "HTTP/1.1 408 Request Timeout\r\nConnection: close\r\n\r\n",
};
const BAD_REQUEST = "HTTP/1.1 400 Bad Request\r\nConnection: close\r\n\r\n";

/** The 431 in the error shape of the API the request line names (its start is in the packet Node was parsing). */
export function oversizedHeadAnswer(rawPacket: Buffer | undefined): string {
  const pathname = /^[A-Z]+ (\/[^ ?]*)/.exec(rawPacket?.subarray(0, 256).toString("latin1") ?? "")?.[1] ?? "";
  const error = new ApiError("headers_too_large", `The request's URL and headers are over ${Math.floor(maxHeaderSize / 1024)} KB together: send less, or long values in the body`);
  const { status, body, headers } = earlyRefusal(pathname, error);
  const json = JSON.stringify(body);
  const lines = Object.entries({ ...headers, "Content-Type": "application/json", "Content-Length": String(Buffer.byteLength(json)), Connection: "close" });
  return `HTTP/1.1 ${status} Request Header Fields Too Large\r\n${lines.map(([name, value]) => `${name}: ${value}`).join("\r\n")}\r\n\r\n${json}`;
}

function onClientError(error: ClientError, socket: Socket) {
  // Nothing may be written once a response has started on this connection (Node's rule too).
  const inFlight = (socket as Socket & { _httpMessage?: { headersSent: boolean } })._httpMessage;
  if (socket.writable && !inFlight?.headersSent) {
    socket.write(error.code === "HPE_HEADER_OVERFLOW" ? oversizedHeadAnswer(error.rawPacket) : (NODE_ANSWERS[error.code ?? ""] ?? BAD_REQUEST));
  }
  socket.destroy(error);
}

const answered = new WeakSet<Server>();

/** From now on, every HTTP server of this process answers an oversized request head in the API's error shape. */
export function answerOversizedHeads() {
  subscribe("net.server.socket", (message) => {
    const server = (message as { socket: Socket & { server?: Server } }).socket.server;
    if (!server || answered.has(server) || typeof server.on !== "function") return;
    answered.add(server);
    server.on("clientError", onClientError);
  });
}
