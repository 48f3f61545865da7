// Verification codes: random digits from the OS's CSPRNG, kept only as an HMAC-SHA256 of the code
// and the verification's id, under a key derived from AUTH_SECRET for this one use. The id in the
// MAC makes equal codes of two verifications differ at rest, and without AUTH_SECRET a stolen table
// cannot be brute-forced over the mere 10^4..10^10 possible codes.
import { createHmac, randomInt, timingSafeEqual } from "node:crypto";
import { env } from "@/lib/env";

const codeKey = () => createHmac("sha256", env.AUTH_SECRET).update("textstack:verification-code:v1").digest();

const mac = (verificationId: string, code: string) => createHmac("sha256", codeKey()).update(`${verificationId}:${code}`).digest();

/** `length` uniformly random decimal digits (leading zeros included). */
export function generateCode(length: number): string {
  let code = "";
  for (let i = 0; i < length; i++) code += String(randomInt(10));
  return code;
}

export const hashCode = (verificationId: string, code: string): string => mac(verificationId, code).toString("hex");

/** Whether `code` is the one hashed into `codeHash`, in time independent of where they differ. */
export function codeMatches(verificationId: string, code: string, codeHash: string): boolean {
  const expected = Buffer.from(codeHash, "hex");
  const given = mac(verificationId, code);
  // Both are 32-byte MACs; a malformed stored hash must fail, not throw in timingSafeEqual.
  return expected.length === given.length && timingSafeEqual(given, expected);
}
