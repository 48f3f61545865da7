// Property-based fuzzing of every public API route handler (every route.ts under app/api/v1 and
// app/2010-04-01, found on disk, so a new route is fuzzed without touching this file): arbitrary
// JSON and form bodies, query strings, path parameters and headers, sent as real Requests with a
// valid key (mostly) against the real database. Property: never a 500, and every refusal is the
// documented error shape with a code. Each test names its seed; replay a failure with
// FUZZ_SEED=<seed> (and FUZZ_RUNS=<n> for more runs per handler).
import { readdirSync } from "node:fs";
import path from "node:path";
import fc from "fast-check";
import { beforeAll, describe, expect, it, vi } from "vitest";
import { apiRequest, call, createTestApiKey, routeParams, setupApiDatabase } from "../helpers/api";
import { headerTextArb, jsonBodyArb, junkArb, leavesLoopback, pairsArb, schemaKeys, textArb } from "./fuzz-inputs";

// Thousands of requests in seconds from one key: the limiter would answer most of them 429.
process.env.API_RATE_LIMIT = "1000000";

const { db } = await setupApiDatabase();
const { OPERATIONS } = await import("@/lib/api/openapi/operations");
const { API_ERROR_STATUS } = await import("@/lib/api/error-codes");
const { messageSid } = await import("@/lib/twilio-api/message-sid");
const { createOrgWithOwner } = await import("../helpers/factories");

const ROOT = path.resolve(import.meta.dirname, "../../..");
const METHODS = ["GET", "POST", "PUT", "PATCH", "DELETE"] as const;
const SEED = Number(process.env.FUZZ_SEED ?? Math.floor(Math.random() * 2 ** 31));
const RUNS = Number(process.env.FUZZ_RUNS ?? 40);

type Handler = (request: Request, context: { params: Promise<Record<string, string>> }) => Promise<Response>;
interface Route {
  file: string;
  /** The URL path with Next.js segments, e.g. /api/v1/messages/[id]/cancel. */
  template: string;
  method: (typeof METHODS)[number];
  handler: Handler;
  kind: "rest" | "twilio" | "public";
}

async function discoverRoutes(): Promise<Route[]> {
  const routes: Route[] = [];
  for (const dir of ["app/api/v1", "app/2010-04-01"]) {
    const files = readdirSync(path.join(ROOT, dir), { recursive: true, encoding: "utf8" }).filter((f) => path.basename(f) === "route.ts");
    for (const relative of files.sort()) {
      const file = `${dir}/${relative.split(path.sep).join("/")}`;
      const template = file.replace(/^app/, "").replace(/\/route\.ts$/, "");
      const mod = (await import(path.join(ROOT, file))) as Record<string, unknown>;
      const kind = template.startsWith("/2010-04-01") ? "twilio" : template === "/api/v1/openapi.json" ? "public" : "rest";
      for (const method of METHODS) if (typeof mod[method] === "function") routes.push({ file, template, method, handler: mod[method] as Handler, kind });
    }
  }
  return routes;
}

const routes = await discoverRoutes();
const operationOf = (route: Route) =>
  OPERATIONS.find((op) => op.method === route.method.toLowerCase() && op.path === route.template.replace(/\[(\w+)\]/g, "{$1}"));

const TWILIO_NAMES = ["To", "From", "Body", "StatusCallback", "SendAt", "ScheduleType", "SmartEncoded", "MediaUrl", "Status",
  "PageSize", "Page", "PageToken", "DateSent", "DateSent<", "DateSent>", "MessagingServiceSid"];
const VOCABULARY = [...new Set([...OPERATIONS.flatMap((op) => [...schemaKeys(op.body), ...schemaKeys(op.query)]), ...TWILIO_NAMES])];

let token: string;
let keyId: string;
let accountSid: string;
/** Ids that exist (this org's messages, verification, contact, list, webhook endpoint and delivery, another org's message): path params and values. */
const known: string[] = [];

