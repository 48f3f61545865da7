// The org keyword rule: pure zod, shared by the settings form (checked as people type) and the
// procedures. What the database adds (merge fields known, lists and senders the org's, no overlap
// with another rule) is checked when saved, in manage-rules.ts.
import { z } from "zod";
import { matchKeyword } from "@/lib/sms/compliance-keywords";
import { displayKeyword, keywordKey } from "@/lib/keywords/keyword-key";
import { detectOptOutPhrase } from "@/lib/keywords/opt-out-phrases";
import { tagSchema } from "@/lib/lists/tag-schema";
import { MAX_BODY_LENGTH } from "@/lib/sms/segments";

export const MATCH_ON = ["whole", "first_word"] as const;
export type MatchOn = (typeof MATCH_ON)[number];
export const MATCH_ON_LABELS: Record<MatchOn, string> = { whole: "The whole message", first_word: "The first word" };

export const CONVERSATION_ACTIONS = ["open", "close"] as const;
export type ConversationAction = (typeof CONVERSATION_ACTIONS)[number];

const KEYWORD_KINDS = { OPT_OUT: "opts the contact out", OPT_IN: "opts the contact back in", HELP: "answers with the help text" } as const;

/** Why a keyword cannot be an org's, or null: the compliance keywords and opt-out wording keep their meaning. */
export function reservedKeyword(keyword: string): string | null {
  const compliance = matchKeyword(keyword);
  if (compliance) return `${displayKeyword(keyword)} is a compliance keyword: it ${KEYWORD_KINDS[compliance.kind]}`;
  if (detectOptOutPhrase(keyword)) return `${displayKeyword(keyword)} is how people opt out: such a text opts the contact out`;
  return null;
}

const keyword = z
  .string()
  .transform(displayKeyword)
  .pipe(
    z
      .string()
      .min(1, "Keywords cannot be empty")
      .max(30, "Keywords are at most 30 characters")
      .regex(/^[\p{L}\p{N} ]+$/u, "Keywords use letters, digits and spaces"),
  );

export const keywordRuleInput = z
  .strictObject({
    name: z.string().trim().min(1, "Name the rule").max(80, "Use at most 80 characters"),
    keywords: z.array(keyword).min(1, "Add at least one keyword").max(20, "At most 20 keywords a rule"),
    matchOn: z.enum(MATCH_ON),
    // Empty: every number of the org.
    senderIds: z.array(z.string().min(1)).max(100).default([]),
    reply: z
      .string()
      .trim()
      .max(MAX_BODY_LENGTH, `Replies are limited to ${MAX_BODY_LENGTH} characters`)
      .transform((s) => (s === "" ? null : s))
      .nullish()
      .transform((s) => s ?? null),
    addTags: z.array(tagSchema).max(20, "At most 20 tags").default([]),
    addListIds: z.array(z.string().min(1)).max(20, "At most 20 lists").default([]),
    subscribe: z.boolean().default(false),
    conversationAction: z
      .enum(CONVERSATION_ACTIONS)
      .nullish()
      .transform((a) => a ?? null),
    enabled: z.boolean().default(true),
  })
  .superRefine((rule, ctx) => {
    const seen = new Set<string>();
    for (const word of rule.keywords) {
      const reserved = reservedKeyword(word);
      if (reserved) ctx.addIssue({ code: "custom", path: ["keywords"], message: reserved });
      else if (rule.matchOn === "first_word" && word.includes(" "))
        ctx.addIssue({ code: "custom", path: ["keywords"], message: `${word} is more than one word: a rule on the first word matches one word` });
      else if (seen.has(keywordKey(word))) ctx.addIssue({ code: "custom", path: ["keywords"], message: `${word} is in the list twice` });
      seen.add(keywordKey(word));
    }
    // Carriers ask for an opt-in to be confirmed (the program, how often, HELP and STOP).
    if (rule.subscribe && !rule.reply)
      ctx.addIssue({ code: "custom", path: ["reply"], message: "A rule that subscribes must confirm it: write the reply" });
    else if (!rule.reply && rule.addTags.length === 0 && rule.addListIds.length === 0 && !rule.conversationAction)
      ctx.addIssue({ code: "custom", path: ["reply"], message: "Give the rule something to do: a reply, tags, lists, subscribing or the conversation" });
  });
export type KeywordRuleInput = z.input<typeof keywordRuleInput>;
export type KeywordRuleValues = z.output<typeof keywordRuleInput>;

export const updateKeywordRuleInput = z.strictObject({ id: z.string().min(1), rule: keywordRuleInput });
export const keywordRuleIdInput = z.strictObject({ id: z.string().min(1) });
export const setKeywordRuleEnabledInput = z.strictObject({ id: z.string().min(1), enabled: z.boolean() });
