// API key tokens: `tsk_live_` + 40 random base62 characters (~238 bits). Only the SHA-256 of a token
// is stored (a fast hash is enough for a random secret this long, and lets each request find its
// key by an indexed lookup); the preview keeps the last four characters to tell keys apart.
import { createHash, randomBytes } from "node:crypto";

const TOKEN_PREFIX = "tsk_live_";
const RANDOM_LENGTH = 40;
const BASE62 = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";
const TOKEN_PATTERN = new RegExp(`^${TOKEN_PREFIX}[0-9A-Za-z]{32,64}$`);

function randomBase62(length: number): string {
  let out = "";
  while (out.length < length) {
    for (const byte of randomBytes(length)) {
      // 248 = 4 * 62: bytes above it are dropped so every character is equally likely.
      if (byte < 248 && out.length < length) out += BASE62[byte % 62];
    }
  }
  return out;
}

export const hashApiKey = (token: string) => createHash("sha256").update(token).digest("hex");

export const looksLikeApiKey = (token: string) => TOKEN_PATTERN.test(token);

export function newApiKeyToken(): { token: string; keyHash: string; preview: string } {
  const token = `${TOKEN_PREFIX}${randomBase62(RANDOM_LENGTH)}`;
  return { token, keyHash: hashApiKey(token), preview: `${TOKEN_PREFIX}…${token.slice(-4)}` };
}
