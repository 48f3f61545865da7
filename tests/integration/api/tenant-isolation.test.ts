// Tenant isolation of the public APIs: org B's API key against org A's ids, through every
// operation of REST v1 (OPERATIONS, the paths of /api/v1/openapi.json) and every Twilio-compatible
// route (found on disk), as tests/integration/tenant-isolation.test.ts does for tRPC. Each case
// expects a 404 (or, for a collection, an answer with nothing of A's in it), and org A's rows stay
// as they were. An operation without a case fails this file, naming it and where to add one.
import { readdirSync } from "node:fs";
import path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { apiRequest, createTestApiKey, routeParams, setupApiDatabase } from "../helpers/api";
import { API_CASES, type ApiCase, type ApiFixture } from "../helpers/api-tenant-cases";

const { db } = await setupApiDatabase();
const { OPERATIONS } = await import("@/lib/api/openapi/operations");
const { API_SCOPES } = await import("@/lib/api-keys/scopes");
const { messageSid } = await import("@/lib/twilio-api/message-sid");
const { seedTwoOrgs, snapshotOrg } = await import("../helpers/tenant-fixture");

const ROOT = path.resolve(import.meta.dirname, "../../..");
const CASES_FILE = "tests/integration/helpers/api-tenant-cases.ts";

type Handler = (request: Request, context: { params: Promise<Record<string, string>> }) => Promise<Response>;
interface Operation {
  /** "METHOD path", the path as OpenAPI spells it: /api/v1/lists/{id}. */
  key: string;
  method: string;
  template: string;
  twilio: boolean;
  handler: Handler | undefined;
}

const routeFile = (template: string) => path.join(ROOT, "app", `${template.replace(/\{(\w+)\}/g, "[$1]")}/route.ts`);

async function restOperations(): Promise<Operation[]> {
  return Promise.all(
    OPERATIONS.map(async (op) => {
      const method = op.method.toUpperCase();
      const mod = (await import(routeFile(op.path))) as Record<string, Handler | undefined>;
      return { key: `${method} ${op.path}`, method, template: op.path, twilio: false, handler: mod[method] };
    }),
  );
}

async function twilioOperations(): Promise<Operation[]> {
  const dir = path.join(ROOT, "app/2010-04-01");
  const files = readdirSync(dir, { recursive: true, encoding: "utf8" }).filter((f) => path.basename(f) === "route.ts");
  const operations: Operation[] = [];
  for (const file of files.sort()) {
    const template = `/2010-04-01/${path.dirname(file).split(path.sep).join("/")}`.replace(/\[(\w+)\]/g, "{$1}");
    const mod = (await import(path.join(dir, file))) as Record<string, Handler | undefined>;
    for (const method of ["GET", "POST", "PUT", "PATCH", "DELETE"]) {
      if (mod[method]) operations.push({ key: `${method} ${template}`, method, template, twilio: true, handler: mod[method] });
    }
  }
  return operations;
}

const operations = [...(await restOperations()), ...(await twilioOperations())];

let f: ApiFixture;
let secrets: string[];
let tokenB: string;

beforeAll(async () => {
  const seeded = await seedTwoOrgs(db);
  const scopes = API_SCOPES.map((s) => s.scope);
  tokenB = (await createTestApiKey(db, seeded.f.orgB, scopes, { name: "Every scope" })).token;
  const tokenA = (await createTestApiKey(db, seeded.f.orgA, scopes, { name: "Every scope" })).token;
  const verify = (await import("@/app/api/v1/verifications/route")).POST;
  const verificationAPhone = "+12127362005";
  const verification = await (await verify(apiRequest("/api/v1/verifications", { token: tokenA, body: { to: verificationAPhone, channel: "sms" } }))).json();
  const [orgA, orgB] = await Promise.all([seeded.f.orgA, seeded.f.orgB].map((id) => db.organization.findUniqueOrThrow({ where: { id } })));
  f = {
    ...seeded.f,
    accountSidA: orgA!.accountSid,
    accountSidB: orgB!.accountSid,
    verificationA: verification.id,
    verificationAPhone,
    messageSegmentA: `${messageSid(seeded.f.messageA)}.json`,
    scheduledSegmentA: `${messageSid(seeded.f.scheduledA)}.json`,
  };
  const sidsA = (await db.message.findMany({ where: { orgId: f.orgA } })).map((m) => messageSid(m.id));
  secrets = [...seeded.secrets, verification.id, f.accountSidA, ...sidsA];
});

