// Upload of a CSV file to import contacts from: the raw file as the request body (the file's name in
// `?name=`), streamed to the import folder as it arrives, by a signed-in member of the active org.
// Answers the new import's id; its mapping, preview and run go through tRPC (contactImports).
import { Readable } from "node:stream";
import type { ReadableStream as NodeReadableStream } from "node:stream/web";
import { auth } from "@/lib/auth/auth";
import { requestedOrgId, sessionUser } from "@/lib/auth/request-identity";
import { uploadImport } from "@/lib/contacts/import/upload-import";
import { db } from "@/lib/db";
import { domainErrorResponse, mediaErrorResponse } from "@/lib/media/media-error-response";
import { memberOrgContext } from "@/lib/members/member-org-context";

export const POST = auth(async function POST(req) {
  const user = sessionUser(req.auth);
  if (!user) return mediaErrorResponse(401, "unauthorized", "Sign in to import contacts");
  try {
    const ctx = await memberOrgContext(db, user, requestedOrgId(req.headers, req.cookies), "MEMBER");
    if (!req.body) return mediaErrorResponse(400, "bad_request", "Send the CSV file as the request body", "file");
    const name = new URL(req.url).searchParams.get("name") ?? "contacts.csv";
    const body = Readable.fromWeb(req.body as NodeReadableStream<Uint8Array>);
    const created = await uploadImport(ctx, { name, body });
    return Response.json(created, { status: 201 });
  } catch (error) {
    return domainErrorResponse(error);
  }
});
