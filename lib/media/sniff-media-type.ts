// What a file is, from its first bytes (magic numbers), not from the name or type the browser
// claims: a renamed file must not reach a carrier as something it is not.
import type { MediaContentType } from "@/lib/media/media-types";

/** How many leading bytes sniffing looks at. */
export const SNIFF_BYTES = 16;

const ascii = (bytes: Uint8Array, at: number, text: string) =>
  bytes.length >= at + text.length && [...text].every((c, i) => bytes[at + i] === c.charCodeAt(0));

const startsWith = (bytes: Uint8Array, prefix: number[]) => bytes.length >= prefix.length && prefix.every((b, i) => bytes[i] === b);

// ISO base media files (MP4, M4A, 3GPP) share one container: the "ftyp" box's major brand says which.
function isoBrandTypes(brand: string): MediaContentType[] {
  if (brand.startsWith("3gp") || brand.startsWith("3g2")) return ["video/3gpp"];
  if (brand === "M4A " || brand === "M4B ") return ["audio/mp4"];
  // Generic brands (isom, mp41, mp42, ...) hold video or sound alone; either claim is believable.
  return ["video/mp4", "audio/mp4"];
}

// An MPEG audio frame header: 11 sync bits, then a layer other than "reserved" (ADTS AAC has 00).
const isMpegAudioFrame = (bytes: Uint8Array) => bytes.length >= 2 && bytes[0] === 0xff && (bytes[1]! & 0xe0) === 0xe0 && (bytes[1]! & 0x06) !== 0;

/**
 * The supported types the bytes can be, most likely first; empty when they are none of them. Several
 * candidates only for ISO media, whose container does not tell video from audio-only files.
 */
export function sniffMediaType(bytes: Uint8Array): MediaContentType[] {
  if (startsWith(bytes, [0xff, 0xd8, 0xff])) return ["image/jpeg"];
  if (startsWith(bytes, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) return ["image/png"];
  if (ascii(bytes, 0, "GIF87a") || ascii(bytes, 0, "GIF89a")) return ["image/gif"];
  if (ascii(bytes, 0, "RIFF") && ascii(bytes, 8, "WEBP")) return ["image/webp"];
  if (ascii(bytes, 4, "ftyp") && bytes.length >= 12) return isoBrandTypes(String.fromCharCode(...bytes.subarray(8, 12)));
  if (ascii(bytes, 0, "ID3") || isMpegAudioFrame(bytes)) return ["audio/mpeg"];
  if (ascii(bytes, 0, "#!AMR\n")) return ["audio/amr"];
  if (ascii(bytes, 0, "OggS")) return ["audio/ogg"];
  return [];
}