beforeAll(async () => {
  vi.spyOn(console, "warn").mockImplementation(() => {}); // no job server here: dispatch events are not sent
  const { org } = await createOrgWithOwner(db, { defaultCountry: "US" });
  accountSid = org.accountSid;
  const key = await createTestApiKey(db, org.id, ["messages:send", "messages:read", "verify", "contacts:read", "contacts:write", "webhooks:manage"]);
  token = key.token;
  keyId = key.key.id;
  // Subscribed before the messages below are sent, so their message.queued events make deliveries.
  const endpoints = (await import("@/app/api/v1/webhook_endpoints/route")).POST;
  const endpoint = (await call(endpoints(apiRequest("/api/v1/webhook_endpoints", { token, body: { url: "https://93.184.216.34/hooks", event_types: ["message.queued"] } })))).body.id;
  const other = await createOrgWithOwner(db, { defaultCountry: "US" });
  const otherToken = (await createTestApiKey(db, other.org.id, ["messages:send"])).token;
  const messages = (await import("@/app/api/v1/messages/route")).POST;
  const verifications = (await import("@/app/api/v1/verifications/route")).POST;
  const later = new Date(Date.now() + 86_400_000).toISOString();
  for (const [body, t] of [[{ to: "+14155550100", body: "Hi" }, token], [{ to: "+14155550101", body: "Later", send_at: later }, token], [{ to: "+14155550102", body: "Theirs" }, otherToken]] as const) {
    known.push((await call(messages(apiRequest("/api/v1/messages", { token: t, body })))).body.id);
  }
  known.push((await call(verifications(apiRequest("/api/v1/verifications", { token, body: { to: "+14155550103", channel: "sms" } })))).body.id);
  const contacts = (await import("@/app/api/v1/contacts/route")).POST;
  const lists = (await import("@/app/api/v1/lists/route")).POST;
  known.push((await call(contacts(apiRequest("/api/v1/contacts", { token, body: { phone: "+14155550104" } })))).body.id);
  known.push((await call(lists(apiRequest("/api/v1/lists", { token, body: { name: "Fuzzed" } })))).body.id);
  known.push(endpoint, (await db.webhookDelivery.findFirstOrThrow({ where: { endpointId: endpoint } })).id);
});

const basic = (user: string, password: string) => `Basic ${Buffer.from(`${user}:${password}`).toString("base64")}`;

function authArb(kind: Route["kind"]): fc.Arbitrary<string | null> {
  const valid = kind === "twilio" ? fc.constantFrom(basic(accountSid, token), basic(keyId, token)) : fc.constant(`Bearer ${token}`);
  return fc.oneof(
    { weight: 20, arbitrary: valid },
    { weight: 1, arbitrary: fc.constant(null) },
    { weight: 1, arbitrary: headerTextArb },
    { weight: 1, arbitrary: headerTextArb.map((t) => `Bearer tsk_live_${t}`) },
    { weight: 1, arbitrary: fc.tuple(textArb(), textArb()).map(([u, p]) => basic(u, p)) },
    { weight: 1, arbitrary: fc.constantFrom(`Basic ${token}`, `Bearer ${basic(accountSid, token)}`, `bearer  ${token} x`, basic(accountSid, `${token}x`)) },
  );
}

/** Path parameters: existing ids (as sids with .json on the Twilio routes) mostly, anything else too. */
function paramArb(name: string, kind: Route["kind"]): fc.Arbitrary<string> {
  const real = name === "accountSid" ? [accountSid] : kind === "twilio" ? known.filter((id) => id.startsWith("msg_")).map((id) => `${messageSid(id)}.json`) : known;
  // A wrong account is refused before anything else, so it is tried only now and then.
  const weight = name === "accountSid" ? 12 : 3;
  return fc.oneof({ weight, arbitrary: fc.constantFrom(...real) }, { weight: 2, arbitrary: textArb(known) }, { weight: 1, arbitrary: textArb().map((t) => `${t}.json`) });
}

