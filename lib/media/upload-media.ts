// Stores one uploaded file for the org: checked (type from its bytes, size), written to media
// storage, then recorded as a MediaAsset row with its SHA-256, with the audit entry beside it.
import { createHash } from "node:crypto";
import { recordAudit } from "@/lib/audit/record-audit";
import { newId } from "@/lib/ids";
import { checkMediaFile } from "@/lib/media/check-media-file";
import { mediaStorage, mediaStorageKey } from "@/lib/media/media-storage";
import type { OrgContext } from "@/lib/org-context";

const MAX_FILE_NAME = 255;

export interface MediaFile {
  name: string;
  /** The type the client claims; checked against the bytes. */
  type: string;
  bytes: Uint8Array;
}

/** `field` names the input in errors: "file" for an upload, "media_urls.0" for a fetched URL. */
export async function uploadMedia(ctx: OrgContext, file: MediaFile, field = "file") {
  // Only the name's last part, trimmed: it is shown back to people and kept in the audit log.
  const fileName = file.name.split(/[\\/]/).pop()!.trim().slice(0, MAX_FILE_NAME) || "file";
  const size = file.bytes.byteLength;
  const contentType = checkMediaFile({ name: fileName, type: file.type, size, head: file.bytes }, field);
  const id = newId("media");
  const storageKey = mediaStorageKey(ctx.orgId, id, contentType);
  const storage = mediaStorage();
  try {
    await storage.put(storageKey, file.bytes, contentType);
    return await ctx.db.$transaction(async (tx) => {
      const asset = await tx.mediaAsset.create({
        data: { id, orgId: ctx.orgId, storageKey, contentType, size, fileName, sha256: createHash("sha256").update(file.bytes).digest("hex") },
      });
      await recordAudit(ctx, tx, { action: "media.uploaded", targetType: "media", targetId: id, changes: { fileName, contentType, size } });
      return asset;
    });
  } catch (error) {
    // Without its row a stored file is unreachable: remove it rather than leave an orphan.
    await storage.delete(storageKey).catch(() => {});
    throw error;
  }
}
