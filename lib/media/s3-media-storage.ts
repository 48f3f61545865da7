// Media in an S3-compatible bucket (AWS S3, Cloudflare R2, MinIO, Backblaze B2, ...), over plain
// fetch with our own SigV4 (lib/media/sigv4.ts). Objects stay private: carriers fetch media through
// the app's signed URLs (lib/media/media-url.ts), never from the bucket.
import type { MediaStorage } from "@/lib/media/media-storage";
import { sha256Hex, signRequest, uriEncode, type SigV4Credentials } from "@/lib/media/sigv4";

export interface S3Config {
  bucket: string;
  region: string;
  accessKeyId: string;
  secretAccessKey: string;
  /** The service's URL; AWS's regional endpoint when unset. */
  endpoint?: string;
  /** ENDPOINT/BUCKET/key instead of BUCKET.ENDPOINT/key (MinIO, most self-hosted services). */
  forcePathStyle: boolean;
}

const EMPTY_SHA256 = sha256Hex("");

/** Where an object lives: BUCKET.ENDPOINT/key, or ENDPOINT/BUCKET/key with forcePathStyle. */
export function s3ObjectUrl(config: S3Config, key: string): URL {
  const endpoint = new URL(config.endpoint ?? `https://s3.${config.region}.amazonaws.com`);
  const base = endpoint.pathname.replace(/\/$/, "");
  const path = key.split("/").map(uriEncode).join("/");
  if (config.forcePathStyle) return new URL(`${endpoint.protocol}//${endpoint.host}${base}/${config.bucket}/${path}`);
  return new URL(`${endpoint.protocol}//${config.bucket}.${endpoint.host}${base}/${path}`);
}

export function s3MediaStorage(config: S3Config): MediaStorage {
  const credentials: SigV4Credentials = { ...config, service: "s3" };

  async function send(method: string, key: string, body?: Uint8Array, headers?: Record<string, string>) {
    const url = s3ObjectUrl(config, key);
    const signed = signRequest({ method, url, headers, payloadHash: body ? sha256Hex(body) : EMPTY_SHA256 }, credentials);
    return fetch(url, { method, headers: signed, body: body as BodyInit | undefined });
  }

  return {
    async put(key, bytes, contentType) {
      const response = await send("PUT", key, bytes, { "content-type": contentType });
      if (!response.ok) throw await s3Error("PUT", key, response);
    },
    async get(key) {
      const response = await send("GET", key);
      if (response.status === 404) return null;
      if (!response.ok) throw await s3Error("GET", key, response);
      return new Uint8Array(await response.arrayBuffer());
    },
    async delete(key) {
      const response = await send("DELETE", key);
      if (!response.ok && response.status !== 404) throw await s3Error("DELETE", key, response);
    },
  };
}

// S3 explains a refusal in an XML body (<Code>SignatureDoesNotMatch</Code><Message>...</Message>).
async function s3Error(method: string, key: string, response: Response): Promise<Error> {
  const body = await response.text().catch(() => "");
  const code = /<Code>([^<]*)<\/Code>/.exec(body)?.[1];
  const message = /<Message>([^<]*)<\/Message>/.exec(body)?.[1];
  const detail = [code, message].filter(Boolean).join(": ") || body.slice(0, 200);
  return new Error(`S3 ${method} ${key} failed with HTTP ${response.status}${detail ? ` (${detail})` : ""}`);
}
