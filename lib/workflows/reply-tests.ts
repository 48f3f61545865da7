// Which branch of a wait-for-reply node a reply takes: its tests in branch order, the first that
// matches wins, else "other". Pure, so the interpreter's choice is unit-tested for every kind and
// a retried step chooses the same. A regex is the marketer's, typed in the builder: a bad one or
// one that could take long on a long text must never fail a run, so it matches nothing.
import type { ReplyTest } from "@/lib/workflows/graph-model";

/** Replies are texts: past this a regex is not tried (a catastrophic pattern's cost grows with the input). */
const REGEX_MAX_INPUT = 1_600;

const YES = new Set(["yes", "y", "yeah", "yea", "yep", "yup", "sure", "ok", "okay", "k", "si", "sí", "oui", "ja", "absolutely", "definitely", "of course", "correct", "confirm", "confirmed", "👍"]);
const NO = new Set(["no", "n", "nope", "nah", "no thanks", "no thank you", "not now", "never", "non", "nein", "negative", "👎"]);

/** Lower case, single spaces, without the punctuation around words ("Yes!" → "yes"). */
export function normalizeReply(text: string): string {
  return text
    .toLowerCase()
    .normalize("NFC")
    .replace(/[.,!?;:"'()[\]{}¡¿]+/g, " ")
    .replace(/\s+/g, " ")
    .trim();
}

function words(text: string): string[] {
  return normalizeReply(text).split(" ").filter(Boolean);
}

/** The first number in the text ("I'd say 7/10" → 7; "1,5" → 1.5), or null. */
function firstNumber(text: string): number | null {
  const match = /-?\d+(?:[.,]\d+)?/.exec(text);
  return match ? Number(match[0].replace(",", ".")) : null;
}

function answers(text: string, set: ReadonlySet<string>): boolean {
  const normal = normalizeReply(text);
  if (set.has(normal)) return true;
  // "Yes please", "yes I'll come": the first word says it.
  const first = normal.split(" ")[0] ?? "";
  return set.has(first);
}

export function replyMatches(test: ReplyTest, text: string): boolean {
  switch (test.kind) {
    case "anything":
      return true;
    case "contains":
      return normalizeReply(text).includes(normalizeReply(test.value));
    case "equals":
      return normalizeReply(text) === normalizeReply(test.value);
    case "any_word": {
      const said = new Set(words(text));
      return test.words.some((w) => {
        const wanted = normalizeReply(w);
        // A phrase among the words ("no thanks") is looked for as a phrase.
        return wanted.includes(" ") ? ` ${normalizeReply(text)} `.includes(` ${wanted} `) : said.has(wanted);
      });
    }
    case "number_between": {
      const n = firstNumber(text);
      return n !== null && n >= test.min && n <= test.max;
    }
    case "yes":
      return answers(text, YES);
    case "no":
      return answers(text, NO);
    case "regex": {
      if (text.length > REGEX_MAX_INPUT) return false;
      try {
        return new RegExp(test.pattern, "i").test(text);
      } catch {
        return false;
      }
    }
  }
}

/** The branch id the reply takes, or "other" when no branch's test matches. */
export function chooseReplyBranch(branches: readonly { id: string; test: ReplyTest }[], text: string): string {
  return branches.find((b) => replyMatches(b.test, text))?.id ?? "other";
}
