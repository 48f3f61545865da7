// The built-in replies to the CTIA keywords (lib/sms/compliance-keywords.ts). Each org may rewrite the replies (settings);
// an empty override falls back to these, which name the org as CTIA asks. They are written to the
// phone's owner, in the words of CTIA's sample messages ("unsubscribed"), not the app's "opted out".
import type { KeywordKind } from "@/lib/sms/compliance-keywords";

export interface KeywordReplies {
  helpReply: string;
  optOutReply: string;
  optInReply: string;
}

export function defaultKeywordReplies(orgName: string): KeywordReplies {
  return {
    helpReply: `${orgName}: Reply STOP to unsubscribe. Msg&data rates may apply.`,
    optOutReply: `${orgName}: You are unsubscribed and will receive no further messages. Reply START to resubscribe.`,
    optInReply: `${orgName}: You are subscribed again. Reply HELP for help, STOP to unsubscribe. Msg&data rates may apply.`,
  };
}

const KEYWORD_REPLY_FIELD: Record<KeywordKind, keyof KeywordReplies> = { OPT_OUT: "optOutReply", OPT_IN: "optInReply", HELP: "helpReply" };

/**
 * The org's reply to a keyword: its own wording where it set one (`own`: it may carry merge
 * fields), else the built-in one, which is also returned as `builtIn` to fall back on.
 */
export function keywordReply(
  org: { name: string; helpReply: string | null; optOutReply: string | null; optInReply: string | null },
  kind: KeywordKind,
): { body: string; own: boolean; builtIn: string } {
  const field = KEYWORD_REPLY_FIELD[kind];
  const builtIn = defaultKeywordReplies(org.name)[field];
  const own = org[field]?.trim();
  return own ? { body: own, own: true, builtIn } : { body: builtIn, own: false, builtIn };
}
