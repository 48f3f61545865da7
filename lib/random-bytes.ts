// Cryptographically random bytes, drawn from a pool refilled 4 KiB at a time: the message pipeline
// makes several ids per message, thousands a second, and one randomBytes call per id cost more
// than everything else that makes an id (as crypto.randomUUID pools for the same reason).
import { randomFillSync } from "node:crypto";

const POOL_SIZE = 4096;
const pool = Buffer.allocUnsafe(POOL_SIZE);
let offset = POOL_SIZE;

/** `length` fresh random bytes (at most 256); a view that is only valid until the next call. */
export function pooledRandomBytes(length: number): Uint8Array {
  if (length > 256) throw new RangeError("pooledRandomBytes serves at most 256 bytes");
  if (offset + length > POOL_SIZE) {
    randomFillSync(pool);
    offset = 0;
  }
  const bytes = pool.subarray(offset, offset + length);
  offset += length;
  return bytes;
}
