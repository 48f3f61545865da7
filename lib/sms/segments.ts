// SMS encoding and segmenting, computed exactly as Twilio does (its `sms-segments-calculator` is
// the reference in tests/unit/segments.test.ts). A message is GSM-7 when every character is in the
// GSM 03.38 basic or extension table, else UCS-2. One SMS carries 140 octets (1,120 bits); a
// multipart SMS spends 6 octets of each part on the concatenation header (UDH), so: GSM-7 160
// septets single / 153 per part, UCS-2 70 code units single / 67 per part. A character is never
// split across parts: not an extension character's escape pair, not a surrogate pair, and not a
// whole grapheme (an emoji with its modifiers stays together).
import GraphemeSplitter from "grapheme-splitter";

/** Longest body accepted: 10 UCS-2 parts of 67 (Twilio refuses past 1,600 characters too). */
export const MAX_BODY_LENGTH = 1_600;

export type SmsEncoding = "GSM-7" | "UCS-2";

export interface SegmentedMessage {
  encoding: SmsEncoding;
  segmentCount: number;
  /** The text of each part, in order. */
  segments: string[];
  /** Characters that force UCS-2, each once, in order of appearance. */
  nonGsmCharacters: string[];
  /** Septets (GSM-7) or UTF-16 code units (UCS-2) the message uses. */
  units: number;
  /** Units one part holds at this encoding and part count (160 / 153, or 70 / 67). */
  unitsPerSegment: number;
}

const GSM_BASIC = new Set(
  "@£$¥èéùìòÇ\nØø\rÅåΔ_ΦΓΛΩΠΨΣΘΞÆæßÉ !\"#¤%&'()*+,-./0123456789:;<=>?¡ABCDEFGHIJKLMNOPQRSTUVWXYZÄÖÑÜ§¿abcdefghijklmnopqrstuvwxyzäöñüà",
);
// Sent as ESC + character: two septets.
const GSM_EXTENSION = new Set("\f^{}\\[~]|€");

const SEGMENT_BITS = 140 * 8;
const UDH_BITS = 6 * 8;

const splitter = new GraphemeSplitter();
const LATIN_ONLY = /^[\u0000-\u02ff]*$/;

/** The message as the characters that must stay whole; "\r\n" counts as two, as carriers do. */
function characters(text: string): string[] {
  // Below U+0300 (where combining marks begin) every code point is a grapheme of its own, and the
  // splitter's work (most of the cost of segmenting) can be skipped: nearly all SMS text is here.
  if (LATIN_ONLY.test(text)) return text.split("");
  return splitter.splitGraphemes(text).flatMap((g) => (g === "\r\n" ? ["\r", "\n"] : [g]));
}

export function isGsmCharacter(char: string): boolean {
  return GSM_BASIC.has(char) || GSM_EXTENSION.has(char);
}

export function segmentMessage(text: string): SegmentedMessage {
  const chars = characters(text);
  const nonGsm = chars.filter((c) => !isGsmCharacter(c));
  const encoding: SmsEncoding = nonGsm.length > 0 ? "UCS-2" : "GSM-7";
  const unitBits = encoding === "GSM-7" ? 7 : 16;
  const unitsOf = (c: string) => (encoding === "GSM-7" ? (GSM_EXTENSION.has(c) ? 2 : 1) : c.length);
  const units = chars.reduce((sum, c) => sum + unitsOf(c), 0);

  const single = units * unitBits <= SEGMENT_BITS;
  const capacityBits = single ? SEGMENT_BITS : SEGMENT_BITS - UDH_BITS;
  const segments: string[] = [""];
  let usedBits = 0;
  for (const c of chars) {
    const bits = unitsOf(c) * unitBits;
    if (usedBits + bits > capacityBits) {
      segments.push("");
      usedBits = 0;
    }
    segments[segments.length - 1] += c;
    usedBits += bits;
  }
  return {
    encoding,
    segmentCount: segments.length,
    segments,
    nonGsmCharacters: [...new Set(nonGsm)],
    units,
    unitsPerSegment: Math.floor(capacityBits / unitBits),
  };
}
