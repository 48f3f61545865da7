import { describe, expect, it } from "vitest";
import { DomainError } from "@/lib/errors";
import { checkMediaFile, checkMessageMedia, MediaTooLargeError } from "@/lib/media/check-media-file";
import { formatBytes, normalizeContentType } from "@/lib/media/media-types";
import { SNIFF_BYTES, sniffMediaType } from "@/lib/media/sniff-media-type";
import { mediaBytes } from "@/tests/support/media-fixtures";

const file = (name: string, type: string, bytes: Uint8Array) => ({ name, type, size: bytes.byteLength, head: bytes });

function refusal(check: () => unknown): DomainError {
  try {
    check();
  } catch (error) {
    expect(error).toBeInstanceOf(DomainError);
    return error as DomainError;
  }
  throw new Error("expected the check to refuse");
}

describe("sniffMediaType", () => {
  it("tells each supported format from its first bytes", () => {
    expect(sniffMediaType(mediaBytes("jpeg"))).toEqual(["image/jpeg"]);
    expect(sniffMediaType(mediaBytes("png"))).toEqual(["image/png"]);
    expect(sniffMediaType(mediaBytes("gif"))).toEqual(["image/gif"]);
    expect(sniffMediaType(mediaBytes("webp"))).toEqual(["image/webp"]);
    expect(sniffMediaType(mediaBytes("3gp"))).toEqual(["video/3gpp"]);
    expect(sniffMediaType(mediaBytes("m4a"))).toEqual(["audio/mp4"]);
    expect(sniffMediaType(mediaBytes("mp3"))).toEqual(["audio/mpeg"]);
    expect(sniffMediaType(mediaBytes("mp3Frame"))).toEqual(["audio/mpeg"]);
    expect(sniffMediaType(mediaBytes("amr"))).toEqual(["audio/amr"]);
    expect(sniffMediaType(mediaBytes("ogg"))).toEqual(["audio/ogg"]);
  });

  it("keeps both readings of a generic MP4 container, video first", () => {
    expect(sniffMediaType(mediaBytes("mp4"))).toEqual(["video/mp4", "audio/mp4"]);
  });

  it("recognises nothing it does not support, however the bytes are cut", () => {
    for (const format of ["pdf", "aac", "amrWb"] as const) expect(sniffMediaType(mediaBytes(format))).toEqual([]);
    expect(sniffMediaType(new Uint8Array())).toEqual([]);
    expect(sniffMediaType(mediaBytes("png", 4))).toEqual([]);
    expect(sniffMediaType(mediaBytes("mp4", 10))).toEqual([]);
    expect(sniffMediaType(mediaBytes("webp", 11))).toEqual([]);
  });
});

