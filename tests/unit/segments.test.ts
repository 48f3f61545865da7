// segmentMessage against Twilio's own calculator (sms-segments-calculator) over a large generated
// corpus, plus the boundary cases worth reading on their own.
import { SegmentedMessage } from "sms-segments-calculator";
import { describe, expect, it } from "vitest";
import { segmentMessage } from "@/lib/sms/segments";

function reference(text: string) {
  const message = new SegmentedMessage(text);
  // Array.from: a Segment is an Array subclass whose own constructor would run on filter().
  const segments = message.segments.map((segment) =>
    Array.from(segment)
      .filter((c): c is typeof c & { raw: string } => typeof (c as { raw?: unknown }).raw === "string")
      .map((c) => c.raw)
      .join(""),
  );
  return {
    encoding: message.encodingName,
    segmentCount: message.segmentsCount,
    segments,
    nonGsmCharacters: [...new Set(message.getNonGsmCharacters())],
  };
}

const POOLS = {
  gsm: [..."@£$¥èéùìòÇ\nØø\rÅåΔ_ΦΓΛΩΠΨΣΘΞÆæßÉ !\"#¤%&'()*+,-./0123456789:;<=>?¡ABCXYZÄÖÑÜ§¿abcxyzäöñüà"],
  extension: [..."\f^{}\\[~]|€"],
  accented: [..."áâêíóúçãõœÁÊÍÓÚ"],
  emoji: ["😀", "👍🏽", "👨‍👩‍👧‍👦", "🇺🇸", "❤️", "🎉", "🧑🏿‍🚀"],
  cjk: [..."你好世界日本語한국어"],
  lookalike: ["“", "”", "‘", "’", "–", "—", "\u00a0", "…"],
};
type Pool = keyof typeof POOLS;

// Seeded, so a failure names a message that can be reproduced.
function prng(seed: number) {
  return () => {
    seed = (Math.imul(seed, 1664525) + 1013904223) >>> 0;
    return seed / 2 ** 32;
  };
}

const LENGTHS = [0, 1, 66, 67, 68, 69, 70, 71, 133, 134, 135, 152, 153, 154, 159, 160, 161, 200, 305, 306, 307, 459, 460, 500];

function corpus(size: number): string[] {
  const random = prng(20261122);
  const pick = <T,>(items: readonly T[]) => items[Math.floor(random() * items.length)]!;
  const mixes: Pool[][] = [["gsm"], ["gsm", "extension"], ["gsm", "accented"], ["gsm", "emoji"], ["cjk"], ["gsm", "extension", "emoji", "cjk"], ["gsm", "lookalike"], ["emoji"]];
  const messages: string[] = [];
  for (let i = 0; i < size; i++) {
    const mix = pick(mixes);
    const length = pick(LENGTHS) + (random() < 0.3 ? Math.floor(random() * 5) - 2 : 0);
    let text = "";
    for (let n = 0; n < length; n++) {
      // Mostly the mix's first pool, so rare characters land near the boundaries too.
      text += pick(POOLS[random() < 0.85 ? mix[0]! : pick(mix)]);
    }
    messages.push(text);
  }
  return messages;
}

describe("segmentMessage", () => {
  it("agrees with Twilio's calculator on 3,000 generated messages", { timeout: 60_000 }, () => {
    const mismatches = corpus(3000)
      .map((text) => ({ text, ours: segmentMessage(text), theirs: reference(text) }))
      .filter(({ ours, theirs }) => {
        const compared = { encoding: ours.encoding, segmentCount: ours.segmentCount, segments: ours.segments, nonGsmCharacters: ours.nonGsmCharacters };
        return JSON.stringify(compared) !== JSON.stringify(theirs);
      });
    expect(mismatches.slice(0, 3)).toEqual([]);
  });

  it("counts GSM-7 at 160 single and 153 per part, extension characters as two and never split", () => {
    expect(segmentMessage("a".repeat(160))).toMatchObject({ encoding: "GSM-7", segmentCount: 1, units: 160, unitsPerSegment: 160 });
    expect(segmentMessage("a".repeat(161))).toMatchObject({ segmentCount: 2, unitsPerSegment: 153 });
    expect(segmentMessage("a".repeat(306)).segmentCount).toBe(2);
    expect(segmentMessage("a".repeat(307)).segmentCount).toBe(3);
    expect(segmentMessage("€".repeat(80))).toMatchObject({ segmentCount: 1, units: 160 });
    // 152 septets, then an extension character (2 septets) does not fit in part one: it moves whole.
    const parts = segmentMessage(`${"a".repeat(152)}€${"b".repeat(10)}`).segments;
    expect(parts[0]).toBe("a".repeat(152));
    expect(parts[1]!.startsWith("€")).toBe(true);
  });

  it("switches to UCS-2 at 70 / 67 and names the characters that forced it", () => {
    expect(segmentMessage(`${"a".repeat(69)}ç`)).toMatchObject({
      encoding: "UCS-2",
      segmentCount: 1,
      nonGsmCharacters: ["ç"],
      unitsPerSegment: 70,
    });
    expect(segmentMessage(`${"a".repeat(70)}ç`)).toMatchObject({ segmentCount: 2, unitsPerSegment: 67 });
    expect(segmentMessage("Hi “there” 😀 😀").nonGsmCharacters).toEqual(["“", "”", "😀"]);
  });

  it("never splits a surrogate pair or an emoji sequence across parts", () => {
    const parts = segmentMessage(`${"a".repeat(66)}😀${"b".repeat(10)}`).segments;
    expect(parts[0]).toBe("a".repeat(66));
    expect(parts[1]!.startsWith("😀")).toBe(true);
    const family = "👨‍👩‍👧‍👦";
    for (const part of segmentMessage(`${"x".repeat(60)}${family}${family}`).segments) {
      expect(part.replaceAll(family, "")).not.toMatch(/[\u200d\ud83d]/);
    }
  });
});
