// The one file of a media upload (multipart/form-data, field "file"). The body is read with a cap,
// the largest file accepted plus room for the multipart framing, so an oversized upload is refused
// without being buffered whole.
import { DomainError } from "@/lib/errors";
import { MediaTooLargeError } from "@/lib/media/check-media-file";
import { formatBytes, MAX_BYTES_BY_KIND } from "@/lib/media/media-types";
import type { MediaFile } from "@/lib/media/upload-media";
import { readCapped } from "@/lib/net/read-capped";

export const UPLOAD_FIELD = "file";

const MAX_FILE_BYTES = Math.max(...Object.values(MAX_BYTES_BY_KIND));
const FRAMING_ALLOWANCE = 64 * 1024;

export async function readUploadedFile(req: Request): Promise<MediaFile> {
  return uploadedFile(await readUploadForm(req));
}

/** The upload's form, read with the cap (the public API checks its fields before taking the file). */
export async function readUploadForm(req: Request): Promise<FormData> {
  const contentType = req.headers.get("content-type") ?? "";
  if (!contentType.toLowerCase().startsWith("multipart/form-data")) {
    throw new DomainError("BAD_REQUEST", `Send the file as multipart/form-data, in a field named "${UPLOAD_FIELD}"`, UPLOAD_FIELD);
  }
  const body = await readCapped(req.body, MAX_FILE_BYTES + FRAMING_ALLOWANCE);
  if (body.tooLarge) {
    // The part's headers come first, so the file can still be named.
    const name = /filename="([^"]*)"/.exec(new TextDecoder().decode(body.head.subarray(0, 4096)))?.[1];
    throw new MediaTooLargeError(`${name ? `"${name}"` : "The upload"} is larger than ${formatBytes(MAX_FILE_BYTES)}, the most a file can be`, UPLOAD_FIELD);
  }
  const form = await new Response(body.bytes as BodyInit, { headers: { "content-type": contentType } }).formData().catch(() => null);
  if (!form) throw new DomainError("BAD_REQUEST", "The upload is not valid multipart/form-data", UPLOAD_FIELD);
  return form;
}

/** The file of an upload's form. */
export async function uploadedFile(form: FormData): Promise<MediaFile> {
  const file = form.get(UPLOAD_FIELD);
  if (!(file instanceof File)) throw new DomainError("BAD_REQUEST", `Attach a file in the form field "${UPLOAD_FIELD}"`, UPLOAD_FIELD);
  return { name: file.name, type: file.type, bytes: new Uint8Array(await file.arrayBuffer()) };
}
