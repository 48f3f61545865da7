// A stand-in for an S3-compatible service on 127.0.0.1 (path-style, one bucket, objects in memory).
// Like S3 it recomputes every request's SigV4 signature from what arrived on the wire (method, raw
// path, the headers named as signed, the body's hash) and refuses a mismatch with S3's XML error,
// so a request that is built differently from how it was signed fails here as it would at AWS.
import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { sha256Hex, sigV4Signature } from "@/lib/media/sigv4";

export interface S3StubOptions {
  bucket: string;
  region: string;
  accessKeyId: string;
  secretAccessKey: string;
}

export interface S3Stub {
  endpoint: string;
  objects: Map<string, { body: Buffer; contentType: string | undefined }>;
  /** Every request that passed the signature check, with the headers it signed. */
  requests: { method: string; rawPath: string; signedHeaders: string[] }[];
  close(): Promise<void>;
}

const AUTHORIZATION = /^AWS4-HMAC-SHA256 Credential=([^/]+)\/(\d{8})\/([^/]+)\/s3\/aws4_request,SignedHeaders=([a-z0-9;-]+),Signature=([0-9a-f]{64})$/;
const MAX_SKEW_MS = 15 * 60_000;

function reply(response: ServerResponse, status: number, code?: string, message = code) {
  if (!code) return void response.writeHead(status).end();
  response.writeHead(status, { "Content-Type": "application/xml" }).end(`<?xml version="1.0" encoding="UTF-8"?><Error><Code>${code}</Code><Message>${message}</Message></Error>`);
}

function authorize(request: IncomingMessage, body: Buffer, options: S3StubOptions): { code: string; message: string } | { signedHeaders: string[] } {
  const match = AUTHORIZATION.exec(request.headers.authorization ?? "");
  if (!match) return { code: "AccessDenied", message: "No AWS4-HMAC-SHA256 authorization" };
  const [, accessKeyId, day, region, signed, signature] = match as unknown as string[];
  if (accessKeyId !== options.accessKeyId) return { code: "InvalidAccessKeyId", message: "Unknown access key" };
  if (region !== options.region) return { code: "AuthorizationHeaderMalformed", message: `Region ${region} is wrong; expecting ${options.region}` };
  const amzDate = String(request.headers["x-amz-date"] ?? "");
  const at = Date.parse(amzDate.replace(/^(\d{4})(\d\d)(\d\d)T(\d\d)(\d\d)(\d\d)Z$/, "$1-$2-$3T$4:$5:$6Z"));
  if (!amzDate.startsWith(day!) || !(Math.abs(Date.now() - at) < MAX_SKEW_MS)) return { code: "RequestTimeTooSkewed", message: `Bad x-amz-date ${amzDate}` };
  const payloadHash = sha256Hex(body);
  if (request.headers["x-amz-content-sha256"] !== payloadHash) return { code: "XAmzContentSHA256Mismatch", message: "The body's hash differs" };
  const signedHeaders = signed!.split(";");
  if (!["host", "x-amz-date", "x-amz-content-sha256"].every((name) => signedHeaders.includes(name))) {
    return { code: "AccessDenied", message: "host, x-amz-date and x-amz-content-sha256 must be signed" };
  }
  const headers = Object.fromEntries(signedHeaders.map((name) => [name, String(request.headers[name] ?? "")]));
  const url = new URL(request.url!, `http://${request.headers.host}`);
  const expected = sigV4Signature({ method: request.method!, url, headers, payloadHash, amzDate }, { ...options, service: "s3" });
  if (expected.signature !== signature) return { code: "SignatureDoesNotMatch", message: "The request signature we calculated does not match the signature you provided" };
  return { signedHeaders };
}

export async function startS3Stub(options: S3StubOptions): Promise<S3Stub> {
  const objects: S3Stub["objects"] = new Map();
  const requests: S3Stub["requests"] = [];
  const server = createServer(async (request, response) => {
    const chunks: Buffer[] = [];
    for await (const chunk of request) chunks.push(chunk as Buffer);
    const body = Buffer.concat(chunks);
    const auth = authorize(request, body, options);
    if ("code" in auth) return reply(response, 403, auth.code, auth.message);
    const rawPath = request.url!.split("?")[0]!;
    requests.push({ method: request.method!, rawPath, signedHeaders: auth.signedHeaders });
    const [, bucket, ...segments] = rawPath.split("/");
    if (bucket !== options.bucket || segments.length === 0) return reply(response, 404, "NoSuchBucket");
    const key = segments.map(decodeURIComponent).join("/");
    const object = objects.get(key);
    switch (request.method) {
      case "PUT":
        objects.set(key, { body, contentType: request.headers["content-type"] });
        return reply(response, 200);
      case "GET":
        if (!object) return reply(response, 404, "NoSuchKey", "The specified key does not exist.");
        response.writeHead(200, { "Content-Type": object.contentType ?? "binary/octet-stream", "Content-Length": object.body.length }).end(object.body);
        return;
      case "DELETE":
        objects.delete(key);
        return reply(response, 204);
      default:
        return reply(response, 405, "MethodNotAllowed");
    }
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  return {
    endpoint: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    objects,
    requests,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}