/** A valid form body of the Twilio route (a send, or a cancel), which the fuzzer then adds to. */
const twilioBase = (route: Route) => (route.template.endsWith("Messages.json") ? "To=%2B14155550123&Body=Hi" : "Status=canceled");

function requestArb(route: Route) {
  const op = operationOf(route);
  const names = route.kind === "twilio" ? TWILIO_NAMES : [...schemaKeys(op?.query), "limit", "starting_after"];
  const junk = junkArb(VOCABULARY, known);
  const formValue = textArb(known).filter((v) => !leavesLoopback(v));
  const body =
    !["POST", "PUT", "PATCH"].includes(route.method)
      ? fc.constant(undefined)
      : route.kind === "twilio"
        ? fc.oneof(pairsArb(TWILIO_NAMES, formValue), pairsArb(TWILIO_NAMES, formValue).map((more) => `${twilioBase(route)}&${more}`))
        : jsonBodyArb(schemaKeys(op?.body), op?.example, junk, VOCABULARY);
  const segments = [...route.template.matchAll(/\[(\w+)\]/g)].map((m) => m[1]!);
  return fc.record({
    params: fc.tuple(...segments.map((s) => paramArb(s, route.kind))).map((values) => Object.fromEntries(segments.map((s, i) => [s, values[i]!]))),
    query: fc.option(pairsArb(names, textArb(known)), { freq: 2 }),
    body,
    authorization: authArb(route.kind),
    // Sent now and then: a key used again with another body is refused (422) before anything else.
    idempotencyKey: fc.oneof(
      { weight: 8, arbitrary: fc.constant(null) },
      { weight: 2, arbitrary: fc.noBias(fc.uuid()) },
      { weight: 1, arbitrary: headerTextArb },
      { weight: 1, arbitrary: fc.constantFrom("order-1", "order-2") },
    ),
    contentType: fc.option(fc.oneof(fc.constantFrom("application/json", "application/x-www-form-urlencoded", "text/plain; charset=utf-16"), headerTextArb), { freq: 2 }),
  });
}

type Input = ReturnType<typeof requestArb> extends fc.Arbitrary<infer T> ? T : never;

function toRequest(route: Route, input: Input): Request {
  let pathname = route.template;
  for (const [name, value] of Object.entries(input.params)) {
    let segment: string;
    try {
      segment = encodeURIComponent(value);
    } catch {
      segment = "x"; // a lone surrogate has no URL form; the handler still gets the value itself
    }
    pathname = pathname.replace(`[${name}]`, segment);
  }
  const headers: Record<string, string> = {};
  if (input.authorization !== null) headers.authorization = input.authorization;
  if (input.idempotencyKey !== null) headers["idempotency-key"] = input.idempotencyKey;
  if (input.contentType !== null) headers["content-type"] = input.contentType;
  const query = input.query === null ? "" : `?${input.query}`;
  return apiRequest(`${pathname}${query}`, { method: route.method, body: input.body, headers });
}

async function expectDocumentedAnswer(route: Route, response: Response): Promise<number> {
  const text = await response.text();
  expect(response.status, `${route.method} ${route.template} answered ${response.status}: ${text.slice(0, 500)}`).toBeLessThan(500);
  if (response.status < 300) return response.status;
  const body = JSON.parse(text) as Record<string, unknown>;
  if (route.kind === "twilio") {
    expect(body).toEqual({ code: expect.any(Number), message: expect.any(String), more_info: expect.any(String), status: response.status });
  } else {
    const error = body.error as { code: keyof typeof API_ERROR_STATUS; message: unknown; param: unknown; doc_url: unknown };
    expect(error, text.slice(0, 500)).toEqual({ code: expect.any(String), message: expect.any(String), param: error.param === null ? null : expect.any(String), doc_url: expect.stringContaining(`#errors-${error.code}`) });
    expect(API_ERROR_STATUS[error.code], `code ${error.code}`).toBe(response.status);
  }
  return response.status;
}

