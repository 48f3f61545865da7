// Requests refused before any route handler runs, in the error shape of the API they were for:
// a path whose percent-encoding is not UTF-8 (proxy.ts: Next.js would answer a plain-text 500),
// and a request head over Node's size limit (lib/http/oversized-head.ts, on a real HTTP server:
// Node would answer a bare 431). Node's other client errors keep Node's own answers.
import http from "node:http";
import net, { type AddressInfo } from "node:net";
import { afterAll, describe, expect, it } from "vitest";
import { NextRequest } from "next/server";
import { proxy, config } from "@/proxy";
import { answerOversizedHeads } from "@/lib/http/oversized-head";

const viaProxy = (path: string) => proxy(new NextRequest(`http://localhost:3000${path}`));

describe("proxy.ts: a path Next.js cannot decode", () => {
  it.each([
    ["/api/v1/messages/%ff", "rest"],
    ["/api/v1/contacts/%e2%82/opt_out", "rest"],
    ["/api/v1/lists/%", "rest"],
    ["/2010-04-01/Accounts/AC1/Messages/%ff.json", "twilio"],
    ["/2010-04-01/Accounts/%c3/Messages.json", "twilio"],
  ])("%s is 400 malformed_url in the %s shape, with a request id", async (path, shape) => {
    const response = viaProxy(path);
    expect(response.status).toBe(400);
    expect(response.headers.get("x-request-id")).toMatch(/^req_[0-9a-f]{32}$/);
    const body = await response.json();
    if (shape === "twilio") expect(body).toMatchObject({ code: 20001, status: 400, more_info: expect.any(String) });
    else expect(body.error).toMatchObject({ code: "malformed_url", param: null });
  });

  it("answers a short link's path that does not decode with the short links' page, as an unknown code", async () => {
    const res = viaProxy("/l/ab%ffcd");
    expect(res.status).toBe(404);
    expect(res.headers.get("content-type")).toContain("text/html");
    expect(await res.text()).toContain("This link is not valid");
  });

  it("lets a path that decodes through to its route", () => {
    for (const path of ["/api/v1/messages/%C3%A9", "/api/v1/messages/msg_1%20"]) expect(viaProxy(path).headers.get("x-middleware-next")).toBe("1");
  });

  it("runs only for API and short-link paths with a % in them (a proxy that runs makes Next.js buffer the body)", () => {
    const matchers = config.matcher.map((source) => new RegExp(`^${source.replace("/:path(.*%.*)", "/(.*%.*)")}$`));
    const runs = (path: string) => matchers.some((m) => m.test(path));
    expect(runs("/api/v1/messages/%ff")).toBe(true);
    expect(runs("/2010-04-01/Accounts/AC1/Messages/%ff")).toBe(true);
    expect(runs("/l/ab%ff")).toBe(true);
    expect(runs("/l/AbC1234")).toBe(false);
    expect(runs("/api/v1/messages/msg_1")).toBe(false);
    expect(runs("/2010-04-01/Accounts/AC1/Messages.json")).toBe(false);
    expect(runs("/sign-in/%ff")).toBe(false);
  });
});

describe("an oversized request head on the HTTP server", () => {
  answerOversizedHeads();
  const server = http.createServer((_req, res) => res.end("ok"));
  const listening = new Promise<number>((resolve) => server.listen(0, "127.0.0.1", () => resolve((server.address() as AddressInfo).port)));
  afterAll(() => new Promise((resolve) => server.close(resolve)));

  const send = async (head: string) => {
    const port = await listening;
    return new Promise<string>((resolve) => {
      let answer = "";
      const socket = net.connect(port, "127.0.0.1", () => socket.end(head));
      socket.on("data", (chunk) => (answer += chunk));
      socket.on("close", () => resolve(answer));
      socket.on("error", () => resolve(answer));
    });
  };
  const parse = (answer: string) => {
    const [head, body] = answer.split("\r\n\r\n");
    return { status: Number(head!.split(" ")[1]), head: head!, body: body ? JSON.parse(body) : null };
  };
  const long = "a".repeat(20_000);

  it("answers 431 in REST's shape, with a request id, for a REST URL too long", async () => {
    const { status, head, body } = parse(await send(`GET /api/v1/messages/${long} HTTP/1.1\r\nHost: x\r\n\r\n`));
    expect(status).toBe(431);
    expect(head).toMatch(/\r\nX-Request-Id: req_[0-9a-f]{32}\r\n/);
    expect(body.error).toMatchObject({ code: "headers_too_large", param: null });
  });

  it("answers in Twilio's shape under /2010-04-01, and for a header too large", async () => {
    const { status, body } = parse(await send(`GET /2010-04-01/Accounts/AC1/Messages.json HTTP/1.1\r\nHost: x\r\nAuthorization: Basic ${long}\r\n\r\n`));
    expect(status).toBe(431);
    expect(body).toMatchObject({ code: 20001, status: 431 });
  });

  it("keeps Node's own answers to other client errors, and serves good requests", async () => {
    expect(await send("GARBAGE\r\n\r\n")).toBe("HTTP/1.1 400 Bad Request\r\nConnection: close\r\n\r\n");
    expect(await send("GET / HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n")).toMatch(/^HTTP\/1.1 200 OK[\s\S]*ok$/);
  });
});
