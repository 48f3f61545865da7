// Message text to and from short_message octets, by data_coding. Outbound uses 0 (GSM 03.38 default
// alphabet) or 8 (UCS-2, big-endian), as lib/sms/segments.ts chose; inbound also reads the other
// text codings SMSCs use.
import { decodeGsm7, encodeGsm7 } from "@/lib/carriers/smpp/gsm7";
import { ESM_UDHI, concatenationHeader } from "@/lib/carriers/smpp/udh";
import type { SmsEncoding } from "@/lib/sms/segments";

export const DATA_CODING_GSM7 = 0x00;
export const DATA_CODING_UCS2 = 0x08;

export interface ShortMessagePart {
  dataCoding: number;
  esmClass: number;
  shortMessage: Buffer;
}

export function encodeUcs2(text: string): Buffer {
  // UTF-16 code units, so an emoji's surrogate pair goes as two units, as handsets expect.
  return Buffer.from(text, "utf16le").swap16();
}

/**
 * One short_message per part. A message of more than one part gets the concatenation UDH in every
 * part (esm_class UDHI), with `reference` telling this message's parts from another's.
 */
export function encodeParts(encoding: SmsEncoding, parts: string[], reference: number): ShortMessagePart[] {
  const dataCoding = encoding === "UCS-2" ? DATA_CODING_UCS2 : DATA_CODING_GSM7;
  const encode = encoding === "UCS-2" ? encodeUcs2 : encodeGsm7;
  if (parts.length === 1) return [{ dataCoding, esmClass: 0, shortMessage: encode(parts[0]!) }];
  return parts.map((text, index) => ({
    dataCoding,
    esmClass: ESM_UDHI,
    shortMessage: Buffer.concat([concatenationHeader({ reference, total: parts.length, sequence: index + 1 }), encode(text)]),
  }));
}

type Alphabet = "gsm7" | "ascii" | "ucs2" | "8bit";

function alphabetOf(dataCoding: number): Alphabet {
  if (dataCoding === 0x00) return "gsm7";
  if (dataCoding === 0x01) return "ascii";
  if (dataCoding === 0x08) return "ucs2";
  // GSM 03.38 coding schemes some SMSCs pass through: the general group with a message class
  // (0x10-0x1F, bits 2-3 the alphabet) and group 1111 (0xF0-0xFF, bit 2 set for 8-bit data).
  if ((dataCoding & 0xf0) === 0x10) return (["gsm7", "8bit", "ucs2", "8bit"] as const)[(dataCoding >> 2) & 0x03]!;
  if ((dataCoding & 0xf0) === 0xf0) return dataCoding & 0x04 ? "8bit" : "gsm7";
  // 0x03 Latin-1, and the 8-bit codings a handset text rarely uses: shown byte for byte.
  return "8bit";
}

/** The text of short_message octets (without UDH) in the given data_coding. */
export function decodeText(dataCoding: number, bytes: Buffer): string {
  switch (alphabetOf(dataCoding)) {
    case "gsm7":
      return decodeGsm7(bytes);
    case "ascii":
      return bytes.toString("ascii");
    case "ucs2":
      // A stray odd octet cannot be half a character: dropped.
      return Buffer.from(bytes.subarray(0, bytes.length - (bytes.length % 2))).swap16().toString("utf16le");
    case "8bit":
      return bytes.toString("latin1");
  }
}
