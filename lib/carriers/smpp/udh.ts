// The concatenation information element of a User Data Header (3GPP TS 23.040 9.2.3.24.1): how a
// long SMS is split into parts that the handset joins again.

/** esm_class bit saying short_message starts with a UDH. */
export const ESM_UDHI = 0x40;

export interface Concatenation {
  reference: number;
  total: number;
  /** 1-based. */
  sequence: number;
}

/** The 6-octet UDH `05 00 03 ref total seq` (8-bit reference) that starts each part. */
export function concatenationHeader({ reference, total, sequence }: Concatenation): Buffer {
  return Buffer.from([0x05, 0x00, 0x03, reference & 0xff, total, sequence]);
}

/**
 * The concatenation element among a UDH's information elements (each `id length data...`), 8-bit
 * (IE 0x00) or 16-bit (IE 0x08) reference, or null when the header has none or it is malformed.
 */
export function findConcatenation(elements: Buffer[]): Concatenation | null {
  for (const ie of elements) {
    if (ie[0] === 0x00 && ie[1] === 3 && ie.length >= 5) return valid({ reference: ie[2]!, total: ie[3]!, sequence: ie[4]! });
    if (ie[0] === 0x08 && ie[1] === 4 && ie.length >= 6) return valid({ reference: ie.readUInt16BE(2), total: ie[4]!, sequence: ie[5]! });
  }
  return null;
}

function valid(c: Concatenation): Concatenation | null {
  return c.total >= 1 && c.sequence >= 1 && c.sequence <= c.total ? c : null;
}
