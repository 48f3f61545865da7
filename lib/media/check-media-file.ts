// The checks a file passes before it is stored, and those a message's media pass before it is
// sent. Every message names the file, so the compose box can show it beside that file.
import { DomainError } from "@/lib/errors";
import {
  formatBytes,
  isMediaContentType,
  KIND_PLURALS,
  MAX_BYTES_BY_KIND,
  MAX_MESSAGE_MEDIA,
  MAX_MESSAGE_MEDIA_BYTES,
  MEDIA_TYPES,
  normalizeContentType,
  SUPPORTED_DESCRIPTION,
  type MediaContentType,
} from "@/lib/media/media-types";
import { sniffMediaType } from "@/lib/media/sniff-media-type";

/** A file over a size limit: HTTP surfaces answer 413 for it, the rest treat it as BAD_REQUEST. */
export class MediaTooLargeError extends DomainError {
  constructor(message: string, field: string) {
    super("BAD_REQUEST", message, field, "media_too_large");
    this.name = "MediaTooLargeError";
  }
}

/** What the checks need of a file: the server has its bytes, the browser reads only its head. */
export interface MediaFileFacts {
  name: string;
  /** The type the browser or client claims. */
  type: string;
  size: number;
  /** The file's first SNIFF_BYTES bytes (or all of it). */
  head: Uint8Array;
}

// Browsers claim nothing, or this, for types they do not know (.amr on most desktops).
const UNCLAIMED = new Set(["", "application/octet-stream"]);

/** The type the file will be stored and sent as; throws a DomainError naming the file otherwise. */
export function checkMediaFile(file: MediaFileFacts, field = "file"): MediaContentType {
  const name = `"${file.name}"`;
  if (file.size === 0) throw new DomainError("BAD_REQUEST", `${name} is empty`, field);
  const candidates = sniffMediaType(file.head);
  if (candidates.length === 0) {
    throw new DomainError("BAD_REQUEST", `${name} is not a supported file (send ${SUPPORTED_DESCRIPTION})`, field);
  }
  const claimed = normalizeContentType(file.type);
  const type = UNCLAIMED.has(claimed) ? candidates[0]! : candidates.find((candidate) => candidate === claimed);
  if (!type) {
    const said = isMediaContentType(claimed) ? MEDIA_TYPES[claimed].label : claimed;
    throw new DomainError("BAD_REQUEST", `${name} is ${MEDIA_TYPES[candidates[0]!].label}, but was sent as ${said}`, field);
  }
  const { kind } = MEDIA_TYPES[type];
  if (file.size > MAX_BYTES_BY_KIND[kind]) {
    throw new MediaTooLargeError(
      `${name} is ${formatBytes(file.size)}; ${KIND_PLURALS[kind]} can be at most ${formatBytes(MAX_BYTES_BY_KIND[kind])}`,
      field,
    );
  }
  return type;
}

/** One message's media together: at most MAX_MESSAGE_MEDIA files and MAX_MESSAGE_MEDIA_BYTES in all. */
export function checkMessageMedia(media: { size: number }[], field = "mediaIds"): void {
  if (media.length > MAX_MESSAGE_MEDIA) {
    throw new DomainError("BAD_REQUEST", `A message can carry at most ${MAX_MESSAGE_MEDIA} media files (this one has ${media.length})`, field, "too_many_media");
  }
  const total = media.reduce((sum, item) => sum + item.size, 0);
  if (total > MAX_MESSAGE_MEDIA_BYTES) {
    throw new MediaTooLargeError(
      `A message's media can be at most ${formatBytes(MAX_MESSAGE_MEDIA_BYTES)} in all (these files are ${formatBytes(total)})`,
      field,
    );
  }
}
