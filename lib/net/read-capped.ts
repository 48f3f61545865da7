// A request body read up to a limit: streamed, and cancelled as soon as it passes the limit, so an
// oversized body is refused after `limit` bytes instead of being buffered whole.
export type CappedBody = { tooLarge: false; bytes: Uint8Array } | { tooLarge: true; head: Uint8Array };

export async function readCapped(body: ReadableStream<Uint8Array> | null, limit: number): Promise<CappedBody> {
  const chunks: Uint8Array[] = [];
  let total = 0;
  if (body) {
    const reader = body.getReader();
    for (let read = await reader.read(); !read.done; read = await reader.read()) {
      chunks.push(read.value);
      total += read.value.byteLength;
      if (total > limit) {
        await reader.cancel();
        return { tooLarge: true, head: chunks[0]! };
      }
    }
  }
  return { tooLarge: false, bytes: Buffer.concat(chunks) };
}
