// POST /api/v1/media, called as a client calls it: a multipart upload with an API key, its signed URL,
// its id sent as media_ids, the refusals (all naming `file`), idempotency over the file rather than
// the multipart framing, scopes and tenant isolation. Files go to a media folder of this file's own.
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { mediaBytes } from "@/tests/support/media-fixtures";
import { apiRequest, call, createTestApiKey, routeParams, setupApiDatabase } from "../helpers/api";

const { db } = await setupApiDatabase();
const mediaDir = await mkdtemp(path.join(tmpdir(), "textstack-api-media-"));
const savedDir = process.env.MEDIA_DIR;
process.env.MEDIA_DIR = mediaDir; // lib/env.ts reads it on first use, after this
afterAll(async () => {
  if (savedDir === undefined) delete process.env.MEDIA_DIR;
  else process.env.MEDIA_DIR = savedDir;
  await rm(mediaDir, { recursive: true, force: true });
});
const media = await import("@/app/api/v1/media/route");
const messages = await import("@/app/api/v1/messages/route");
const served = await import("@/app/api/media/[id]/route");
const { MAX_MEDIA_FILE_BYTES } = await import("@/lib/media/media-types");
const { createOrgWithOwner } = await import("../helpers/factories");

let orgA: string;
let senderA: string;
let contactsOnlyA: string;
let senderB: string;

beforeAll(async () => {
  const a = await createOrgWithOwner(db, { defaultCountry: "US" });
  orgA = a.org.id;
  senderA = (await createTestApiKey(db, orgA, ["messages:send"])).token;
  contactsOnlyA = (await createTestApiKey(db, orgA, ["contacts:write"])).token;
  await db.senderNumber.updateMany({ where: { orgId: orgA }, data: { mmsEnabled: true } });
  const b = await createOrgWithOwner(db, { defaultCountry: "US" });
  senderB = (await createTestApiKey(db, b.org.id, ["messages:send"])).token;
});

type Part = { name: string; value: string | File };
const file = (name: string, bytes: Uint8Array, type = "") => ({ name: "file", value: new File([bytes as BlobPart], name, { type }) });

function uploadRequest(parts: Part[], token: string | null = senderA, headers: Record<string, string> = {}) {
  const form = new FormData();
  for (const part of parts) form.append(part.name, part.value);
  const all = new Headers(headers);
  if (token) all.set("authorization", `Bearer ${token}`);
  return new Request("http://localhost:3000/api/v1/media", { method: "POST", headers: all, body: form });
}
const upload = (parts: Part[], token: string | null = senderA, headers: Record<string, string> = {}) => call(media.POST(uploadRequest(parts, token, headers)));
const errorOf = (res: Awaited<ReturnType<typeof call>>) => ({ status: res.status, code: res.body.error?.code, param: res.body.error?.param });

