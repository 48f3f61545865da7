// Media end to end against a real database and a media folder of this file's own: uploads, the
// org scoping of mediaForSend and mediaItems, and both routes called as Next.js calls them.
import { createHash } from "node:crypto";
import { mkdtemp, readdir, readFile, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { OrgContext } from "@/lib/org-context";
import { mediaBytes } from "@/tests/support/media-fixtures";
import { databaseUrl, setupTestDatabase, withSchema } from "./helpers/db";
import { expectDomainError } from "./helpers/expect-error";
import type { TestUser } from "./helpers/factories";
import { appRequest, sessionCookie } from "./helpers/session";

const { db, schema } = await setupTestDatabase();
const mediaDir = await mkdtemp(path.join(tmpdir(), "textstack-media-"));

// The routes use the app's one client (lib/db.ts) and lib/env.ts, both read from the environment on
// first import: point them at this file's schema and folder, then import what reaches them.
const saved = { url: process.env.DATABASE_URL, dir: process.env.MEDIA_DIR };
process.env.DATABASE_URL = withSchema(databaseUrl(), schema);
process.env.MEDIA_DIR = mediaDir;
delete (globalThis as { textstackDb?: unknown }).textstackDb;
afterAll(async () => {
  Object.assign(process.env, { DATABASE_URL: saved.url, MEDIA_DIR: saved.dir });
  if (saved.dir === undefined) delete process.env.MEDIA_DIR;
  delete (globalThis as { textstackDb?: unknown }).textstackDb;
  await rm(mediaDir, { recursive: true, force: true });
});
const { GET } = await import("@/app/api/media/[id]/route");
const { POST } = await import("@/app/api/media/route");
const { systemSql } = await import("@/lib/db/sql");
const { mediaForSend } = await import("@/lib/media/media-for-send");
const { mediaItems } = await import("@/lib/media/media-items");
const { signedMediaUrl } = await import("@/lib/media/media-url");
const { uploadMedia } = await import("@/lib/media/upload-media");
const { addMember, createOrgWithOwner, orgContextFor } = await import("./helpers/factories");

let owner: TestUser;
let ctx: OrgContext;
let other: OrgContext;

beforeAll(async () => {
  const created = await createOrgWithOwner(db);
  owner = created.owner;
  ctx = await orgContextFor(db, owner, created.org.id);
  const second = await createOrgWithOwner(db);
  other = await orgContextFor(db, second.owner, second.org.id);
});

const sha256 = (bytes: Uint8Array) => createHash("sha256").update(bytes).digest("hex");
const storedFiles = async (orgId: string) => readdir(path.join(mediaDir, orgId)).catch(() => [] as string[]);
const routeParams = (id: string) => ({ params: Promise.resolve({ id }) });

describe("uploadMedia", () => {
  it("stores the bytes under the org's folder and records the asset with its SHA-256 and an audit entry", async () => {
    const bytes = mediaBytes("png", 20_000);
    const asset = await uploadMedia(ctx, { name: "menu.png", type: "image/png", bytes });
    expect(asset).toMatchObject({ orgId: ctx.orgId, contentType: "image/png", size: 20_000, fileName: "menu.png", sha256: sha256(bytes) });
    expect(asset.id).toMatch(/^med_[0-9a-z]{24}$/);
    expect(asset.storageKey).toBe(`${ctx.orgId}/${asset.id}.png`);
    expect(new Uint8Array(await readFile(path.join(mediaDir, asset.storageKey)))).toEqual(bytes);
    const audit = await db.auditLog.findMany({ where: { orgId: ctx.orgId, targetId: asset.id } });
    expect(audit).toMatchObject([{ action: "media.uploaded", actorId: owner.id, changes: { fileName: "menu.png", contentType: "image/png", size: 20_000 } }]);
  });

  it("stores the type the bytes say when the browser claims none, and keeps only the file name", async () => {
    const asset = await uploadMedia(ctx, { name: "C:\\Users\\ann\\voice note.amr", type: "", bytes: mediaBytes("amr") });
    expect(asset).toMatchObject({ contentType: "audio/amr", fileName: "voice note.amr" });
    expect(asset.storageKey).toMatch(/\.amr$/);
  });

  it("refuses a file that is not what it claims, storing nothing", async () => {
    const before = await storedFiles(other.orgId);
    const error = await expectDomainError(uploadMedia(other, { name: "cat.gif", type: "image/gif", bytes: mediaBytes("jpeg") }), "BAD_REQUEST", "file");
    expect(error.message).toBe('"cat.gif" is a JPEG image, but was sent as a GIF image');
    expect(await storedFiles(other.orgId)).toEqual(before);
    expect(await db.mediaAsset.count({ where: { orgId: other.orgId } })).toBe(0);
  });
});

describe("mediaForSend", () => {
  it("answers the org's media in the order asked, with signed URLs the media route serves", async () => {
    const jpeg = mediaBytes("jpeg", 3_000);
    const first = await uploadMedia(ctx, { name: "a.mp4", type: "video/mp4", bytes: mediaBytes("mp4", 2_000) });
    const second = await uploadMedia(ctx, { name: "b.jpg", type: "image/jpeg", bytes: jpeg });
    const media = await mediaForSend(systemSql(db), ctx.orgId, [second.id, first.id]);
    expect(media.map(({ contentType, size }) => ({ contentType, size }))).toEqual([
      { contentType: "image/jpeg", size: 3_000 },
      { contentType: "video/mp4", size: 2_000 },
    ]);
    expect(media[0]!.url).toMatch(new RegExp(`^http://localhost:3000/api/media/${second.id}\\?expires=\\d+&sig=`));

    const response = await GET(appRequest(new URL(media[0]!.url).pathname + new URL(media[0]!.url).search), routeParams(second.id));
    expect(response.status).toBe(200);
    expect(new Uint8Array(await response.arrayBuffer())).toEqual(jpeg);
  });

  it("refuses another org's media as not found: the org it is asked for scopes it", async () => {
    const theirs = await uploadMedia(other, { name: "theirs.jpg", type: "image/jpeg", bytes: mediaBytes("jpeg") });
    const mine = await uploadMedia(ctx, { name: "mine.jpg", type: "image/jpeg", bytes: mediaBytes("jpeg") });
    const error = await expectDomainError(mediaForSend(systemSql(db), ctx.orgId, [mine.id, theirs.id]), "BAD_REQUEST", "mediaIds");
    expect(error.message).toBe(`Media ${theirs.id} not found`);
    const crossed = await expectDomainError(mediaForSend(systemSql(db), other.orgId, [mine.id, theirs.id]), "BAD_REQUEST", "mediaIds");
    expect(crossed.message).toBe(`Media ${mine.id} not found`);
    await expectDomainError(mediaForSend(systemSql(db), ctx.orgId, ["med_00000000000000000000000000"]), "BAD_REQUEST", "mediaIds");
    expect(await mediaForSend(systemSql(db), other.orgId, [theirs.id])).toHaveLength(1);
  });

  it("refuses media over 5 MB in all for one message", async () => {
    const big = await uploadMedia(ctx, { name: "big.jpg", type: "image/jpeg", bytes: mediaBytes("jpeg", 3_000_000) });
    const bigger = await uploadMedia(ctx, { name: "bigger.png", type: "image/png", bytes: mediaBytes("png", 2_500_000) });
    const error = await expectDomainError(mediaForSend(systemSql(db), ctx.orgId, [big.id, bigger.id]), "BAD_REQUEST", "mediaIds");
    expect(error.message).toBe("A message's media can be at most 5 MB in all (these files are 5.5 MB)");
    expect(await mediaForSend(systemSql(db), ctx.orgId, [])).toEqual([]);
  });
});

describe("mediaItems", () => {
  it("reads saved attachments back for a picker in the order asked, each once, leaving out another org's", async () => {
    const first = await uploadMedia(ctx, { name: "menu.png", type: "image/png", bytes: mediaBytes("png") });
    const second = await uploadMedia(ctx, { name: "clip.mp4", type: "video/mp4", bytes: mediaBytes("mp4", 2_000) });
    const theirs = await uploadMedia(other, { name: "theirs.jpg", type: "image/jpeg", bytes: mediaBytes("jpeg") });
    const items = await mediaItems(ctx, [second.id, theirs.id, first.id, second.id]);
    expect(items.map(({ id, fileName, contentType, size }) => ({ id, fileName, contentType, size }))).toEqual([
      { id: second.id, fileName: "clip.mp4", contentType: "video/mp4", size: 2_000 },
      { id: first.id, fileName: "menu.png", contentType: "image/png", size: first.size },
    ]);
    const thumbnail = await GET(appRequest(new URL(items[1]!.url).pathname + new URL(items[1]!.url).search), routeParams(first.id));
    expect(thumbnail.status).toBe(200);
    expect(await mediaItems(ctx, [])).toEqual([]);
  });
});

// auth()'s wrapper types the handler's answer as optional (middleware may pass a request on); ours always answers.
async function post(request: ReturnType<typeof appRequest>): Promise<Response> {
  const response = await POST(request, routeParams(""));
  if (!response) throw new Error("POST /api/media answered nothing");
  return response;
}

function uploadRequest(file: { name: string; type: string; bytes: Uint8Array } | null, options: { cookies?: string[]; org?: string } = {}) {
  const form = new FormData();
  if (file) form.set("file", new File([file.bytes as BlobPart], file.name, { type: file.type }));
  else form.set("note", "no file here");
  return appRequest("/api/media", {
    method: "POST",
    body: form,
    cookies: options.cookies,
    headers: options.org ? { "x-textstack-org": options.org } : {},
  });
}

describe("POST /api/media", () => {
  const gif = { name: "hello.gif", type: "image/gif", bytes: mediaBytes("gif", 4_096) };

  it("stores an upload for the signed-in member's active org and answers the asset with a signed URL", async () => {
    const response = await post(uploadRequest(gif, { cookies: [await sessionCookie(owner)], org: ctx.orgId }));
    expect(response.status).toBe(201);
    const body = await response.json();
    expect(body).toEqual({ id: expect.stringMatching(/^med_/), url: expect.stringContaining(`/api/media/${body.id}?expires=`), contentType: "image/gif", size: 4_096, fileName: "hello.gif" });
    expect(await db.mediaAsset.findUnique({ where: { id: body.id } })).toMatchObject({ orgId: ctx.orgId, sha256: sha256(gif.bytes) });

    const served = await GET(appRequest(new URL(body.url).pathname + new URL(body.url).search), routeParams(body.id));
    expect(served.status).toBe(200);
    expect(served.headers.get("content-type")).toBe("image/gif");
    expect(served.headers.get("content-length")).toBe("4096");
    expect(served.headers.get("cache-control")).toMatch(/^private, max-age=(86400|86399), immutable$/);
    expect(new Uint8Array(await served.arrayBuffer())).toEqual(gif.bytes);
  });

  it("uses the org switcher's cookie when no header names the org", async () => {
    const member = await addMember(db, other.orgId, "MEMBER");
    const response = await post(uploadRequest(gif, { cookies: [await sessionCookie(member.user), `ts_org=${other.orgId}`] }));
    expect(response.status).toBe(201);
    expect(await db.mediaAsset.findUnique({ where: { id: (await response.json()).id } })).toMatchObject({ orgId: other.orgId });
  });

  it("answers 401 without a session and 403 for an org the user is not a member of", async () => {
    const anonymous = await post(uploadRequest(gif, { org: ctx.orgId }));
    expect(anonymous.status).toBe(401);
    expect(await anonymous.json()).toEqual({ error: { code: "unauthorized", message: "Sign in to upload media", field: null } });

    const outsider = await post(uploadRequest(gif, { cookies: [await sessionCookie(owner)], org: other.orgId }));
    expect(outsider.status).toBe(403);
    expect(await outsider.json()).toEqual({ error: { code: "forbidden", message: "You are not a member of this organisation", field: null } });
  });

  it("answers 400 naming the file for a type mismatch, and for a form without a file", async () => {
    const cookies = [await sessionCookie(owner)];
    const mismatch = await post(uploadRequest({ name: "song.mp3", type: "audio/mpeg", bytes: mediaBytes("ogg") }, { cookies, org: ctx.orgId }));
    expect(mismatch.status).toBe(400);
    expect(await mismatch.json()).toEqual({
      error: { code: "bad_request", message: '"song.mp3" is an Ogg audio file, but was sent as an MP3 audio file', field: "file" },
    });
    const empty = await post(uploadRequest(null, { cookies, org: ctx.orgId }));
    expect(empty.status).toBe(400);
    expect((await empty.json()).error).toMatchObject({ message: 'Attach a file in the form field "file"', field: "file" });
  });

  it("answers 413 naming the file when it is over 5 MB, however large the body", async () => {
    const cookies = [await sessionCookie(owner)];
    for (const size of [5_000_001, 12_000_000]) {
      const response = await post(uploadRequest({ name: "huge.jpg", type: "image/jpeg", bytes: mediaBytes("jpeg", size) }, { cookies, org: ctx.orgId }));
      expect(response.status).toBe(413);
      expect((await response.json()).error).toMatchObject({ code: "payload_too_large", message: expect.stringMatching(/^"huge\.jpg" is /), field: "file" });
    }
  });
});

describe("GET /api/media/[id]", () => {
  async function stored() {
    return uploadMedia(ctx, { name: "pic.webp", type: "image/webp", bytes: mediaBytes("webp") });
  }
  const get = (url: string, id: string) => GET(appRequest(new URL(url).pathname + new URL(url).search), routeParams(id));

  it("answers 403 for an expired link", async () => {
    const asset = await stored();
    const response = await get(signedMediaUrl(asset.id, 60, Date.now() - 61_000), asset.id);
    expect(response.status).toBe(403);
    expect((await response.json()).error.message).toBe("This media link has expired");
  });

  it("answers 403 for a tampered link: another id, a later expiry, no signature", async () => {
    const [asset, another] = [await stored(), await stored()];
    const url = new URL(signedMediaUrl(asset.id, 60));
    expect((await get(url.href.replace(asset.id, another.id), another.id)).status).toBe(403);
    const later = new URL(url);
    later.searchParams.set("expires", String(Number(url.searchParams.get("expires")) + 3600));
    expect((await get(later.href, asset.id)).status).toBe(403);
    const unsigned = new URL(url);
    unsigned.searchParams.delete("sig");
    expect((await get(unsigned.href, asset.id)).status).toBe(403);
    expect((await get(url.href, asset.id)).status).toBe(200);
  });

  it("answers 404 for a validly signed id that does not exist", async () => {
    const id = "med_00000000000000000000000000";
    const response = await get(signedMediaUrl(id, 60), id);
    expect(response.status).toBe(404);
    expect((await response.json()).error).toMatchObject({ code: "not_found" });
  });
});
