// What the start of an uploaded file says about it: UTF-8 or not, a byte-order mark, and which of
// `,` `;` or tab separates its fields (the one that splits the first lines most consistently).
export const DELIMITERS = [",", ";", "\t"] as const;
export type Delimiter = (typeof DELIMITERS)[number];

const UTF8_BOM = [0xef, 0xbb, 0xbf];

export function hasBom(head: Uint8Array): boolean {
  return UTF8_BOM.every((b, i) => head[i] === b);
}

/** The head decoded, or null when it is not UTF-8 (a cut multi-byte character at the end is fine). */
export function decodeHead(head: Uint8Array): string | null {
  try {
    return new TextDecoder("utf-8", { fatal: true }).decode(head, { stream: true });
  } catch {
    return null;
  }
}

/** Counts of each delimiter outside quotes, per line, over the first lines of `text`. */
function countsPerLine(text: string, maxLines: number): Record<Delimiter, number>[] {
  const lines: Record<Delimiter, number>[] = [];
  let current = { ",": 0, ";": 0, "\t": 0 };
  let quoted = false;
  for (let i = 0; i < text.length && lines.length < maxLines; i++) {
    const ch = text[i]!;
    if (ch === '"') quoted = !quoted;
    else if (!quoted && ch === "\n") {
      lines.push(current);
      current = { ",": 0, ";": 0, "\t": 0 };
    } else if (!quoted && (ch === "," || ch === ";" || ch === "\t")) current[ch]++;
  }
  if (lines.length === 0) lines.push(current);
  return lines;
}

export function sniffDelimiter(text: string): Delimiter {
  const lines = countsPerLine(text, 20);
  let best: Delimiter = ",";
  let bestScore = -1;
  for (const d of DELIMITERS) {
    const header = lines[0]![d];
    if (header === 0) continue;
    // Lines that split into as many fields as the header, weighted by how many fields that is.
    const consistent = lines.filter((l) => l[d] === header).length;
    const score = consistent * 1000 + header;
    if (score > bestScore) {
      best = d;
      bestScore = score;
    }
  }
  return best;
}