describe("POST /api/v1/media", () => {
  it("stores the file and answers 201 with its id, type from the bytes, size, name and a signed URL that serves it", async () => {
    const bytes = mediaBytes("png", 4_000);
    const res = await upload([file("menu.png", bytes)]);
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({ object: "media", content_type: "image/png", size: 4_000, file_name: "menu.png" });
    expect(res.body.id).toMatch(/^med_/);
    expect(new Date(res.body.url_expires_at).getTime()).toBeGreaterThan(Date.now() + 23 * 3_600_000);
    expect(await db.mediaAsset.findUniqueOrThrow({ where: { id: res.body.id } })).toMatchObject({ orgId: orgA, size: 4_000 });

    const url = new URL(res.body.url);
    expect(url.pathname).toBe(`/api/media/${res.body.id}`);
    const fetched = await served.GET(new Request(res.body.url), routeParams({ id: res.body.id }));
    expect(fetched.status).toBe(200);
    expect(new Uint8Array(await fetched.arrayBuffer())).toEqual(bytes);
  });

  it("gives an id that POST /api/v1/messages takes in media_ids", async () => {
    const uploaded = await upload([file("photo.jpg", mediaBytes("jpeg", 2_000), "image/jpeg")]);
    const sent = await call(messages.POST(apiRequest("/api/v1/messages", { token: senderA, body: { to: "+14155555001", body: "Our menu", media_ids: [uploaded.body.id] } })));
    expect(sent.status).toBe(201);
    expect(sent.body.media_ids).toEqual([uploaded.body.id]);
  });

  it("refuses, naming `file`: no multipart, no file, an unsupported or mislabelled file, an empty one, one too large", async () => {
    const json = await call(media.POST(apiRequest("/api/v1/media", { token: senderA, body: { file: "menu.png" } })));
    expect(errorOf(json)).toEqual({ status: 400, code: "invalid_parameter", param: "file" });
    const cases: [Part[], string][] = [
      [[], "invalid_parameter"],
      [[{ name: "file", value: "just text" }], "invalid_parameter"],
      [[file("doc.pdf", mediaBytes("pdf"))], "invalid_parameter"],
      [[file("cat.gif", mediaBytes("jpeg"), "image/gif")], "invalid_parameter"],
      [[file("empty.png", new Uint8Array(0))], "invalid_parameter"],
      [[file("huge.png", mediaBytes("png", MAX_MEDIA_FILE_BYTES + 1))], "media_too_large"],
      [[file("enormous.png", mediaBytes("png", MAX_MEDIA_FILE_BYTES + 200_000))], "media_too_large"],
      [[file("a.png", mediaBytes("png")), file("b.png", mediaBytes("png"))], "invalid_parameter"],
    ];
    for (const [parts, code] of cases) {
      const res = await upload(parts);
      expect(errorOf(res), parts.map((p) => (p.value instanceof File ? p.value.name : p.value)).join()).toEqual({ status: 400, code, param: "file" });
    }
    expect(await db.mediaAsset.count({ where: { orgId: orgA, fileName: { in: ["doc.pdf", "cat.gif", "empty.png", "huge.png", "enormous.png"] } } })).toBe(0);
  });

  it("refuses form fields other than file, as unknown parameters", async () => {
    const res = await upload([file("menu.png", mediaBytes("png")), { name: "caption", value: "Menu" }]);
    expect(errorOf(res)).toEqual({ status: 400, code: "unknown_parameter", param: "caption" });
  });

  it("replays a retry with the same Idempotency-Key and file under a new multipart boundary; another file is 422", async () => {
    const bytes = mediaBytes("gif", 1_500);
    const headers = { "idempotency-key": "upload-42" };
    const first = await upload([file("logo.gif", bytes)], senderA, headers);
    const again = await upload([file("logo.gif", bytes)], senderA, headers);
    expect(first.status).toBe(201);
    expect(again).toMatchObject({ status: 201, body: { id: first.body.id } });
    expect(again.headers.get("idempotent-replayed")).toBe("true");
    expect(await db.mediaAsset.count({ where: { orgId: orgA, fileName: "logo.gif" } })).toBe(1);
    const other = await upload([file("logo.gif", mediaBytes("gif", 1_501))], senderA, headers);
    expect(errorOf(other)).toEqual({ status: 422, code: "idempotency_key_reused", param: "Idempotency-Key" });
  });

  it("answers 401 without a key and 403 naming messages:send, reading no file", async () => {
    expect(errorOf(await upload([file("menu.png", mediaBytes("png"))], null))).toEqual({ status: 401, code: "missing_api_key", param: null });
    const refused = await upload([file("scoped.png", mediaBytes("png"))], contactsOnlyA);
    expect(errorOf(refused)).toEqual({ status: 403, code: "insufficient_scope", param: null });
    expect(refused.body.error.message).toContain("messages:send");
    expect(await db.mediaAsset.count({ where: { fileName: "scoped.png" } })).toBe(0);
  });

  it("keeps one org's media from another's messages", async () => {
    const mine = await upload([file("mine.png", mediaBytes("png"))]);
    const theirs = await call(messages.POST(apiRequest("/api/v1/messages", { token: senderB, body: { to: "+14155555002", body: "Hi", media_ids: [mine.body.id] } })));
    expect(errorOf(theirs)).toEqual({ status: 400, code: "media_not_found", param: "media_ids" });
  });
});
