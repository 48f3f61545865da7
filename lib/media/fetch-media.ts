// Media given by URL (the API's media_urls, a carrier's inbound MMS): fetched through the SSRF
// guard (lib/net/outbound-url.ts: public addresses only, checked again on the address connected to),
// at most MAX_MEDIA_FILE_BYTES read, then stored like an upload (type from the bytes, limits, audit).
import http from "node:http";
import https from "node:https";
import path from "node:path";
import { DomainError } from "@/lib/errors";
import { MAX_MEDIA_FILE_BYTES, formatBytes } from "@/lib/media/media-types";
import { uploadMedia } from "@/lib/media/upload-media";
import { assertPublicHost, checkOutboundUrl, guardedLookup } from "@/lib/net/outbound-url";
import type { OrgContext } from "@/lib/org-context";

const TIMEOUT_MS = 15_000;
const MAX_REDIRECTS = 3;

export interface FetchMediaOptions {
  /** The input field named in errors (media_urls.0, MediaUrl...). */
  field: string;
  /** HTTP Basic credentials, for carriers that protect their media (Twilio with media auth on). */
  auth?: { user: string; password: string };
}

interface Fetched {
  bytes: Uint8Array;
  contentType: string;
  url: URL;
}

function get(url: URL, options: FetchMediaOptions, redirects = 0): Promise<Fetched> {
  const fail = (message: string) => new DomainError("BAD_REQUEST", `${url.href}: ${message}`, options.field, "media_fetch_failed");
  return new Promise((resolve, reject) => {
    try {
      assertPublicHost(url);
    } catch (error) {
      return reject(fail((error as Error).message));
    }
    const client = url.protocol === "https:" ? https : http;
    const request = client.get(
      url,
      {
        lookup: guardedLookup(),
        timeout: TIMEOUT_MS,
        headers: { Accept: "image/*, video/*, audio/*", "User-Agent": "Textstack media fetcher" },
        ...(options.auth && { auth: `${options.auth.user}:${options.auth.password}` }),
      },
      (response) => {
        const status = response.statusCode ?? 0;
        if (status >= 300 && status < 400 && response.headers.location) {
          response.resume();
          if (redirects >= MAX_REDIRECTS) return reject(fail("too many redirects"));
          const next = new URL(response.headers.location, url);
          // The credentials are for the first host only.
          const nextOptions = next.host === url.host ? options : { ...options, auth: undefined };
          return checkOutboundUrl(next.href, { field: options.field }).then((checked) => get(checked, nextOptions, redirects + 1)).then(resolve, reject);
        }
        if (status < 200 || status >= 300) {
          response.resume();
          return reject(fail(`the server answered ${status}`));
        }
        const chunks: Buffer[] = [];
        let size = 0;
        response.on("data", (chunk: Buffer) => {
          size += chunk.length;
          if (size > MAX_MEDIA_FILE_BYTES) {
            request.destroy();
            reject(new DomainError("BAD_REQUEST", `${url.href} is larger than ${formatBytes(MAX_MEDIA_FILE_BYTES)}`, options.field, "media_too_large"));
          } else chunks.push(chunk);
        });
        response.on("end", () => resolve({ bytes: new Uint8Array(Buffer.concat(chunks)), contentType: String(response.headers["content-type"] ?? ""), url }));
        response.on("error", (error) => reject(fail(error.message)));
      },
    );
    request.on("timeout", () => request.destroy(new Error(`no answer within ${TIMEOUT_MS / 1000} s`)));
    request.on("error", (error) => reject(fail(error.message)));
  });
}

/** Fetches the URL and stores it as the org's media; the asset's id goes into a send's mediaIds. */
export async function fetchMedia(ctx: OrgContext, raw: string, options: FetchMediaOptions) {
  const url = await checkOutboundUrl(raw, { field: options.field });
  const fetched = await get(url, options);
  const name = decodeURIComponent(path.posix.basename(fetched.url.pathname)) || "media";
  return uploadMedia(ctx, { name, type: fetched.contentType.split(";")[0]!.trim(), bytes: fetched.bytes }, options.field);
}
