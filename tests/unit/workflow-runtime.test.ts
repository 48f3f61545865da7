// The interpreter's pure decisions: a reply's branch for every test kind, the random split's
// weighted and repeatable choice, the next time of day in a zone, and the run's own merge fields.
import { describe, expect, it } from "vitest";
import { nextNodeId, type ReplyTest, type WorkflowGraph } from "@/lib/workflows/graph-model";
import { chooseSplitBranch } from "@/lib/workflows/random-split";
import { chooseReplyBranch, replyMatches } from "@/lib/workflows/reply-tests";
import { renderRunTokens } from "@/lib/workflows/run-tokens";
import { checkWorkflowTemplate } from "@/lib/workflows/validate-graph";
import { nextTimeOfDay } from "@/lib/workflows/wait-until";

const matches = (test: ReplyTest, text: string) => replyMatches(test, text);

describe("reply tests", () => {
  it("contains and equals ignore case, spacing and punctuation around words", () => {
    expect(matches({ kind: "contains", value: "pizza" }, "I'd like a PIZZA please")).toBe(true);
    expect(matches({ kind: "contains", value: "pizza" }, "pasta")).toBe(false);
    expect(matches({ kind: "equals", value: "Join" }, "  join! ")).toBe(true);
    expect(matches({ kind: "equals", value: "Join" }, "join me")).toBe(false);
  });

  it("any_word takes whole words and phrases, not parts of words", () => {
    const test: ReplyTest = { kind: "any_word", words: ["red", "no thanks"] };
    expect(matches(test, "I prefer red.")).toBe(true);
    expect(matches(test, "No thanks!")).toBe(true);
    expect(matches(test, "bored")).toBe(false);
  });

  it("number_between reads the first number, decimals with a point or a comma", () => {
    const test: ReplyTest = { kind: "number_between", min: 1, max: 5 };
    expect(matches(test, "I'd say 4/10")).toBe(true);
    expect(matches(test, "4,5")).toBe(true);
    expect(matches(test, "9")).toBe(false);
    expect(matches(test, "-2")).toBe(false);
    expect(matches(test, "five")).toBe(false);
  });

  it("yes and no know the usual words and a leading one", () => {
    for (const text of ["Yes", "y", "YEP!", "sure", "ok", "Yes please", "👍"]) expect(matches({ kind: "yes" }, text)).toBe(true);
    for (const text of ["no", "Nope", "nah.", "no thanks", "not now"]) expect(matches({ kind: "no" }, text)).toBe(true);
    expect(matches({ kind: "yes" }, "no")).toBe(false);
    expect(matches({ kind: "no" }, "yes")).toBe(false);
    expect(matches({ kind: "yes" }, "yesterday")).toBe(false);
  });

  it("regex matches ignoring case; a bad pattern or a huge reply never throws", () => {
    expect(matches({ kind: "regex", pattern: "^order\\s+#?\\d+$" }, "ORDER #123")).toBe(true);
    expect(matches({ kind: "regex", pattern: "^order\\s+#?\\d+$" }, "order abc")).toBe(false);
    expect(matches({ kind: "regex", pattern: "([a-z" }, "anything")).toBe(false);
    expect(matches({ kind: "regex", pattern: "(a+)+$" }, `${"a".repeat(5_000)}!`)).toBe(false);
  });

  it("anything takes every reply", () => {
    expect(matches({ kind: "anything" }, "")).toBe(true);
  });

  it("branches are tried in order, the first match wins, else other", () => {
    const branches = [
      { id: "b-yes", test: { kind: "yes" } as ReplyTest },
      { id: "b-num", test: { kind: "number_between", min: 0, max: 10 } as ReplyTest },
      { id: "b-any", test: { kind: "anything" } as ReplyTest },
    ];
    expect(chooseReplyBranch(branches, "yes 5")).toBe("b-yes");
    expect(chooseReplyBranch(branches, "maybe 5")).toBe("b-num");
    expect(chooseReplyBranch(branches, "maybe")).toBe("b-any");
    expect(chooseReplyBranch(branches.slice(0, 2), "maybe")).toBe("other");
    expect(chooseReplyBranch([], "yes")).toBe("other");
  });
});

