// The org keyword rules' matching (case, spaces, first word), their conflicts, the words no rule may
// take, and opt-out wording beyond the exact keywords.
import { describe, expect, it } from "vitest";
import { findConflict, matchRule, type MatchableRule } from "@/lib/keywords/match-rule";
import { detectOptOutPhrase } from "@/lib/keywords/opt-out-phrases";
import { keywordRuleInput, reservedKeyword } from "@/lib/keywords/rule-model";
import { whatTextDoes } from "@/lib/keywords/what-text-does";

const rule = (over: Partial<MatchableRule> & Pick<MatchableRule, "keywords">): MatchableRule => ({
  id: over.name ?? "r1",
  name: "Join",
  matchOn: "whole",
  senderIds: [],
  enabled: true,
  ...over,
});

describe("matchRule", () => {
  const join = rule({ name: "Join", keywords: ["JOIN", "SUBSCRIBE ME NOW"] });
  const vip = rule({ name: "VIP", keywords: ["VIP"], matchOn: "first_word" });

  it.each(["JOIN", "join", " Join ", "join!", "JOIN.", "j o i n", "subscribe me now", "SubscribeMeNow", "subscribe  me now!"])("%j is the whole-message keyword", (body) => {
    expect(matchRule([join, vip], body, "snd_1")?.rule.name).toBe("Join");
  });

  it.each(["join now", "I want to join", "JOINT", "", "   ", "!!!"])("%j is not", (body) => {
    expect(matchRule([join], body, "snd_1")).toBeNull();
  });

  it("matches a first-word rule on the first word only", () => {
    expect(matchRule([vip], "VIP please sign me up", null)).toMatchObject({ rule: { name: "VIP" }, keyword: "VIP" });
    expect(matchRule([vip], "vip, yes", null)?.rule.name).toBe("VIP");
    expect(matchRule([vip], "vip", null)?.rule.name).toBe("VIP");
    expect(matchRule([vip], "am I a VIP", null)).toBeNull();
    expect(matchRule([vip], "VIPS", null)).toBeNull();
  });

  it("keeps to the rule's numbers, and skips disabled rules", () => {
    const scoped = rule({ keywords: ["DEALS"], senderIds: ["snd_a"] });
    expect(matchRule([scoped], "deals", "snd_a")?.rule).toBe(scoped);
    expect(matchRule([scoped], "deals", "snd_b")).toBeNull();
    expect(matchRule([scoped], "deals", null)?.rule).toBe(scoped);
    expect(matchRule([{ ...scoped, enabled: false }], "deals", "snd_a")).toBeNull();
  });
});

describe("findConflict", () => {
  const others = [rule({ id: "r_join", name: "Join", keywords: ["JOIN", "VIP CLUB"] }), rule({ id: "r_deal", name: "Deals", keywords: ["DEAL"], matchOn: "first_word", senderIds: ["snd_a"] })];

  it("names the other rule and keyword for the same keyword, spaces and case aside", () => {
    expect(findConflict({ keywords: ["HELLO", "VIPCLUB"], matchOn: "whole", senderIds: [] }, others)).toEqual({ keyword: "VIPCLUB", rule: { id: "r_join", name: "Join" }, theirs: "VIP CLUB" });
  });

  it("finds a first word that starts another rule's keyword, both ways", () => {
    expect(findConflict({ keywords: ["VIP"], matchOn: "first_word", senderIds: [] }, others)?.rule.name).toBe("Join");
    expect(findConflict({ keywords: ["DEAL OF THE DAY"], matchOn: "whole", senderIds: [] }, others)?.rule.name).toBe("Deals");
    // The same words without the first-word rule do not overlap.
    expect(findConflict({ keywords: ["VIP"], matchOn: "whole", senderIds: [] }, others)).toBeNull();
  });

  it("lets rules on different numbers share a keyword", () => {
    expect(findConflict({ keywords: ["DEAL"], matchOn: "whole", senderIds: ["snd_b"] }, others)).toBeNull();
    expect(findConflict({ keywords: ["DEAL"], matchOn: "whole", senderIds: ["snd_b", "snd_a"] }, others)?.rule.name).toBe("Deals");
    expect(findConflict({ keywords: ["DEAL"], matchOn: "whole", senderIds: [] }, others)?.rule.name).toBe("Deals");
  });
});

