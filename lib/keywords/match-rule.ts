// Which org rule a text triggers, and which rules overlap: pure, shared by receiveMessage (through
// lib/messaging/apply-keyword-rule.ts), the settings page's test box and the save-time conflict check.
import { firstWordKey, keywordKey } from "@/lib/keywords/keyword-key";
import type { MatchOn } from "@/lib/keywords/rule-model";

export interface MatchableRule {
  id: string;
  name: string;
  keywords: string[];
  matchOn: MatchOn | string;
  senderIds: string[];
  enabled: boolean;
}

const answersSender = (rule: MatchableRule, senderId: string | null) => senderId === null || rule.senderIds.length === 0 || rule.senderIds.includes(senderId);

/**
 * The enabled rule a text to `senderId` (null: any of the org's numbers) triggers, and the keyword it
 * matched. Rules are saved without overlaps, so at most one can; a whole-message match would still
 * come before a first-word one.
 */
export function matchRule<R extends MatchableRule>(rules: readonly R[], body: string, senderId: string | null): { rule: R; keyword: string } | null {
  const whole = keywordKey(body);
  if (!whole) return null;
  const first = firstWordKey(body);
  let byFirstWord: { rule: R; keyword: string } | null = null;
  for (const rule of rules) {
    if (!rule.enabled || !answersSender(rule, senderId)) continue;
    for (const keyword of rule.keywords) {
      const key = keywordKey(keyword);
      if (key === whole) return { rule, keyword };
      if (rule.matchOn === "first_word" && key === first) byFirstWord ??= { rule, keyword };
    }
  }
  return byFirstWord;
}

const scopesOverlap = (a: MatchableRule, b: MatchableRule) =>
  a.senderIds.length === 0 || b.senderIds.length === 0 || a.senderIds.some((id) => b.senderIds.includes(id));

/** Whether some text would trigger both keywords: the same, or one rule's first word starting the other's keyword. */
function keywordsOverlap(a: string, aOn: string, b: string, bOn: string): boolean {
  if (keywordKey(a) === keywordKey(b)) return true;
  if (aOn === "first_word" && firstWordKey(b) === keywordKey(a)) return true;
  return bOn === "first_word" && firstWordKey(a) === keywordKey(b);
}

export interface RuleConflict {
  keyword: string;
  rule: { id: string; name: string };
  theirs: string;
}

/**
 * The first of `others` (disabled ones too: enabling one must not make two rules answer a text)
 * that a text could trigger together with `rule`, or null.
 */
export function findConflict(rule: Omit<MatchableRule, "id" | "name" | "enabled">, others: readonly MatchableRule[]): RuleConflict | null {
  for (const other of others) {
    if (!scopesOverlap(rule as MatchableRule, other)) continue;
    for (const keyword of rule.keywords)
      for (const theirs of other.keywords)
        if (keywordsOverlap(keyword, rule.matchOn, theirs, other.matchOn)) return { keyword, rule: { id: other.id, name: other.name }, theirs };
  }
  return null;
}
