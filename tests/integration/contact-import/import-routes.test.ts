// The upload and report routes as a browser calls them: a signed-in member's raw CSV body streamed
// to the import folder, refusals naming the file, the report as a CSV download, and another org's
// import out of reach.
import { mkdtemp, readdir, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { routeParams } from "../helpers/api";
import { databaseUrl, setupTestDatabase, withSchema } from "../helpers/db";
import type { TestUser } from "../helpers/factories";
import { appRequest, sessionCookie } from "../helpers/session";

const { db, schema } = await setupTestDatabase();
const importDir = await mkdtemp(path.join(tmpdir(), "textstack-import-routes-"));
// The routes use the app's one client (lib/db.ts) and lib/env.ts, both read from the environment on
// first import: point them at this file's schema and folder, then import what reaches them.
const saved = { url: process.env.DATABASE_URL, dir: process.env.IMPORT_DIR };
process.env.DATABASE_URL = withSchema(databaseUrl(), schema);
process.env.IMPORT_DIR = importDir;
delete (globalThis as { textstackDb?: unknown }).textstackDb;
afterAll(async () => {
  Object.assign(process.env, { DATABASE_URL: saved.url, IMPORT_DIR: saved.dir });
  if (saved.dir === undefined) delete process.env.IMPORT_DIR;
  delete (globalThis as { textstackDb?: unknown }).textstackDb;
  await rm(importDir, { recursive: true, force: true });
});
const upload = await import("@/app/api/contacts/imports/route");
const report = await import("@/app/api/contacts/imports/[id]/report/route");
const { createOrgWithOwner, orgContextFor } = await import("../helpers/factories");
const { getImport } = await import("@/lib/contacts/import/get-import");
const { requestImportStaging } = await import("@/lib/contacts/import/request-import-staging");
const { prepareImport } = await import("@/lib/contacts/import/prepare-import");

let owner: TestUser;
let orgId: string;
let outsider: TestUser;
beforeAll(async () => {
  const a = await createOrgWithOwner(db);
  owner = a.owner;
  orgId = a.org.id;
  outsider = (await createOrgWithOwner(db)).owner;
});

// auth()'s wrapper types the handler's answer as optional (middleware may pass a request on); ours always answers.
async function post(user: TestUser | null, body: string | Uint8Array, name = "list.csv") {
  const request = appRequest(`/api/contacts/imports?name=${encodeURIComponent(name)}`, {
    method: "POST",
    body: new Blob([body as BlobPart]).stream(),
    cookies: user ? [await sessionCookie(user)] : [],
    headers: { "content-type": "text/csv" },
  });
  return (await upload.POST(request, routeParams({})))!;
}

async function download(user: TestUser, id: string) {
  return (await report.GET(appRequest(`/api/contacts/imports/${id}/report`, { cookies: [await sessionCookie(user)] }), routeParams({ id })))!;
}

describe("the import routes", () => {
  it("stores an upload for the member's org, then serves the report of its bad rows", async () => {
    const response = await post(owner, "Phone;Name\n+12127362000;Ann\nnope;Bad\n", "../../etc/passwd list.csv");
    expect(response.status).toBe(201);
    const { id } = await response.json();
    expect(id).toMatch(/^imp_/);
    const stored = await db.contactImport.findUniqueOrThrow({ where: { id } });
    expect(stored).toMatchObject({ orgId, fileName: "passwd list.csv", delimiter: ";", headers: ["Phone", "Name"], sample: [["+12127362000", "Ann"], ["nope", "Bad"]], status: "UPLOADED" });
    expect(await readdir(path.join(importDir, orgId))).toEqual([`${id}.csv`]);

    const ctx = await orgContextFor(db, owner, orgId);
    await requestImportStaging(ctx, { id, columns: (await getImport(ctx, id)).columns });
    await prepareImport(ctx, id);
    const res = await download(owner, id);
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toBe("text/csv; charset=utf-8");
    expect(res.headers.get("content-disposition")).toBe("attachment; filename*=UTF-8''passwd%20list-not-imported.csv");
    expect(await res.text()).toBe("line,column,reason,message,value\n3,Phone,invalid_phone,Not a valid phone number,nope\n");

    // Another org's member: the import does not exist for them.
    const foreign = await download(outsider, id);
    expect(foreign.status).toBe(404);
  });

  it("refuses no session, an empty file, and one that is not UTF-8", async () => {
    expect((await post(null, "phone\n+12127362000\n")).status).toBe(401);
    const empty = await post(owner, "");
    expect(empty.status).toBe(400);
    expect((await empty.json()).error).toMatchObject({ field: "file", message: "The file is empty" });
    // "René" saved as Latin-1: é is the single byte 0xe9.
    const latin1 = await post(owner, new Uint8Array([...Buffer.from("phone,name\n+12127362000,Ren"), 0xe9, 0x0a]));
    expect(latin1.status).toBe(400);
    expect((await latin1.json()).error.message).toMatch(/not UTF-8/);
    // Refused uploads leave no file behind.
    expect((await readdir(path.join(importDir, orgId))).length).toBe(1);
  });
});
