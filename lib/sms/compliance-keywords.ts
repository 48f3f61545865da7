// The CTIA keywords receiveMessage keeps whatever the org configures: STOP and its synonyms opt out,
// START/UNSTOP (and YES from someone opted out) opt in, HELP/INFO answer. No org keyword rule may take
// one (lib/keywords/check-rule.ts); their replies are in lib/messaging/keyword-replies.ts.
export const OPT_OUT_KEYWORDS = ["STOP", "STOPALL", "UNSUBSCRIBE", "CANCEL", "END", "QUIT", "REVOKE", "OPTOUT"] as const;
export const OPT_IN_KEYWORDS = ["START", "UNSTOP", "YES"] as const;
export const HELP_KEYWORDS = ["HELP", "INFO"] as const;

export type KeywordKind = "OPT_OUT" | "OPT_IN" | "HELP";

/** The keywords answered whoever sends them (YES is one only from someone opted out). */
export const ALWAYS_KEYWORDS = [...OPT_OUT_KEYWORDS, ...OPT_IN_KEYWORDS.filter((k) => k !== "YES"), ...HELP_KEYWORDS];

/** The keyword a whole inbound message is, if any: case, spaces and trailing punctuation ignored. */
export function matchKeyword(body: string): { kind: KeywordKind; keyword: string } | null {
  const word = body.normalize("NFKC").replace(/[\s.!]+/g, "").toUpperCase();
  if ((OPT_OUT_KEYWORDS as readonly string[]).includes(word)) return { kind: "OPT_OUT", keyword: word };
  if ((OPT_IN_KEYWORDS as readonly string[]).includes(word)) return { kind: "OPT_IN", keyword: word };
  if ((HELP_KEYWORDS as readonly string[]).includes(word)) return { kind: "HELP", keyword: word };
  return null;
}
