// Request bodies of the public APIs, read once by the request pipeline (lib/api/request-pipeline.ts)
// with the route's reader: capped by size (413; streamed, so a bigger body is not read to its end),
// of the one media type the route takes (415), decoded as strict UTF-8. A reader answers the body
// the handler gets and the digest Idempotency-Key compares.
import { ApiError } from "@/lib/api/api-error";
import { parseJson } from "@/lib/api/parse-input";
import { canonicalJson } from "@/lib/canonical-json";
import { readCapped } from "@/lib/net/read-capped";

export type BodyReader<B> = (request: Request) => Promise<{ body: B; digest: string }>;

const MB = 1024 * 1024;

/**
 * By route kind: one resource as JSON (a message is at most 1,600 characters and 10 media URLs), a
 * batch of up to 1,000 of them, and a Twilio form (one message).
 */
export const BODY_LIMITS = { json: 1 * MB, batch: 8 * MB, form: 1 * MB } as const;

const formatLimit = (bytes: number) => `${bytes / MB} MB`;

/** The media type of the Content-Type header, lower-case, and its charset when one is named. */
function contentType(request: Request): { type: string; charset: string | null } | null {
  const header = request.headers.get("content-type");
  if (header === null) return null;
  const [type = "", ...params] = header.split(";");
  const charset = params.map((p) => /^\s*charset\s*=\s*"?([^"\s]*)"?\s*$/i.exec(p)?.[1]).find((c) => c !== undefined);
  return { type: type.trim().toLowerCase(), charset: charset?.toLowerCase() ?? null };
}

/**
 * The body as text, or null when there is none (whatever the Content-Type). A body must be sent as
 * `type` in UTF-8, and be at most `limit` bytes: a larger Content-Length is refused before reading.
 */
export async function readBodyText(request: Request, type: string, limit: number): Promise<string | null> {
  const tooLarge = () => new ApiError("body_too_large", `The request body is larger than ${formatLimit(limit)}, the most this endpoint takes`);
  if (Number(request.headers.get("content-length")) > limit) throw tooLarge();
  const read = await readCapped(request.body, limit);
  if (read.tooLarge) throw tooLarge();
  if (read.bytes.byteLength === 0) return null;
  const sent = contentType(request);
  if (sent?.type !== type || (sent.charset !== null && sent.charset !== "utf-8")) {
    throw new ApiError("unsupported_media_type", `Send the request body as ${type} (UTF-8), with Content-Type: ${type}; it came as ${sent ? JSON.stringify(sent.type) : "no Content-Type"}`);
  }
  try {
    return new TextDecoder("utf-8", { fatal: true }).decode(read.bytes);
  } catch {
    throw new ApiError(type === "application/json" ? "invalid_json" : "invalid_parameter", "The request body is not valid UTF-8");
  }
}

/** A JSON body: its value (undefined when there is none) and, for Idempotency-Key, its canonical form (so key order does not matter). */
export function jsonBodyReader(limit: number = BODY_LIMITS.json): BodyReader<unknown> {
  return async (request) => {
    const text = await readBodyText(request, "application/json", limit);
    if (text === null) return { body: undefined, digest: "" };
    const value = parseJson(text);
    return { body: value, digest: canonicalJson(value) };
  };
}
