// Twilio message sids (`SM` + 32 hex) for our message ids, derived and reversible, so nothing is
// stored: a message id is `msg_` + 24 Crockford base32 characters (120 bits), which is 30 hex
// digits; the sid is those digits after "00" (the version of this encoding). Page tokens reuse it.
const ALPHABET = "0123456789abcdefghjkmnpqrstvwxyz"; // lib/ids.ts
const ID_PATTERN = /^msg_[0-9a-hjkmnp-tv-z]{24}$/;
const SID_PATTERN = /^SM00[0-9a-f]{30}$/;

export function messageSid(messageId: string): string {
  if (!ID_PATTERN.test(messageId)) throw new Error(`Not a message id: ${messageId}`);
  let bits = 0n;
  for (const char of messageId.slice(4)) bits = (bits << 5n) | BigInt(ALPHABET.indexOf(char));
  return `SM00${bits.toString(16).padStart(30, "0")}`;
}

/** The message id of a sid, or null when the text is not a sid this encoding made. */
export function messageIdOfSid(sid: string): string | null {
  if (!SID_PATTERN.test(sid)) return null;
  let bits = BigInt(`0x${sid.slice(4)}`);
  let out = "";
  for (let i = 0; i < 24; i++) {
    out = ALPHABET[Number(bits & 31n)] + out;
    bits >>= 5n;
  }
  return `msg_${out}`;
}
