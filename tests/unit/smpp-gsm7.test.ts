// GSM 03.38 septets for SMPP data_coding 0, and the other short_message codings, byte for byte.
import { describe, expect, it } from "vitest";
import { decodeGsm7, encodeGsm7 } from "@/lib/carriers/smpp/gsm7";
import { decodeText, encodeParts } from "@/lib/carriers/smpp/short-message";

const hex = (bytes: Buffer) => bytes.toString("hex");

describe("GSM-7 septets", () => {
  it("maps ASCII-range text to its GSM code points, not to ASCII", () => {
    // @ is 0x00, $ 0x02, _ 0x11 in GSM 03.38; letters, digits and most punctuation match ASCII.
    expect(hex(encodeGsm7("Hi @ $5_ok"))).toBe("48692000200235116f6b");
  });

  it("maps the national characters of the basic table", () => {
    expect([...encodeGsm7("£¥èéùìòÇØøÅåΔΦΓΛΩΠΨΣΘΞÆæßÉ¤¡ÄÖÑÜ§¿äöñüà")]).toEqual([
      0x01, 0x03, 0x04, 0x05, 0x06, 0x07, 0x08, 0x09, 0x0b, 0x0c, 0x0e, 0x0f, 0x10, 0x12, 0x13, 0x14, 0x15, 0x16, 0x17, 0x18, 0x19, 0x1a, 0x1c, 0x1d,
      0x1e, 0x1f, 0x24, 0x40, 0x5b, 0x5c, 0x5d, 0x5e, 0x5f, 0x60, 0x7b, 0x7c, 0x7d, 0x7e, 0x7f,
    ]);
  });

  it("writes each extension character as ESC followed by its code", () => {
    expect(hex(encodeGsm7("€[]{}\\^~|\f"))).toBe("1b651b3c1b3e1b281b291b2f1b141b3d1b401b0a");
  });

  it("puts ? for a character outside the alphabet", () => {
    expect(hex(encodeGsm7("a😀b"))).toBe("613f62");
  });

  it("decodes what it encodes, including escapes and newlines", () => {
    const text = "Ünïcode? No: €5 [sale] {today} ~ok~ \\o/ | @home\r\nÆble";
    expect(decodeGsm7(encodeGsm7(text.replace("ï", "i")))).toBe(text.replace("ï", "i"));
  });

  it("decodes an escape to an unassigned code as the basic character, and ignores a trailing escape", () => {
    expect(decodeGsm7(Buffer.from([0x41, 0x1b, 0x42, 0x43, 0x1b]))).toBe("ABC");
  });
});

describe("short_message parts", () => {
  it("sends a single GSM-7 part as data_coding 0 without UDH", () => {
    expect(encodeParts("GSM-7", ["Hello"], 7)).toEqual([{ dataCoding: 0, esmClass: 0, shortMessage: Buffer.from("Hello", "ascii") }]);
  });

  it("sends UCS-2 as big-endian UTF-16, an emoji as its surrogate pair", () => {
    const [part] = encodeParts("UCS-2", ["Hé😀"], 7);
    expect(part!.dataCoding).toBe(8);
    expect(hex(part!.shortMessage)).toBe("004800e9d83dde00");
  });

  it("puts 05 00 03 ref total seq before each part of a long message, with esm_class UDHI", () => {
    const parts = encodeParts("GSM-7", ["a".repeat(153), "b€"], 0x1a5);
    expect(parts.map((p) => p.esmClass)).toEqual([0x40, 0x40]);
    expect(hex(parts[0]!.shortMessage.subarray(0, 6))).toBe("050003a50201");
    expect(parts[0]!.shortMessage.length).toBe(6 + 153);
    expect(hex(parts[1]!.shortMessage)).toBe("050003a50202621b65");
  });

  it("decodes by data_coding: GSM-7, IA5, Latin-1, UCS-2 and the GSM 03.38 schemes SMSCs pass through", () => {
    expect(decodeText(0x00, Buffer.from([0x00, 0x41, 0x1b, 0x65]))).toBe("@A€");
    expect(decodeText(0x01, Buffer.from("@home", "ascii"))).toBe("@home");
    expect(decodeText(0x03, Buffer.from("café", "latin1"))).toBe("café");
    expect(decodeText(0x08, Buffer.from("004800e9d83dde00", "hex"))).toBe("Hé😀");
    expect(decodeText(0x18, Buffer.from("00e9", "hex"))).toBe("é");
    expect(decodeText(0xf0, Buffer.from([0x00]))).toBe("@");
  });
});
