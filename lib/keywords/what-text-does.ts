// What an inbound text would do, in receiveMessage's order: a compliance keyword first, then opt-out
// wording, then the org's rules (for `senderId`; null: any number). The settings page's test box
// answers with it; receive-message.ts takes the same steps in the same order.
import { matchKeyword, type KeywordKind } from "@/lib/sms/compliance-keywords";
import { matchRule, type MatchableRule } from "@/lib/keywords/match-rule";
import { detectOptOutPhrase } from "@/lib/keywords/opt-out-phrases";

export type TextOutcome<R> =
  | { kind: "compliance"; keyword: string; action: KeywordKind }
  | { kind: "phrase"; phrase: string }
  | { kind: "rule"; rule: R; keyword: string }
  | { kind: "none" };

export function whatTextDoes<R extends MatchableRule>(rules: readonly R[], body: string, senderId: string | null): TextOutcome<R> {
  const compliance = matchKeyword(body);
  if (compliance) return { kind: "compliance", keyword: compliance.keyword, action: compliance.kind };
  const phrase = detectOptOutPhrase(body);
  if (phrase) return { kind: "phrase", phrase };
  const rule = matchRule(rules, body, senderId);
  return rule ? { kind: "rule", ...rule } : { kind: "none" };
}