function request(op: Operation, c: ApiCase, accountSid: string): { request: Request; params: Record<string, string> } {
  const params: Record<string, string> = op.twilio ? { accountSid, ...c.params } : { ...c.params };
  const pathname = op.template.replace(/\{(\w+)\}/g, (_, name: string) => encodeURIComponent(params[name] ?? `missing-${name}`));
  const url = `${pathname}${c.query ?? ""}`;
  if (c.body instanceof FormData) return { request: new Request(`http://localhost:3000${url}`, { method: op.method, headers: { authorization: `Bearer ${tokenB}` }, body: c.body }), params };
  const headers: Record<string, string> = op.twilio ? { authorization: `Basic ${Buffer.from(`${f.accountSidB}:${tokenB}`).toString("base64")}` } : {};
  if (op.twilio && c.body !== undefined) headers["content-type"] = "application/x-www-form-urlencoded";
  return { request: apiRequest(url, { method: op.method, token: op.twilio ? null : tokenB, body: c.body, headers }), params };
}

async function expectAnswer(op: Operation, c: ApiCase, response: Response, label: string) {
  const text = await response.text();
  expect(response.status, `${label}: ${text.slice(0, 300)}`).toBe(c.status);
  // An id B itself sent may be quoted back ("Media med_... not found"): that tells B nothing.
  for (const secret of secrets.filter((s) => !label.includes(s))) expect(text, `${label} showed org A's ${secret}`).not.toContain(secret);
  // An export answers CSV (scanned above like any answer); everything else answers JSON.
  const body = text && !response.headers.get("content-type")?.startsWith("text/csv") ? (JSON.parse(text) as Record<string, unknown>) : {};
  if (c.code !== undefined) {
    if (op.twilio) expect(body, label).toMatchObject({ code: c.code, status: c.status });
    else expect(body.error, label).toMatchObject({ code: c.code, ...(c.param !== undefined && { param: c.param }) });
  }
  c.check?.(body);
}

describe("the case map", () => {
  it("has a case for every operation of the OpenAPI document and every Twilio-compatible route, and none for operations that are gone", () => {
    expect(operations.filter((op) => !op.twilio).length).toBe(OPERATIONS.length);
    expect(operations.some((op) => op.twilio)).toBe(true);
    const missing = operations.filter((op) => !(op.key in API_CASES)).map((op) => op.key);
    expect(missing, `Operations without a tenant-isolation case: add to API_CASES in ${CASES_FILE} what org B's key must get when it names org A's rows (usually notFound({ id: f.<row of A> }))`).toEqual([]);
    const keys = new Set(operations.map((op) => op.key));
    expect(Object.keys(API_CASES).filter((key) => !keys.has(key)), `Cases in ${CASES_FILE} for operations that no longer exist`).toEqual([]);
    for (const op of operations) expect(op.handler, `${op.key}: no ${op.method} export in ${path.relative(ROOT, routeFile(op.template))}`).toBeTypeOf("function");
  });
});

describe("org B's key with org A's ids", () => {
  it.each(operations.map((op) => [op.key, op] as const))("%s does not reach org A", async (_key, op) => {
    const build = API_CASES[op.key];
    expect(build, `no case for ${op.key} in ${CASES_FILE}`).toBeDefined();
    for (const c of build!(f)) {
      const label = `${op.key} ${JSON.stringify({ params: c.params, query: c.query, body: c.body instanceof FormData ? "(form)" : c.body })}`;
      const before = await snapshotOrg(db, f.orgA);
      const { request: req, params } = request(op, c, f.accountSidB);
      await expectAnswer(op, c, await op.handler!(req, routeParams(params)), label);
      expect(await snapshotOrg(db, f.orgA), `${label} changed org A`).toEqual(before);
    }
  });

  it.each(operations.filter((op) => op.twilio).map((op) => [op.key, op] as const))("%s refuses org A's AccountSid to org B's key (20003)", async (_key, op) => {
    for (const c of API_CASES[op.key]!(f)) {
      const { request: req, params } = request(op, c, f.accountSidA);
      const response = await op.handler!(req, routeParams(params));
      expect(response.status).toBe(401);
      expect(await response.json()).toMatchObject({ code: 20003, status: 401 });
    }
  });
});
