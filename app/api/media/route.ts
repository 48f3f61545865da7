// Upload of one media file for the compose box: multipart/form-data with the file in field "file",
// by a signed-in member of the active org. Answers the stored asset with a signed URL to show it.
import { auth } from "@/lib/auth/auth";
import { requestedOrgId, sessionUser } from "@/lib/auth/request-identity";
import { db } from "@/lib/db";
import { memberOrgContext } from "@/lib/members/member-org-context";
import { domainErrorResponse, mediaErrorResponse } from "@/lib/media/media-error-response";
import { PREVIEW_URL_TTL_SECONDS, signedMediaUrl } from "@/lib/media/media-url";
import { readUploadedFile } from "@/lib/media/read-upload";
import { uploadMedia } from "@/lib/media/upload-media";

export const POST = auth(async function POST(req) {
  const user = sessionUser(req.auth);
  if (!user) return mediaErrorResponse(401, "unauthorized", "Sign in to upload media");
  try {
    const ctx = await memberOrgContext(db, user, requestedOrgId(req.headers, req.cookies), "MEMBER");
    const asset = await uploadMedia(ctx, await readUploadedFile(req));
    return Response.json(
      { id: asset.id, url: signedMediaUrl(asset.id, PREVIEW_URL_TTL_SECONDS), contentType: asset.contentType, size: asset.size, fileName: asset.fileName },
      { status: 201 },
    );
  } catch (error) {
    return domainErrorResponse(error);
  }
});
