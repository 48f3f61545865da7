// The bytes behind a signed media URL. Looked up without org scoping on purpose: the URL's signature,
// which only this app can make (lib/media/media-url.ts), is the permission; carriers have no session.
import type { Db } from "@/lib/db/client";
import { logger } from "@/lib/log/logger";
import { mediaStorage } from "@/lib/media/media-storage";

const log = logger.child({ component: "media" });

export async function readMedia(db: Db, assetId: string) {
  const asset = await db.mediaAsset.findUnique({ where: { id: assetId } });
  if (!asset) return null;
  const bytes = await mediaStorage().get(asset.storageKey);
  if (!bytes) {
    // A row without its file: storage was moved or changed (MEDIA_DIR, S3_*) under existing media.
    log.error(`Media ${asset.id} has no stored file at ${asset.storageKey}`);
    return null;
  }
  return { asset, bytes };
}
