// The body of POST /api/v1/media: multipart/form-data with one file in the field "file", read with
// lib/media/read-upload.ts's cap. Any other field is refused, as an unknown JSON field is. The
// Idempotency-Key digest is the file itself (name, claimed type, SHA-256 of the bytes), not the raw
// body: a client's retry frames the same file with a new multipart boundary.
import { createHash } from "node:crypto";
import { ApiError } from "@/lib/api/api-error";
import type { BodyReader } from "@/lib/api/request-body";
import { refuseUnstorableText } from "@/lib/api/parse-input";
import { readUploadForm, UPLOAD_FIELD, uploadedFile } from "@/lib/media/read-upload";
import type { MediaFile } from "@/lib/media/upload-media";

export const readUploadBody: BodyReader<MediaFile> = async (request) => {
  const form = await readUploadForm(request);
  const names = [...new Set(form.keys())];
  const unknown = names.find((name) => name !== UPLOAD_FIELD);
  if (unknown !== undefined) throw new ApiError("unknown_parameter", `Unknown form field ${unknown}: send only the file, in "${UPLOAD_FIELD}"`, unknown.toWellFormed().replaceAll("\0", "\\u0000"));
  if (form.getAll(UPLOAD_FIELD).length > 1) throw new ApiError("invalid_parameter", `${UPLOAD_FIELD}: send one file per request`, UPLOAD_FIELD);
  const file = await uploadedFile(form);
  refuseUnstorableText(file.name, UPLOAD_FIELD); // the file name is stored: a NUL in it would reach the database
  const digest = [file.name, file.type, createHash("sha256").update(file.bytes).digest("hex")].join("\n");
  return { body: file, digest };
};
