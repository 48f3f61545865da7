// Media in an S3-compatible bucket: the storage against a local stub that checks every signature
// as S3 does, then the app configured by S3_* uploading and serving through it.
import { afterAll, describe, expect, it } from "vitest";
import { s3MediaStorage } from "@/lib/media/s3-media-storage";
import { mediaBytes } from "@/tests/support/media-fixtures";
import { startS3Stub } from "@/tests/support/s3-stub";
import { databaseUrl, setupTestDatabase, withSchema } from "./helpers/db";
import { appRequest } from "./helpers/session";

const BUCKET = { bucket: "textstack-media", region: "eu-west-1", accessKeyId: "AKIASTUB0000", secretAccessKey: "stub/secret+key" };
const stub = await startS3Stub(BUCKET);
afterAll(() => stub.close());

const { db, schema } = await setupTestDatabase();

// lib/env.ts and lib/db.ts read the environment on first import: configure the bucket and this
// file's schema first, then import what reaches them.
const savedUrl = process.env.DATABASE_URL;
Object.assign(process.env, {
  DATABASE_URL: withSchema(databaseUrl(), schema),
  S3_BUCKET: BUCKET.bucket,
  S3_REGION: BUCKET.region,
  S3_ACCESS_KEY_ID: BUCKET.accessKeyId,
  S3_SECRET_ACCESS_KEY: BUCKET.secretAccessKey,
  S3_ENDPOINT: stub.endpoint,
  S3_FORCE_PATH_STYLE: "true",
});
delete (globalThis as { textstackDb?: unknown }).textstackDb;
afterAll(() => {
  for (const name of ["S3_BUCKET", "S3_REGION", "S3_ACCESS_KEY_ID", "S3_SECRET_ACCESS_KEY", "S3_ENDPOINT", "S3_FORCE_PATH_STYLE"]) delete process.env[name];
  process.env.DATABASE_URL = savedUrl;
  delete (globalThis as { textstackDb?: unknown }).textstackDb;
});
const { GET } = await import("@/app/api/media/[id]/route");
const { signedMediaUrl } = await import("@/lib/media/media-url");
const { uploadMedia } = await import("@/lib/media/upload-media");
const { createOrgWithOwner, orgContextFor } = await import("./helpers/factories");

const storage = s3MediaStorage({ ...BUCKET, endpoint: stub.endpoint, forcePathStyle: true });

describe("S3 media storage", () => {
  it("puts, gets and deletes an object, signing keys that need percent-encoding as they are sent", async () => {
    const key = "org_1/a file (1)!*é.jpg";
    const bytes = mediaBytes("jpeg", 70_000);
    await storage.put(key, bytes, "image/jpeg");
    expect(stub.objects.get(key)).toEqual({ body: Buffer.from(bytes), contentType: "image/jpeg" });
    expect(stub.requests.at(-1)).toEqual({
      method: "PUT",
      rawPath: "/textstack-media/org_1/a%20file%20%281%29%21%2A%C3%A9.jpg",
      signedHeaders: ["content-type", "host", "x-amz-content-sha256", "x-amz-date"],
    });
    expect(await storage.get(key)).toEqual(bytes);
    await storage.delete(key);
    expect(stub.objects.has(key)).toBe(false);
    expect(await storage.get(key)).toBeNull();
    await expect(storage.delete(key)).resolves.toBeUndefined();
  });

  it("fails with S3's own reason when the service refuses the signature", async () => {
    const wrongSecret = s3MediaStorage({ ...BUCKET, secretAccessKey: "not-the-secret", endpoint: stub.endpoint, forcePathStyle: true });
    await expect(wrongSecret.put("org_1/x.png", mediaBytes("png"), "image/png")).rejects.toThrow(
      "S3 PUT org_1/x.png failed with HTTP 403 (SignatureDoesNotMatch: The request signature we calculated does not match the signature you provided)",
    );
    const wrongRegion = s3MediaStorage({ ...BUCKET, region: "us-east-1", endpoint: stub.endpoint, forcePathStyle: true });
    await expect(wrongRegion.get("org_1/x.png")).rejects.toThrow(/HTTP 403 \(AuthorizationHeaderMalformed/);
    expect(stub.objects.has("org_1/x.png")).toBe(false);
  });
});

describe("the app with S3_* configured", () => {
  it("uploads into the bucket and serves the bytes back through a signed URL", async () => {
    const { org, owner } = await createOrgWithOwner(db);
    const ctx = await orgContextFor(db, owner, org.id);
    const bytes = mediaBytes("3gp", 123_456);
    const asset = await uploadMedia(ctx, { name: "clip.3gp", type: "video/3gpp", bytes });
    expect(stub.objects.get(asset.storageKey)).toEqual({ body: Buffer.from(bytes), contentType: "video/3gpp" });

    const url = new URL(signedMediaUrl(asset.id, 300));
    const response = await GET(appRequest(url.pathname + url.search), { params: Promise.resolve({ id: asset.id }) });
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toBe("video/3gpp");
    expect(new Uint8Array(await response.arrayBuffer())).toEqual(bytes);
  });
});
