import http from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { fetchMedia } from "@/lib/media/fetch-media";
import type { OrgContext } from "@/lib/org-context";
import { setupTestDatabase } from "./helpers/db";
import { createOrgWithOwner, orgContextFor } from "./helpers/factories";

const { db } = await setupTestDatabase();
// The smallest valid PNG: a 1x1 transparent pixel.
const PNG = Buffer.from("iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAQAAAC1HAwCAAAAC0lEQVR42mNkYAAAAAYAAjCB0C8AAAAASUVORK5CYII=", "base64");

let ctx: OrgContext;
let base: string;
const server = http.createServer((req, res) => {
  if (req.url === "/pixel.png") return res.writeHead(200, { "Content-Type": "image/png" }).end(PNG);
  if (req.url === "/moved") return res.writeHead(302, { Location: "/pixel.png" }).end();
  if (req.url === "/private.png") {
    if (req.headers.authorization !== `Basic ${Buffer.from("AC1:token").toString("base64")}`) return res.writeHead(401).end();
    return res.writeHead(200, { "Content-Type": "image/png" }).end(PNG);
  }
  if (req.url === "/page.png") return res.writeHead(200, { "Content-Type": "image/png" }).end("<html>not a picture</html>");
  if (req.url === "/huge.png") {
    res.writeHead(200, { "Content-Type": "image/png" });
    res.write(PNG);
    return res.end(Buffer.alloc(6_000_000));
  }
  res.writeHead(404).end();
});

beforeAll(async () => {
  const { org, owner } = await createOrgWithOwner(db);
  ctx = await orgContextFor(db, owner, org.id);
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => new Promise((resolve) => server.close(resolve)));

describe("fetchMedia", () => {
  it("stores a fetched picture as the org's media, following a redirect, with basic auth when given", async () => {
    const asset = await fetchMedia(ctx, `${base}/moved`, { field: "media_urls.0" });
    expect(asset).toMatchObject({ orgId: ctx.orgId, contentType: "image/png", size: PNG.length, fileName: "pixel.png" });
    const authed = await fetchMedia(ctx, `${base}/private.png`, { field: "MediaUrl", auth: { user: "AC1", password: "token" } });
    expect(authed.size).toBe(PNG.length);
  });

  it("refuses what is not media, too large, or not there, naming the field and writing nothing", async () => {
    const before = await db.mediaAsset.count();
    await expect(fetchMedia(ctx, `${base}/page.png`, { field: "media_urls.1" })).rejects.toMatchObject({ field: "media_urls.1" });
    await expect(fetchMedia(ctx, `${base}/huge.png`, { field: "media_urls.0" })).rejects.toMatchObject({ reason: "media_too_large" });
    await expect(fetchMedia(ctx, `${base}/missing.png`, { field: "media_urls.0" })).rejects.toMatchObject({ reason: "media_fetch_failed", message: expect.stringContaining("404") });
    await expect(fetchMedia(ctx, "ftp://example.com/a.png", { field: "media_urls.0" })).rejects.toMatchObject({ reason: "invalid_url" });
    expect(await db.mediaAsset.count()).toBe(before);
  });
});
