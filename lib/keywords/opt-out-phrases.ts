// Opt-out wording beyond the exact keywords. The FCC's 2024 order (in force April 2025) counts any
// reasonable way of saying "stop texting me"; receiveMessage opts out a text this finds, recording
// the phrase (optOutSource `phrase:remove me`) so the org can review it (Settings → Keywords).
//
// What counts, on purpose narrowly, since a wrong opt-out silences someone who wanted the texts:
// - a request not to be texted: "stop texting me", "don't text me", "no more texts", "remove me",
//   "take me off your list", "unsubscribe me", "opt me out", "leave me alone", "wrong number";
// - a compliance keyword with only polite filler around it: "stop please", "please STOP!", "stop it";
// and what does not:
// - any of those negated or asked about: "don't stop", "please don't remove me", "why did you stop
//   texting me?";
// - a keyword as an ordinary word: "stop by the store tomorrow", "cancel my order", "the end";
// - "not interested" (a reply to one offer, not a request to end the texts).
const FILLER = new Set(["please", "pls", "plz", "now", "it", "all", "thanks", "thank", "you", "thx", "asap", "me", "already", "just", "ok", "okay"]);
const KEYWORDS = new Set(["stop", "stopall", "unsubscribe", "cancel", "end", "quit", "revoke", "optout"]);

// Each pattern's first group is the phrase recorded. `me` and friends are optional where people drop them.
const PHRASES: RegExp[] = [
  /\b(stop (?:texting|txting|messaging|sending|contacting|spamming|text|msging)(?: (?:me|us|this number|these|them))?)\b/,
  /\b((?:do not|dont|don't) (?:text|txt|message|msg|contact|send)(?: me| us| this number)?)\b/,
  /\b(no more (?:texts|txts|messages|msgs|text messages|texting))\b/,
  /\b(remove (?:me|us|my number|this number))\b/,
  /\b(take (?:me|us|my number|this number) off)\b/,
  /\b(unsubscribe (?:me|us|my number|this number))\b/,
  /\b(opt (?:me|us) out)\b/,
  /\b(opt out)\b/,
  /\b(leave me alone)\b/,
  /\b(wrong (?:number|person|#))(?!\w)/,
];

// Words just before a phrase that turn it around ("please don't remove me", "why did you stop texting").
const TURNED = /(?:\b(?:don't|dont|do not|didn't|didnt|never|not|why|did you|will you|would you)\s+(?:\w+\s+){0,1})$/;

/** The text lower-cased, curly apostrophes straightened, punctuation but apostrophes and # made spaces. */
function normalize(body: string): string {
  return body
    .normalize("NFKC")
    .toLowerCase()
    .replace(/[\u2018\u2019\u02bc]/g, "'")
    .replace(/[^\p{L}\p{N}'#]+/gu, " ")
    .trim();
}

/** The opt-out phrase a text says, if any (lower case, as matched), else null. */
export function detectOptOutPhrase(body: string): string | null {
  const text = normalize(body);
  if (!text) return null;
  const words = text.split(" ");
  const keyword = words.find((w) => KEYWORDS.has(w));
  if (keyword && words.every((w) => KEYWORDS.has(w) || FILLER.has(w))) return words.join(" ");
  for (const pattern of PHRASES) {
    const match = pattern.exec(text);
    if (!match) continue;
    const before = text.slice(0, match.index);
    // "don't text me" carries its own "don't"; a negation before it ("I never said don't text me") is rare enough to ignore.
    if (/^(?:do not|dont|don't)/.test(match[1]!)) {
      if (/\b(?:why|did you)\s*$/.test(before)) continue;
      return match[1]!;
    }
    if (TURNED.test(before)) continue;
    return match[1]!;
  }
  return null;
}
