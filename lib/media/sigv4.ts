// AWS Signature Version 4, for the three S3 calls media storage makes (put, get and delete one
// object): a page of code instead of the AWS SDK. Checked against AWS's published S3 examples
// (tests/unit/sigv4.test.ts) and by a stub server that recomputes it (tests/integration/media-s3.test.ts).
import { createHash, createHmac } from "node:crypto";

export interface SigV4Credentials {
  accessKeyId: string;
  secretAccessKey: string;
  region: string;
  service: string;
}

/** What the signature covers: `headers` are exactly the signed ones, with lower-case names. */
export interface CanonicalParts {
  method: string;
  /** Its pathname must be percent-encoded as it goes on the wire (see uriEncode). */
  url: URL;
  headers: Record<string, string>;
  /** Hex SHA-256 of the body. */
  payloadHash: string;
  /** x-amz-date, e.g. 20130524T000000Z. */
  amzDate: string;
}

export const sha256Hex = (data: string | Uint8Array) => createHash("sha256").update(data).digest("hex");

const hmac = (key: string | Buffer, data: string) => createHmac("sha256", key).update(data).digest();

/** 2013-05-24T00:00:00.000Z -> 20130524T000000Z */
export const toAmzDate = (at: Date) => at.toISOString().replace(/[-:]/g, "").replace(/\.\d{3}/, "");

/** RFC 3986 encoding, as S3 wants for key segments and query parts (encodeURIComponent leaves !'()* as they are). */
export const uriEncode = (text: string) =>
  encodeURIComponent(text).replace(/[!'()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);

const compare = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

function canonicalQuery(url: URL): string {
  return [...url.searchParams]
    .map(([key, value]) => [uriEncode(key), uriEncode(value)] as const)
    .sort(([k1, v1], [k2, v2]) => compare(k1, k2) || compare(v1, v2))
    .map(([key, value]) => `${key}=${value}`)
    .join("&");
}

export function sigV4Signature(parts: CanonicalParts, credentials: SigV4Credentials) {
  const names = Object.keys(parts.headers).sort(compare);
  const signedHeaders = names.join(";");
  const canonicalRequest = [
    parts.method,
    parts.url.pathname,
    canonicalQuery(parts.url),
    ...names.map((name) => `${name}:${parts.headers[name]!.trim().replace(/\s+/g, " ")}`),
    "",
    signedHeaders,
    parts.payloadHash,
  ].join("\n");
  const day = parts.amzDate.slice(0, 8);
  const scope = `${day}/${credentials.region}/${credentials.service}/aws4_request`;
  const stringToSign = ["AWS4-HMAC-SHA256", parts.amzDate, scope, sha256Hex(canonicalRequest)].join("\n");
  let key = hmac(`AWS4${credentials.secretAccessKey}`, day);
  for (const part of [credentials.region, credentials.service, "aws4_request"]) key = hmac(key, part);
  return { signature: createHmac("sha256", key).update(stringToSign).digest("hex"), signedHeaders, scope };
}

/**
 * The headers to send with a request so the service accepts it: `headers` plus x-amz-date,
 * x-amz-content-sha256 and authorization. Host is signed but not returned (fetch sets it from the URL).
 */
export function signRequest(
  request: { method: string; url: URL; headers?: Record<string, string>; payloadHash: string },
  credentials: SigV4Credentials,
  now: Date = new Date(),
): Record<string, string> {
  const amzDate = toAmzDate(now);
  const sent: Record<string, string> = { "x-amz-date": amzDate, "x-amz-content-sha256": request.payloadHash };
  for (const [name, value] of Object.entries(request.headers ?? {})) sent[name.toLowerCase()] = value;
  const { signature, signedHeaders, scope } = sigV4Signature(
    { method: request.method, url: request.url, headers: { ...sent, host: request.url.host }, payloadHash: request.payloadHash, amzDate },
    credentials,
  );
  return {
    ...sent,
    authorization: `AWS4-HMAC-SHA256 Credential=${credentials.accessKeyId}/${scope},SignedHeaders=${signedHeaders},Signature=${signature}`,
  };
}
