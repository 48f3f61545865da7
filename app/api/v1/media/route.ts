// POST /api/v1/media: upload one file (multipart/form-data, field "file") for MMS. Its id goes in
// `media_ids` of POST /api/v1/messages; the answer carries a signed URL to look at it.
import { apiRoute } from "@/lib/api/api-route";
import { serializeMedia } from "@/lib/api/media/serialize-media";
import { readUploadBody } from "@/lib/api/media/upload-body";
import { uploadMedia } from "@/lib/media/upload-media";

export const POST = apiRoute("messages:send", async ({ ctx, body }) => ({ status: 201, body: serializeMedia(await uploadMedia(ctx, body)) }), readUploadBody);
