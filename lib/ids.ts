// Prefixed, time-ordered IDs: `ct_01jf...`. The prefix says what an ID is; the time part makes
// "newest first" the same order as "id descending", which the cursor pagination relies on.
import { pooledRandomBytes } from "@/lib/random-bytes";

const ALPHABET = "0123456789abcdefghjkmnpqrstvwxyz"; // Crockford base32, lower case

export const ID_PREFIXES = {
  user: "usr",
  organization: "org",
  membership: "mem",
  invitation: "inv",
  contact: "ct",
  list: "lst",
  customField: "cf",
  audit: "aud",
  event: "evt",
  run: "run",
  batch: "bat",
  connection: "conn",
  sender: "snd",
  message: "msg",
  messageEvent: "mev",
  consent: "cns",
  media: "med",
  apiKey: "key",
  webhookEndpoint: "we",
  webhookDelivery: "wd",
  webhookAttempt: "wa",
  verification: "ver",
  segment: "seg",
  contactImport: "imp",
  campaign: "cmp",
  shortLink: "lnk",
  linkClick: "clk",
  keywordRule: "kwr",
  keywordMatch: "kwm",
  conversation: "cnv",
  conversationNote: "cnn",
  savedReply: "srp",
  workflow: "wf",
  workflowVersion: "wfv",
  workflowRun: "wfr",
  workflowRunStep: "wrs",
} as const;

export type IdKind = keyof typeof ID_PREFIXES;

function encodeTime(ms: number): string {
  let out = "";
  for (let i = 0; i < 10; i++) {
    out = ALPHABET[ms % 32] + out;
    ms = Math.floor(ms / 32);
  }
  return out;
}

function encodeRandom(length: number, bytes: Uint8Array = pooledRandomBytes(length)): string {
  let out = "";
  for (let i = 0; i < length; i++) out += ALPHABET[bytes[i]! & 31];
  return out;
}

/**
 * A new ID; `at` backdates it for imported records, so their order matches their creation time.
 * `random` (14 bytes) makes it deterministic: the job executor derives event ids from the seed the
 * SDK sends, so a retried send yields the same ids.
 */
export function newId(kind: IdKind, at: Date = new Date(), random?: Uint8Array): string {
  return `${ID_PREFIXES[kind]}_${encodeTime(at.getTime())}${encodeRandom(14, random)}`;
}

/**
 * The smallest id of `kind` made at `at` (its prefix and time part alone): ids at or after `at`
 * compare >= it, so a range of times is a range of the id's index.
 */
export function firstIdAt(kind: IdKind, at: Date): string {
  return `${ID_PREFIXES[kind]}_${encodeTime(at.getTime())}`;
}

/**
 * The time an id was made, from its time part (the id may stop after it, or part-way through it:
 * the missing characters count as the smallest, so a prefix gives the start of its span).
 */
export function idTime(id: string): number {
  const time = id.slice(id.indexOf("_") + 1, id.indexOf("_") + 11).padEnd(10, ALPHABET[0]);
  let ms = 0;
  for (const char of time) ms = ms * 32 + ALPHABET.indexOf(char);
  return ms;
}
