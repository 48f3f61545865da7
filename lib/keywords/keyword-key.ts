// How texts and keywords are compared: case- and space-insensitive. A keyword is stored as people
// wrote it, upper case with single spaces ("VIP CLUB"); its key drops everything but letters and
// digits ("VIPCLUB"), so "vip club!", "VipClub" and " VIP  CLUB " all match it.
const NOT_LETTER_OR_DIGIT = /[^\p{L}\p{N}]+/gu;

/** The form a keyword is stored and shown in. */
export const displayKeyword = (keyword: string): string => keyword.normalize("NFKC").trim().replace(/\s+/g, " ").toUpperCase();

/** What a keyword or a whole message is compared by. */
export const keywordKey = (text: string): string => text.normalize("NFKC").toUpperCase().replace(NOT_LETTER_OR_DIGIT, "");

/** The key of a message's first word ("Join, please" → "JOIN"): words end at spaces and punctuation. */
export function firstWordKey(text: string): string {
  const [first = ""] = text.normalize("NFKC").trim().split(/[\s.,!?;:]+/u);
  return keywordKey(first);
}