describe("random split", () => {
  const branches = [
    { id: "a", weight: 80 },
    { id: "b", weight: 20 },
  ];

  it("picks the same branch for the same run and node (a retried step)", () => {
    for (let i = 0; i < 20; i++) expect(chooseSplitBranch(branches, `wfr_${i}`, "split")).toBe(chooseSplitBranch(branches, `wfr_${i}`, "split"));
  });

  it("follows the weights over many runs", () => {
    const picks = Array.from({ length: 4_000 }, (_, i) => chooseSplitBranch(branches, `wfr_run${i}`, "split"));
    const share = picks.filter((p) => p === "a").length / picks.length;
    expect(share).toBeGreaterThan(0.76);
    expect(share).toBeLessThan(0.84);
  });

  it("never picks a branch of weight 0 share, and takes a single branch", () => {
    expect(chooseSplitBranch([{ id: "only", weight: 1 }], "wfr_x", "n")).toBe("only");
  });
});

describe("wait until a time of day", () => {
  it("is the next HH:MM in the zone, strictly after now", () => {
    // 2026-03-02 is a Monday; 14:00 UTC is 09:00 in New York (EST).
    const from = new Date("2026-03-02T14:00:00Z");
    expect(nextTimeOfDay("America/New_York", "10:00", [], from).toISOString()).toBe("2026-03-02T15:00:00.000Z");
    expect(nextTimeOfDay("America/New_York", "09:00", [], from).toISOString()).toBe("2026-03-03T14:00:00.000Z");
    expect(nextTimeOfDay("UTC", "00:00", [], from).toISOString()).toBe("2026-03-03T00:00:00.000Z");
  });

  it("keeps to the chosen weekdays (0 = Sunday)", () => {
    const from = new Date("2026-03-02T14:00:00Z"); // Monday
    expect(nextTimeOfDay("America/New_York", "10:00", [3], from).toISOString()).toBe("2026-03-04T15:00:00.000Z");
    expect(nextTimeOfDay("America/New_York", "08:00", [1], from).toISOString()).toBe("2026-03-09T12:00:00.000Z");
  });

  it("follows daylight saving time", () => {
    // New York moves to EDT on 2026-03-08: 10:00 is then 14:00 UTC.
    const from = new Date("2026-03-07T16:00:00Z");
    expect(nextTimeOfDay("America/New_York", "10:00", [], from).toISOString()).toBe("2026-03-08T14:00:00.000Z");
  });
});

describe("the run's own merge fields", () => {
  it("fills {{trigger.<key>}} and {{reply}}, leaving the contact's fields to the pipeline", () => {
    const text = renderRunTokens("Hi {{first_name}}, you said {{ reply }} about {{trigger.body}} ({{trigger.order.id}}){{trigger.none}}", {
      trigger: { body: "JOIN", order: { id: 42 } },
      reply: "yes",
    });
    expect(text).toBe("Hi {{first_name}}, you said yes about JOIN (42)");
  });

  it("gives an empty one its fallback, as publishing's check allows", () => {
    const template = "You said {{ reply | nothing }} about {{trigger.body|our offer}}";
    expect(checkWorkflowTemplate(template, [])).toBeNull();
    expect(renderRunTokens(template, { trigger: {}, reply: null })).toBe("You said nothing about our offer");
    expect(renderRunTokens(template, { trigger: { body: "JOIN" }, reply: "yes" })).toBe("You said yes about JOIN");
  });

  it("strips braces from values so a reply cannot add a merge field", () => {
    expect(renderRunTokens("{{reply}}", { trigger: {}, reply: "{{custom.secret}}" })).toBe("custom.secret");
  });
});

describe("the next node", () => {
  it("follows the edge of the output taken, or ends", () => {
    const graph: WorkflowGraph = {
      nodes: [],
      edges: [
        { id: "e1", source: "wait", sourceHandle: "yes-branch", target: "send-yes" },
        { id: "e2", source: "wait", sourceHandle: "timeout", target: "send-late" },
      ],
    };
    expect(nextNodeId(graph, "wait", "yes-branch")).toBe("send-yes");
    expect(nextNodeId(graph, "wait", "timeout")).toBe("send-late");
    expect(nextNodeId(graph, "wait", "other")).toBeNull();
  });
});
