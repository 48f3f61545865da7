// A short link's code and URL. Random base62, 7 characters: 62^7 ≈ 3.5e12 codes, so at a billion
// links a new code collides with a chance of one in 3,500, which the writer retries
// (insert-short-links.ts). Random, not sequential: a code must not tell how to reach other people's links.
import { env } from "@/lib/env";
import { LINK_CODE_LENGTH, shortLinkBase } from "@/lib/links/link-text";
import { pooledRandomBytes } from "@/lib/random-bytes";

const BASE62 = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";
/** Codes are exactly this: anything else at /l/ is unknown without a database lookup. */
export const LINK_CODE_PATTERN = new RegExp(`^[0-9A-Za-z]{${LINK_CODE_LENGTH}}$`);

export function newLinkCode(): string {
  let code = "";
  while (code.length < LINK_CODE_LENGTH) {
    for (const byte of pooledRandomBytes(LINK_CODE_LENGTH)) {
      // 248 = 4 × 62: bytes above would favour the first characters.
      if (byte < 248 && code.length < LINK_CODE_LENGTH) code += BASE62[byte % 62];
    }
  }
  return code;
}

/** APP_URL/l/ of this server. */
export const appShortLinkBase = () => shortLinkBase(env.APP_URL);

/** APP_URL/l/<code>: what a text carries instead of the URL. */
export const shortUrl = (code: string) => appShortLinkBase() + code;
