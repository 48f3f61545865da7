// The first bytes of each media format, padded to a given size: enough for type sniffing, the size
// limits and storage round trips, without shipping real media files.
const text = (s: string) => [...s].map((c) => c.charCodeAt(0));

export const MEDIA_HEADS = {
  jpeg: [0xff, 0xd8, 0xff, 0xe0, 0x00, 0x10, ...text("JFIF")],
  png: [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a],
  gif: text("GIF89a"),
  webp: [...text("RIFF"), 0x24, 0x00, 0x00, 0x00, ...text("WEBPVP8 ")],
  mp4: [0x00, 0x00, 0x00, 0x18, ...text("ftypisom"), 0x00, 0x00, 0x02, 0x00],
  m4a: [0x00, 0x00, 0x00, 0x1c, ...text("ftypM4A "), 0x00, 0x00, 0x00, 0x00],
  "3gp": [0x00, 0x00, 0x00, 0x14, ...text("ftyp3gp4"), 0x00, 0x00, 0x00, 0x00],
  mp3: [...text("ID3"), 0x04, 0x00],
  mp3Frame: [0xff, 0xfb, 0x90, 0x64],
  amr: text("#!AMR\n"),
  ogg: [...text("OggS"), 0x00, 0x02],
  // Not accepted:
  aac: [0xff, 0xf1, 0x50, 0x80],
  amrWb: text("#!AMR-WB\n"),
  pdf: text("%PDF-1.7"),
} satisfies Record<string, number[]>;

/** A file of `size` bytes that starts like `format`; the rest is a repeating pattern. */
export function mediaBytes(format: keyof typeof MEDIA_HEADS, size = 1_024): Uint8Array {
  const bytes = new Uint8Array(size);
  for (let i = 0; i < size; i++) bytes[i] = (i * 31 + 7) & 0xff;
  bytes.set(MEDIA_HEADS[format].slice(0, size));
  return bytes;
}
