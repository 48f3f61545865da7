import { describe, expect, it } from "vitest";
import { segmentMessage } from "@/lib/sms/segments";
import { SMART_REPLACEMENTS, smartEncode } from "@/lib/sms/smart-encoding";

describe("smartEncode", () => {
  it("turns a message that was UCS-2 only because of smart quotes into GSM-7", () => {
    const text = "We’re open “late” tonight – see you at Joe’s…";
    expect(segmentMessage(text).encoding).toBe("UCS-2");

    const encoded = smartEncode(text);
    expect(encoded.text).toBe(`We're open "late" tonight - see you at Joe's...`);
    expect(segmentMessage(encoded.text).encoding).toBe("GSM-7");
    expect(encoded.replacements).toEqual([
      { from: "’", to: "'", count: 2 },
      { from: "“", to: '"', count: 1 },
      { from: "”", to: '"', count: 1 },
      { from: "–", to: "-", count: 1 },
      { from: "…", to: "...", count: 1 },
    ]);
  });

  it("saves segments: 150 characters with one curly apostrophe go from 3 UCS-2 parts to 1 SMS", () => {
    const text = `Don’t miss it. ${"x".repeat(135)}`;
    expect(text).toHaveLength(150);
    expect(segmentMessage(text).segmentCount).toBe(3);
    expect(segmentMessage(smartEncode(text).text)).toMatchObject({ encoding: "GSM-7", segmentCount: 1 });
  });

  it("replaces odd spaces with a space and drops zero-width characters", () => {
    const text = "Sale\u00a0today,\u200950%\u202foff\u200b!\ufeff Reply\u2002STOP";
    const encoded = smartEncode(text);
    expect(encoded.text).toBe("Sale today, 50% off! Reply STOP");
    expect(encoded.replacements.map((r) => [r.from, r.to])).toEqual([
      ["\u00a0", " "],
      ["\u2009", " "],
      ["\u202f", " "],
      ["\u200b", ""],
      ["\ufeff", ""],
      ["\u2002", " "],
    ]);
  });

  it("maps fullwidth forms, minus signs, primes and bullets to their ASCII look-alikes", () => {
    expect(smartEncode("ＳＡＬＥ！ ５０％ ｏｆｆ").text).toBe("SALE! 50% off");
    expect(smartEncode("−5 at 6′2″ • done").text).toBe(`-5 at 6'2" - done`);
  });

  it("leaves real emoji and CJK alone, with the look-alikes beside them (the message stays UCS-2 anyway)", () => {
    for (const text of ["Thanks! 🎉 We’re “open”", "你好。我们明天见、谢谢", "Party 👨‍👩‍👧‍👦 – tonight…", "Hi 🇺🇸\u00a0friends"]) {
      expect(smartEncode(text), text).toEqual({ text, replacements: [] });
    }
  });

  it("leaves GSM-7 text, accents and the GSM extension characters as they are", () => {
    const text = "Café Ñoño: 10€ [x] {y} ~z^ |w| \\ \nÄÖÜ äöüß èéùìò";
    expect(segmentMessage(text).encoding).toBe("GSM-7");
    expect(smartEncode(text)).toEqual({ text, replacements: [] });
    expect(smartEncode("")).toEqual({ text: "", replacements: [] });
  });

  it("does not take accents off letters written with combining marks", () => {
    // "ê" as e + U+0302: Twilio's table maps U+0302 to "^", which would print "e^".
    const text = "Cre\u0302pes ’n’ more";
    expect(smartEncode(text)).toEqual({ text, replacements: [] });
  });

  it("replaces every character of its table with GSM-7 characters only", () => {
    expect(SMART_REPLACEMENTS.size).toBeGreaterThan(250);
    for (const [from, to] of SMART_REPLACEMENTS) {
      const label = `U+${from.codePointAt(0)!.toString(16).toUpperCase().padStart(4, "0")}`;
      expect(segmentMessage(from).encoding, `${label} is already GSM-7`).toBe("UCS-2");
      if (to !== "") expect(segmentMessage(to).encoding, `${label} -> ${JSON.stringify(to)}`).toBe("GSM-7");
      expect(smartEncode(`a${from}b`).text, label).toBe(`a${to}b`);
    }
  });
});