describe("keywordRuleInput", () => {
  const valid = { name: "Join", keywords: [" join ", "vip  club"], matchOn: "whole", reply: "Welcome!" } as const;
  const errorOf = (input: object) => {
    const parsed = keywordRuleInput.safeParse(input);
    return parsed.success ? null : parsed.error.issues.map((i) => `${i.path.join(".")}: ${i.message}`);
  };

  it("stores keywords upper case with single spaces", () => {
    expect(keywordRuleInput.parse(valid)).toMatchObject({ keywords: ["JOIN", "VIP CLUB"], senderIds: [], addTags: [], subscribe: false, enabled: true });
  });

  it.each([
    ["STOP", "STOP is a compliance keyword: it opts the contact out"],
    ["stop all", "STOP ALL is a compliance keyword: it opts the contact out"],
    ["Unstop", "UNSTOP is a compliance keyword: it opts the contact back in"],
    ["yes", "YES is a compliance keyword: it opts the contact back in"],
    ["info", "INFO is a compliance keyword: it answers with the help text"],
    ["remove me", "REMOVE ME is how people opt out: such a text opts the contact out"],
    ["wrong number", "WRONG NUMBER is how people opt out: such a text opts the contact out"],
  ])("refuses %j naming it", (word, message) => {
    expect(reservedKeyword(word)).toBe(message);
    expect(errorOf({ ...valid, keywords: ["JOIN", word] })).toEqual([`keywords: ${message}`]);
  });

  it("refuses the same keyword twice, several words on the first word, odd characters and a rule that does nothing", () => {
    expect(errorOf({ ...valid, keywords: ["join", "JOIN"] })).toEqual(["keywords: JOIN is in the list twice"]);
    expect(errorOf({ ...valid, matchOn: "first_word" })).toEqual(["keywords: VIP CLUB is more than one word: a rule on the first word matches one word"]);
    expect(errorOf({ ...valid, keywords: ["JOIN!"] })).toEqual(["keywords.0: Keywords use letters, digits and spaces"]);
    expect(errorOf({ ...valid, reply: "  " })).toEqual(["reply: Give the rule something to do: a reply, tags, lists, subscribing or the conversation"]);
    expect(errorOf({ ...valid, reply: null, subscribe: true })).toEqual(["reply: A rule that subscribes must confirm it: write the reply"]);
    expect(errorOf({ ...valid, reply: null, addTags: ["VIP "] })).toBeNull();
  });
});

describe("detectOptOutPhrase", () => {
  it.each([
    ["Stop texting me", "stop texting me"],
    ["please STOP sending these!!", "stop sending these"],
    ["Don't text me again", "don't text me"],
    ["do not contact me", "do not contact me"],
    ["dont msg me", "dont msg me"],
    ["Don’t text me", "don't text me"],
    ["No more texts please", "no more texts"],
    ["remove me", "remove me"],
    ["Please remove my number from your list", "remove my number"],
    ["take me off your list", "take me off"],
    ["Unsubscribe me", "unsubscribe me"],
    ["opt me out", "opt me out"],
    ["I want to opt out", "opt out"],
    ["leave me alone", "leave me alone"],
    ["Wrong number", "wrong number"],
    ["wrong #", "wrong #"],
    ["you have the wrong person", "wrong person"],
    ["stop please", "stop please"],
    ["Please stop!", "please stop"],
    ["STOP STOP STOP", "stop stop stop"],
    ["stop it", "stop it"],
    ["unsubscribe please", "unsubscribe please"],
  ])("%j opts out, recorded as %j", (body, phrase) => {
    expect(detectOptOutPhrase(body)).toBe(phrase);
  });

  it.each([
    "don't stop",
    "Please don't stop texting me, I love the deals",
    "please don't remove me",
    "why did you stop texting me?",
    "stop by the store tomorrow",
    "I'll stop in later",
    "cancel my order",
    "the end of the sale?",
    "not interested in the blue one",
    "Is this the right number for orders?",
    "JOIN",
    "",
  ])("%j does not", (body) => {
    expect(detectOptOutPhrase(body)).toBeNull();
  });
});

describe("whatTextDoes", () => {
  const rules = [rule({ name: "Join", keywords: ["JOIN"], matchOn: "first_word" })];
  it("takes receiveMessage's order: compliance keyword, opt-out wording, then the org's rules", () => {
    expect(whatTextDoes(rules, "Stop.", null)).toEqual({ kind: "compliance", keyword: "STOP", action: "OPT_OUT" });
    expect(whatTextDoes(rules, "join? no, remove me", null)).toEqual({ kind: "phrase", phrase: "remove me" });
    expect(whatTextDoes(rules, "join now", "snd_1")).toMatchObject({ kind: "rule", keyword: "JOIN", rule: { name: "Join" } });
    expect(whatTextDoes(rules, "hello", null)).toEqual({ kind: "none" });
  });
});