describe("checkMediaFile", () => {
  it("answers the type the file is stored as, accepting the names browsers give", () => {
    expect(checkMediaFile(file("a.jpg", "image/jpeg", mediaBytes("jpeg")))).toBe("image/jpeg");
    expect(checkMediaFile(file("a.jpg", "image/JPG", mediaBytes("jpeg")))).toBe("image/jpeg");
    expect(checkMediaFile(file("a.m4a", "audio/x-m4a", mediaBytes("m4a")))).toBe("audio/mp4");
    expect(checkMediaFile(file("a.mp3", "audio/mp3", mediaBytes("mp3")))).toBe("audio/mpeg");
    expect(checkMediaFile(file("a.ogg", "audio/ogg; codecs=opus", mediaBytes("ogg")))).toBe("audio/ogg");
  });

  it("takes the type from the bytes when the browser claims none", () => {
    expect(checkMediaFile(file("voice.amr", "", mediaBytes("amr")))).toBe("audio/amr");
    expect(checkMediaFile(file("clip", "application/octet-stream", mediaBytes("mp4")))).toBe("video/mp4");
  });

  it("accepts an MP4 container as audio or video, but an M4A file only as audio", () => {
    expect(checkMediaFile(file("song.mp4", "audio/mp4", mediaBytes("mp4")))).toBe("audio/mp4");
    const error = refusal(() => checkMediaFile(file("song.m4a", "video/mp4", mediaBytes("m4a"))));
    expect(error.message).toBe('"song.m4a" is an M4A audio file, but was sent as an MP4 video');
  });

  it("refuses a file whose bytes say another type than it claims, naming both", () => {
    const error = refusal(() => checkMediaFile(file("photo.png", "image/png", mediaBytes("jpeg"))));
    expect({ code: error.code, field: error.field, message: error.message }).toEqual({
      code: "BAD_REQUEST",
      field: "file",
      message: '"photo.png" is a JPEG image, but was sent as a PNG image',
    });
    expect(refusal(() => checkMediaFile(file("x.heic", "image/heic", mediaBytes("jpeg")))).message).toBe(
      '"x.heic" is a JPEG image, but was sent as image/heic',
    );
  });

  it("refuses unsupported and empty files by name", () => {
    expect(refusal(() => checkMediaFile(file("terms.pdf", "application/pdf", mediaBytes("pdf")))).message).toMatch(
      /^"terms\.pdf" is not a supported file \(send JPEG, PNG, GIF or WebP images/,
    );
    expect(refusal(() => checkMediaFile(file("song.aac", "audio/aac", mediaBytes("aac")))).message).toMatch(/^"song\.aac" is not a supported file/);
    expect(refusal(() => checkMediaFile(file("blank.png", "image/png", new Uint8Array()))).message).toBe('"blank.png" is empty');
  });

  it("allows 5 MB per file and refuses a byte more, as too large", () => {
    expect(checkMediaFile(file("max.jpg", "image/jpeg", mediaBytes("jpeg", 5_000_000)))).toBe("image/jpeg");
    const image = refusal(() => checkMediaFile(file("big.jpg", "image/jpeg", mediaBytes("jpeg", 5_000_001))));
    expect(image).toBeInstanceOf(MediaTooLargeError);
    expect(image.message).toBe('"big.jpg" is 5.1 MB; images can be at most 5 MB');
    const video = refusal(() => checkMediaFile(file("clip.mp4", "video/mp4", mediaBytes("mp4", 7_200_000))));
    expect(video.message).toBe('"clip.mp4" is 7.2 MB; videos can be at most 5 MB');
    expect(refusal(() => checkMediaFile(file("v.ogg", "", mediaBytes("ogg", 5_000_001)))).message).toMatch(/audio files can be at most 5 MB/);
  });

  it("needs only the file's first bytes and its size, as the browser checks before uploading", () => {
    const head = mediaBytes("mp4", 7_200_000).subarray(0, SNIFF_BYTES);
    expect(refusal(() => checkMediaFile({ name: "clip.mp4", type: "video/mp4", size: 7_200_000, head })).message).toBe(
      '"clip.mp4" is 7.2 MB; videos can be at most 5 MB',
    );
    for (const format of ["jpeg", "png", "gif", "webp", "mp4", "m4a", "3gp", "mp3", "amr", "ogg"] as const) {
      expect(sniffMediaType(mediaBytes(format).subarray(0, SNIFF_BYTES))).toEqual(sniffMediaType(mediaBytes(format)));
    }
  });

  it("names the field it is told", () => {
    expect(refusal(() => checkMediaFile(file("x", "", new Uint8Array()), "media.0")).field).toBe("media.0");
  });
});

describe("checkMessageMedia", () => {
  const files = (count: number, size: number) => Array.from({ length: count }, () => ({ size }));

  it("allows 10 files and 5 MB in all per message", () => {
    expect(() => checkMessageMedia(files(10, 500_000))).not.toThrow();
    expect(() => checkMessageMedia([])).not.toThrow();
  });

  it("refuses an eleventh file", () => {
    const error = refusal(() => checkMessageMedia(files(11, 1)));
    expect({ code: error.code, field: error.field }).toEqual({ code: "BAD_REQUEST", field: "mediaIds" });
    expect(error.message).toBe("A message can carry at most 10 media files (this one has 11)");
  });

  it("refuses files that are each small enough but too large together", () => {
    const error = refusal(() => checkMessageMedia([{ size: 3_000_000 }, { size: 2_000_001 }]));
    expect(error).toBeInstanceOf(MediaTooLargeError);
    expect(error.message).toBe("A message's media can be at most 5 MB in all (these files are 5.1 MB)");
  });
});

describe("formatBytes and normalizeContentType", () => {
  it("reads sizes in decimal units, rounded up", () => {
    expect([999, 1_000, 812_001, 999_999, 1_000_000, 4_200_000, 5_000_001].map(formatBytes)).toEqual([
      "999 bytes",
      "1 KB",
      "813 KB",
      "1000 KB",
      "1 MB",
      "4.2 MB",
      "5.1 MB",
    ]);
  });

  it("lower-cases, drops parameters and maps aliases", () => {
    expect(normalizeContentType(" Image/PJPEG ")).toBe("image/jpeg");
    expect(normalizeContentType("video/3gp")).toBe("video/3gpp");
    expect(normalizeContentType("Text/Plain; charset=utf-8")).toBe("text/plain");
  });
});
