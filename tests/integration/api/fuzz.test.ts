// Property-based fuzzing of every public API route handler (every route.ts under app/api/v1 and
// app/2010-04-01, found on disk, so a new route is fuzzed without touching this file): arbitrary
// JSON and form bodies, query strings, path parameters and headers, sent as real Requests with a
// valid key (mostly) against the real database. Hostile ones too: broken %-escapes in the path and
// the query, JSON nested thousands deep, bodies over every limit, wrong or odd Content-Types, huge
// and duplicated Authorization and Idempotency-Key headers. A request goes through proxy.ts first,
// as under Next.js. Property: never a 500, and every refusal is the documented error shape with a
// code. Each test names its seed; replay a failure with FUZZ_SEED=<seed> (and FUZZ_RUNS=<n> for
// more runs per handler). Heads over Node's size limit never reach a handler: early-refusals.test.ts.
import { readdirSync } from "node:fs";
import path from "node:path";
import fc from "fast-check";
import { beforeAll, describe, expect, it } from "vitest";
import { NextRequest } from "next/server";
import { apiRequest, call, createTestApiKey, routeParams, setupApiDatabase } from "../helpers/api";
import { BROKEN_ESCAPES, deepJsonArb, headerTextArb, jsonBodyArb, junkArb, leavesLoopback, ODD_CONTENT_TYPES, OVERSIZED_BODY, pairsArb, schemaKeys, textArb } from "./fuzz-inputs";

// Thousands of requests in seconds from one key: the limiter would answer most of them 429.
process.env.API_RATE_LIMIT = "1000000";

const { db } = await setupApiDatabase();
const { OPERATIONS } = await import("@/lib/api/openapi/operations");
const { API_ERROR_STATUS } = await import("@/lib/errors/error-codes");
const { messageSid } = await import("@/lib/twilio-api/message-sid");
const { createOrgWithOwner } = await import("../helpers/factories");
const { proxy } = await import("@/proxy");

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
  const { org } = await createOrgWithOwner(db, { defaultCountry: "US" });
  accountSid = org.accountSid;
  const key = await createTestApiKey(db, org.id, ["messages:send", "messages:read", "verify", "contacts:read", "contacts:write", "webhooks:manage", "campaigns:read", "campaigns:write", "events:write"], { name: "Fuzzing" });
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
    // Two Authorization headers arrive joined by ", "; huge ones; a tab for a space.
    { weight: 1, arbitrary: valid.map((v) => `${v}, ${v}`) },
    { weight: 1, arbitrary: fc.constantFrom(`Bearer ${"x".repeat(12_000)}`, `Basic ${"QUJD".repeat(3_000)}`, `Bearer\t${token}`, `Bearer ${token}\u00a0`) },
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
  const brokenForm = fc.tuple(fc.constantFrom(...TWILIO_NAMES), fc.constantFrom(...BROKEN_ESCAPES)).map(([name, escape]) => `${twilioBase(route)}&${name}=a${escape}`);
  const body =
    !["POST", "PUT", "PATCH"].includes(route.method)
      ? fc.constant(undefined)
      : route.kind === "twilio"
        ? fc.oneof(
            { weight: 6, arbitrary: pairsArb(TWILIO_NAMES, formValue) },
            { weight: 6, arbitrary: pairsArb(TWILIO_NAMES, formValue).map((more) => `${twilioBase(route)}&${more}`) },
            { weight: 1, arbitrary: brokenForm },
            { weight: 1, arbitrary: fc.constant(OVERSIZED_BODY) },
          )
        : fc.oneof(
            { weight: 12, arbitrary: jsonBodyArb(schemaKeys(op?.body), op?.example, junk, VOCABULARY) },
            { weight: 1, arbitrary: deepJsonArb },
            { weight: 1, arbitrary: fc.constant(OVERSIZED_BODY) },
          );
  const segments = [...route.template.matchAll(/\[(\w+)\]/g)].map((m) => m[1]!);
  return fc.record({
    params: fc.tuple(...segments.map((s) => paramArb(s, route.kind))).map((values) => Object.fromEntries(segments.map((s, i) => [s, values[i]!]))),
    /** Appended to the last path parameter as sent: proxy.ts must refuse it before the route. */
    brokenPath: segments.length === 0 ? fc.constant(null) : fc.option(fc.constantFrom(...BROKEN_ESCAPES), { freq: 8 }),
    query: fc.option(
      fc.oneof(
        { weight: 8, arbitrary: pairsArb(names, textArb(known)) },
        { weight: 1, arbitrary: fc.tuple(fc.constantFrom(...names, "x"), fc.constantFrom(...BROKEN_ESCAPES), fc.boolean()).map(([n, e, inName]) => (inName ? `${n}${e}=1` : `${n}=a${e}`)) },
      ),
      { freq: 2 },
    ),
    body,
    authorization: authArb(route.kind),
    // Sent now and then: a key used again with another body is refused (422) before anything else.
    idempotencyKey: fc.oneof(
      { weight: 8, arbitrary: fc.constant(null) },
      { weight: 2, arbitrary: fc.noBias(fc.uuid()) },
      { weight: 1, arbitrary: headerTextArb },
      { weight: 1, arbitrary: fc.constantFrom("order-1", "order-2") },
      { weight: 1, arbitrary: fc.constantFrom("k".repeat(12_000), "order-1, order-2", " ", "\t") },
    ),
    contentType: fc.option(fc.oneof(fc.constantFrom(...ODD_CONTENT_TYPES), headerTextArb), { freq: 2 }),
    /** A header as large as Node lets through (its 16 KB limit is for the whole head). */
    filler: fc.option(fc.constant("y".repeat(12_000)), { freq: 10 }),
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
  if (input.brokenPath) pathname += input.brokenPath;
  const headers: Record<string, string> = {};
  if (input.authorization !== null) headers.authorization = input.authorization;
  if (input.idempotencyKey !== null) headers["idempotency-key"] = input.idempotencyKey;
  if (input.filler !== null) headers["x-filler"] = input.filler;
  // A Twilio client sends its form as a form; apiRequest's default for a body is JSON.
  const contentType = input.contentType ?? (route.kind === "twilio" && input.body !== undefined ? "application/x-www-form-urlencoded" : null);
  if (contentType !== null) headers["content-type"] = contentType;
  const query = input.query === null ? "" : `?${input.query}`;
  return apiRequest(`${pathname}${query}`, { method: route.method, body: input.body, headers });
}

/** The request as Next.js would handle it: proxy.ts first (for a path with a %), then the route with the decoded params. */
async function serve(route: Route, input: Input): Promise<Response> {
  const request = toRequest(route, input);
  if (request.url.split("?")[0]!.includes("%")) {
    const early = proxy(new NextRequest(request.url));
    if (!early.headers.has("x-middleware-next")) return early;
  }
  return route.handler(request, routeParams(input.params));
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
      brokenPath: null,
      filler: null,
      ...partial,
    };
    const response = await serve(route, input);
    expect(await expectDocumentedAnswer(route, response.clone())).toBe(400);
    const body = await response.json();
    if (route.kind === "twilio") expect(body).toMatchObject({ code: 20001, message: expect.stringContaining("NUL character") });
    else expect(body.error).toMatchObject({ code: "invalid_parameter", param });
  });
});

