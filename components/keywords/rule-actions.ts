import type { KeywordRule } from "@/lib/generated/prisma/client";

/** What the rule does, in a few words: "Replies · tags club · adds to 1 list · subscribes · closes the conversation". */
export function ruleActions(rule: KeywordRule): string {
  const parts = [rule.reply ? "replies" : null, rule.addTags.length > 0 ? `tags ${rule.addTags.join(", ")}` : null];
  if (rule.addListIds.length > 0) parts.push(rule.addListIds.length === 1 ? "adds to 1 list" : `adds to ${rule.addListIds.length} lists`);
  if (rule.subscribe) parts.push("subscribes");
  if (rule.conversationAction) parts.push(rule.conversationAction === "close" ? "closes the conversation" : "opens the conversation");
  const text = parts.filter(Boolean).join(" · ");
  return text.charAt(0).toUpperCase() + text.slice(1);
}