const routeAt = (method: Route["method"], template: string) => routes.find((r) => r.method === method && r.template === template)!;

// Found by this fuzzing: U+0000 and unpaired surrogates ("\ud800" in JSON), which PostgreSQL text
// cannot hold, reached the database from path ids, JSON values, query values and form values: 500s.
describe("regressions: text the database cannot store is refused, not a 500", () => {
  const twilio = "/2010-04-01/Accounts/[accountSid]/Messages.json";
  const cases: [Route["method"], string, Partial<Input>, string | null][] = [
    ["GET", "/api/v1/messages/[id]", { params: { id: "\0" } }, "id"],
    ["POST", "/api/v1/verifications/[id]/cancel", { params: { id: "ver_\0" }, body: "{}" }, "id"],
    ["GET", "/api/v1/verifications/[id]", { params: { id: "\ud800.json" } }, "id"],
    ["POST", "/api/v1/messages", { body: '{"to": "+14155550123", "body": "a\\ud83d"}' }, "body"],
    ["POST", "/api/v1/messages", { body: JSON.stringify({ to: "+14155550123", body: "a\0b" }), idempotencyKey: "nul-1" }, "body"],
    ["POST", "/api/v1/messages/batch", { body: JSON.stringify({ messages: [{ to: "+14155550123", body: "ok", status_callback: "https://127.0.0.1/\0" }] }) }, "messages[0].status_callback"],
    ["POST", "/api/v1/verifications", { body: JSON.stringify({ to: "+14155550123", channel: "sms", template: "{{code}}\0" }) }, "template"],
    ["GET", "/api/v1/messages", { query: "starting_after=msg_%00" }, "starting_after"],
    ["POST", twilio, { body: "To=%2B14155550123&Body=a%00b" }, null],
    ["GET", twilio, { query: "To=%00" }, null],
  ];
  it.each(cases)("%s %s", async (method, template, partial, param) => {
    const route = routeAt(method, template);
    const input: Input = {
      params: route.kind === "twilio" ? { accountSid } : {},
      query: null,
      body: undefined,
      authorization: route.kind === "twilio" ? basic(accountSid, token) : `Bearer ${token}`,
      idempotencyKey: null,
      contentType: null,
      ...partial,
    };
    const response = await route.handler(toRequest(route, input), routeParams(input.params));
    expect(await expectDocumentedAnswer(route, response.clone())).toBe(400);
    const body = await response.json();
    if (route.kind === "twilio") expect(body).toMatchObject({ code: 20001, message: expect.stringContaining("NUL character") });
    else expect(body.error).toMatchObject({ code: "invalid_parameter", param });
  });
});

describe(`public API fuzzing (seed ${SEED}, ${RUNS} runs per handler)`, () => {
  it("finds the route handlers on disk", () => {
    expect(routes.map((r) => `${r.method} ${r.template}`)).toEqual(expect.arrayContaining(["POST /api/v1/messages", "GET /2010-04-01/Accounts/[accountSid]/Messages.json"]));
  });

  it.each(routes.map((r) => [`${r.method} ${r.template}`, r] as const))("%s never answers 500", async (_name, route) => {
    const statuses: number[] = [];
    await fc.assert(
      fc.asyncProperty(requestArb(route), async (input) => {
        const response = await route.handler(toRequest(route, input), routeParams(input.params));
        statuses.push(await expectDocumentedAnswer(route, response));
      }),
      { seed: SEED, numRuns: RUNS },
    );
    // The inputs got past authentication often enough to reach the handler's own checks.
    expect(statuses.filter((s) => s !== 401 && s !== 403).length, `statuses: ${statuses.join(",")}`).toBeGreaterThan(RUNS / 4);
  });
});
