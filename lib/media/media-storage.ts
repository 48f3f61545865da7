// Where media bytes live, behind one small interface: local disk by default (MEDIA_DIR, under
// .data/ beside the embedded database), an S3-compatible bucket when S3_BUCKET is configured.
// Rows (MediaAsset) say which org owns a file; storage only knows keys.
import path from "node:path";
import { env } from "@/lib/env";
import { localMediaStorage } from "@/lib/media/local-media-storage";
import { MEDIA_TYPES, type MediaContentType } from "@/lib/media/media-types";
import { s3MediaStorage } from "@/lib/media/s3-media-storage";

export interface MediaStorage {
  put(key: string, bytes: Uint8Array, contentType: string): Promise<void>;
  /** The stored bytes, or null when nothing is stored under the key. */
  get(key: string): Promise<Uint8Array | null>;
  /** Removes the object; no error when there is none. */
  delete(key: string): Promise<void>;
}

export const DEFAULT_MEDIA_DIR = ".data/media";

/** The storage the environment configures. */
export function mediaStorage(): MediaStorage {
  if (!env.S3_BUCKET) return localMediaStorage(path.resolve(env.MEDIA_DIR ?? DEFAULT_MEDIA_DIR));
  return s3MediaStorage({
    bucket: env.S3_BUCKET,
    // lib/env.ts requires these together with S3_BUCKET.
    region: env.S3_REGION!,
    accessKeyId: env.S3_ACCESS_KEY_ID!,
    secretAccessKey: env.S3_SECRET_ACCESS_KEY!,
    endpoint: env.S3_ENDPOINT,
    forcePathStyle: env.S3_FORCE_PATH_STYLE ?? false,
  });
}

/** One folder per org, so an org's files can be listed, moved or removed together. */
export function mediaStorageKey(orgId: string, assetId: string, contentType: MediaContentType): string {
  return `${orgId}/${assetId}.${MEDIA_TYPES[contentType].extension}`;
}