// Each class of hostile request, once against every route (the fuzzing below mixes them at random).
describe("hostile requests: every route answers 4xx in its own error shape", () => {
  const hasBody = (route: Route) => ["POST", "PUT", "PATCH"].includes(route.method);
  const CLASSES: [string, (route: Route) => Partial<Input> | null][] = [
    ["a broken %-escape in the path", (r) => (r.template.includes("[") ? { brokenPath: "%ff" } : null)],
    ["a broken %-escape in the query", () => ({ query: "limit=1&x=%e2%82" })],
    ["JSON nested 200,000 deep", (r) => (hasBody(r) && r.kind === "rest" ? { body: `{"to": ${"[".repeat(200_000)}${"]".repeat(200_000)}}` } : null)],
    ["a body over every limit", (r) => (hasBody(r) ? { body: OVERSIZED_BODY } : null)],
    ["a body of another Content-Type", (r) => (hasBody(r) ? { contentType: r.kind === "twilio" ? "application/json" : "application/x-www-form-urlencoded" } : null)],
    ["a broken %-escape in a form body", (r) => (hasBody(r) && r.kind === "twilio" ? { body: `${twilioBase(r)}&Body=%ff` } : null)],
    ["an Authorization header of 12,000 characters", () => ({ authorization: `Bearer ${"x".repeat(12_000)}` })],
    ["two Authorization headers", (r) => ({ authorization: r.kind === "twilio" ? `${basic(accountSid, token)}, ${basic(accountSid, token)}` : `Bearer ${token}, Bearer ${token}` })],
    ["an Idempotency-Key of 12,000 characters", (r) => (r.method === "POST" && r.kind === "rest" ? { idempotencyKey: "k".repeat(12_000) } : null)],
  ];
  // The OpenAPI document is public and reads nothing of the request.
  const cases = routes.filter((r) => r.kind !== "public").flatMap((route) => CLASSES.flatMap(([name, make]) => (make(route) ? [[`${route.method} ${route.template}: ${name}`, route, make(route)!] as const] : [])));
  it.each(cases)("%s", async (_name, route, hostile) => {
    const input: Input = {
      params: route.kind === "twilio" ? { accountSid, sid: `${messageSid(known[0]!)}.json` } : { id: known[0]! },
      brokenPath: null,
      query: null,
      body: hasBody(route) ? (route.kind === "twilio" ? twilioBase(route) : "{}") : undefined,
      authorization: route.kind === "twilio" ? basic(accountSid, token) : `Bearer ${token}`,
      idempotencyKey: null,
      contentType: null,
      filler: null,
      ...hostile,
    };
    const status = await expectDocumentedAnswer(route, await serve(route, input));
    expect(status).toBeGreaterThanOrEqual(400);
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
        statuses.push(await expectDocumentedAnswer(route, await serve(route, input)));
      }),
      { seed: SEED, numRuns: RUNS },
    );
    // The inputs got past authentication often enough to reach the handler's own checks.
    expect(statuses.filter((s) => s !== 401 && s !== 403).length, `statuses: ${statuses.join(",")}`).toBeGreaterThan(RUNS / 4);
  });
});
