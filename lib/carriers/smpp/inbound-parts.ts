// Long inbound texts arrive as one deliver_sm per part, each with a concatenation UDH; the parts
// are kept until all have come and reported as one text. Parts that never complete are reported as
// far as they came after a while, rather than lost.
import { decodeText } from "@/lib/carriers/smpp/short-message";
import type { Concatenation } from "@/lib/carriers/smpp/udh";

export interface InboundPart {
  dataCoding: number;
  /** The user data after the UDH. */
  bytes: Buffer;
}

interface Entry<T> {
  parts: (T | undefined)[];
  timer: NodeJS.Timeout;
}

/** One text from parts in order; the octets are joined first, so a character split across parts survives. */
export function joinParts(parts: InboundPart[]): string {
  const [first] = parts;
  if (!first) return "";
  if (parts.every((part) => part.dataCoding === first.dataCoding)) return decodeText(first.dataCoding, Buffer.concat(parts.map((part) => part.bytes)));
  return parts.map((part) => decodeText(part.dataCoding, part.bytes)).join("");
}

export class InboundParts<T> {
  private entries = new Map<string, Entry<T>>();

  constructor(
    private readonly timeoutMs: number,
    private readonly onIncomplete: (parts: T[]) => void,
  ) {}

  /**
   * Keeps a part; returns every part in order once all have come (the entry stays until done(), so
   * a last part delivered again after a failed report completes it again).
   */
  add(key: string, concatenation: Concatenation, part: T): T[] | null {
    let entry = this.entries.get(key);
    if (!entry) {
      const timer = setTimeout(() => {
        this.entries.delete(key);
        this.onIncomplete(entry!.parts.filter((p): p is T => p !== undefined));
      }, this.timeoutMs);
      entry = { parts: new Array(concatenation.total).fill(undefined), timer };
      this.entries.set(key, entry);
    }
    entry.parts[concatenation.sequence - 1] = part;
    return entry.parts.every((p) => p !== undefined) ? (entry.parts as T[]) : null;
  }

  done(key: string) {
    const entry = this.entries.get(key);
    if (entry) clearTimeout(entry.timer);
    this.entries.delete(key);
  }

  /** Reports what is waiting as it stands (the adapter is closing, and those parts were answered). */
  flush() {
    for (const entry of this.entries.values()) {
      clearTimeout(entry.timer);
      this.onIncomplete(entry.parts.filter((p): p is T => p !== undefined));
    }
    this.entries.clear();
  }
}
