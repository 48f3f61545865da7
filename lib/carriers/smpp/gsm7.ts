// GSM 03.38 default alphabet for SMPP data_coding 0: one septet per octet, unpacked, as SMPP
// carries it (the SMSC packs septets for the air interface). Extension characters are ESC (0x1B)
// followed by their code in the extension table.

// The basic table in code order: the character at index n has code n (0x1B is the escape).
const BASIC =
  "@£$¥èéùìòÇ\nØø\rÅåΔ_ΦΓΛΩΠΨΣΘΞ\u001bÆæßÉ !\"#¤%&'()*+,-./0123456789:;<=>?¡ABCDEFGHIJKLMNOPQRSTUVWXYZÄÖÑÜ§¿abcdefghijklmnopqrstuvwxyzäöñüà";
const EXTENSION: Record<string, number> = { "\f": 0x0a, "^": 0x14, "{": 0x28, "}": 0x29, "\\": 0x2f, "[": 0x3c, "~": 0x3d, "]": 0x3e, "|": 0x40, "€": 0x65 };
const ESC = 0x1b;

const basicCode = new Map([...BASIC].map((char, code) => [char, code]));
basicCode.delete("\u001b");
const extensionChar = new Map(Object.entries(EXTENSION).map(([char, code]) => [code, char]));

/** The septets of `text`; a character outside the alphabet (never chosen for GSM-7 by segments.ts) becomes "?". */
export function encodeGsm7(text: string): Buffer {
  const out: number[] = [];
  for (const char of text) {
    const code = basicCode.get(char);
    if (code !== undefined) out.push(code);
    else if (char in EXTENSION) out.push(ESC, EXTENSION[char]!);
    else out.push(0x3f);
  }
  return Buffer.from(out);
}

export function decodeGsm7(bytes: Uint8Array): string {
  let text = "";
  for (let i = 0; i < bytes.length; i++) {
    const code = bytes[i]! & 0x7f;
    if (code !== ESC) {
      text += BASIC[code];
      continue;
    }
    const next = bytes[++i];
    if (next === undefined) break;
    // An escape to an unassigned code shows the basic character, as 03.38 says handsets should.
    text += extensionChar.get(next & 0x7f) ?? BASIC[next & 0x7f]!.replace("\u001b", " ");
  }
  return text;
}
