// The media an MMS may carry, and its limits: what Twilio accepts and relays to handsets reliably.
// One table feeds the server's checks (lib/media/check-media-file.ts), the send path's per-message
// limit and the compose box's picker, so the three agree. Sizes are decimal (5 MB = 5,000,000 bytes)
// because carriers' "5 MB" is; a binary MB would let through files a carrier refuses.
export type MediaKind = "image" | "video" | "audio";

const MB = 1_000_000;

/** Largest single file, and largest sum of one message's files (Twilio's MMS limit). */
export const MAX_MEDIA_FILE_BYTES = 5 * MB;
export const MAX_MESSAGE_MEDIA_BYTES = 5 * MB;
/** Files one message may carry. */
export const MAX_MESSAGE_MEDIA = 10;

export const MEDIA_TYPES = {
  "image/jpeg": { kind: "image", label: "a JPEG image", extension: "jpg" },
  "image/png": { kind: "image", label: "a PNG image", extension: "png" },
  "image/gif": { kind: "image", label: "a GIF image", extension: "gif" },
  "image/webp": { kind: "image", label: "a WebP image", extension: "webp" },
  "video/mp4": { kind: "video", label: "an MP4 video", extension: "mp4" },
  "video/3gpp": { kind: "video", label: "a 3GPP video", extension: "3gp" },
  "audio/mpeg": { kind: "audio", label: "an MP3 audio file", extension: "mp3" },
  "audio/mp4": { kind: "audio", label: "an M4A audio file", extension: "m4a" },
  "audio/amr": { kind: "audio", label: "an AMR audio file", extension: "amr" },
  "audio/ogg": { kind: "audio", label: "an Ogg audio file", extension: "ogg" },
} as const satisfies Record<string, { kind: MediaKind; label: string; extension: string }>;

export type MediaContentType = keyof typeof MEDIA_TYPES;

/** Per kind, so the limits can differ later without touching the checks. */
export const MAX_BYTES_BY_KIND: Record<MediaKind, number> = {
  image: MAX_MEDIA_FILE_BYTES,
  video: MAX_MEDIA_FILE_BYTES,
  audio: MAX_MEDIA_FILE_BYTES,
};

export const KIND_PLURALS: Record<MediaKind, string> = { image: "images", video: "videos", audio: "audio files" };

/** For the file input's `accept` and for error messages. */
export const ACCEPTED_TYPES = Object.keys(MEDIA_TYPES) as MediaContentType[];
export const SUPPORTED_DESCRIPTION = "JPEG, PNG, GIF or WebP images, MP4 or 3GPP videos, MP3, M4A, AMR or Ogg audio";

// Names browsers and phones give the same formats (Chrome says audio/x-m4a, old IE image/pjpeg).
const ALIASES: Record<string, MediaContentType> = {
  "image/jpg": "image/jpeg",
  "image/pjpeg": "image/jpeg",
  "video/3gp": "video/3gpp",
  "audio/mp3": "audio/mpeg",
  "audio/x-mp3": "audio/mpeg",
  "audio/x-mpeg": "audio/mpeg",
  "audio/m4a": "audio/mp4",
  "audio/x-m4a": "audio/mp4",
  "audio/x-amr": "audio/amr",
  "application/ogg": "audio/ogg",
  "audio/x-ogg": "audio/ogg",
};

export function isMediaContentType(type: string): type is MediaContentType {
  return Object.hasOwn(MEDIA_TYPES, type);
}

/** "image/JPG; charset=x" -> "image/jpeg"; unknown types come back lower-cased, without parameters. */
export function normalizeContentType(type: string): string {
  const bare = type.split(";")[0]!.trim().toLowerCase();
  return ALIASES[bare] ?? bare;
}

/** "812 KB", "5.1 MB": decimal units as the limits are, rounded up so a file over a limit never reads as equal to it. */
export function formatBytes(bytes: number): string {
  if (bytes < 1_000) return `${bytes} bytes`;
  if (bytes < MB) return `${Math.ceil(bytes / 1_000)} KB`;
  return `${Math.ceil(bytes / 100_000) / 10} MB`;
}
