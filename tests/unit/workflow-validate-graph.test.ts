import { describe, expect, it } from "vitest";
import { workflowSettings, type DraftNode, type WorkflowDraftGraph } from "@/lib/workflows/graph-model";
import { triggerColumns } from "@/lib/workflows/trigger-columns";
import { checkWorkflowTemplate, validateGraph, type WorkflowFacts } from "@/lib/workflows/validate-graph";

const facts: WorkflowFacts = {
  keywordRuleIds: ["kwr_join"],
  listIds: ["lst_vip"],
  segmentIds: ["seg_fans"],
  senderIds: ["snd_1"],
  workflowIds: ["wf_self", "wf_other"],
  customFields: [
    { key: "birthday", type: "DATE" },
    { key: "shoe", type: "TEXT" },
  ],
  memberIds: ["usr_sam"],
};
const settings = workflowSettings.parse({});
const at = { x: 0, y: 0 };
const n = (id: string, type: DraftNode["type"], data: Record<string, unknown>): DraftNode => ({ id, type, position: at, data });
const e = (source: string, sourceHandle: string, target: string) => ({ id: `${source}-${sourceHandle}-${target}`, source, sourceHandle, target });

const trigger = n("t", "trigger", { trigger: { kind: "keyword", keywordRuleId: "kwr_join" } });
const welcome = n("send", "send_message", { body: "Welcome {{first_name|there}}! Reply YES or NO", mediaIds: [], senderId: null });
const ask = n("ask", "wait_for_reply", {
  timeout: { amount: 1, unit: "days" },
  branches: [
    { id: "b_yes", label: "Yes", test: { kind: "yes" } },
    { id: "b_no", label: "No", test: { kind: "no" } },
  ],
  saveTo: null,
});
const send = (id: string, body = "Thanks") => n(id, "send_message", { body, mediaIds: [], senderId: null });

/** JOIN → welcome → wait for reply → a send per branch: the example, valid. */
const joinFlow = (): WorkflowDraftGraph =>
  structuredClone({
    nodes: [trigger, welcome, ask, send("y"), send("no"), send("other"), send("late")],
    edges: [e("t", "next", "send"), e("send", "next", "ask"), e("ask", "b_yes", "y"), e("ask", "b_no", "no"), e("ask", "other", "other"), e("ask", "timeout", "late")],
  });
const problemsOf = (g: WorkflowDraftGraph, f = facts) => validateGraph(g, settings, f, "wf_self");
const messages = (g: WorkflowDraftGraph) => problemsOf(g).map((p) => `${p.nodeId ?? p.edgeId ?? "workflow"}: ${p.message}`);

describe("validateGraph", () => {
  it("passes the JOIN → welcome → wait for reply → branches workflow", () => {
    expect(problemsOf(joinFlow())).toEqual([]);
  });

  it("wants exactly one trigger", () => {
    expect(messages({ nodes: [], edges: [] })).toEqual(["workflow: Add a trigger: what starts this workflow"]);
    const g = joinFlow();
    g.nodes.push(n("t2", "trigger", { trigger: { kind: "manual" } }));
    expect(messages(g)).toContain("t2: A workflow has one trigger; remove this one");
  });

  it("pins a step no run reaches", () => {
    const g = joinFlow();
    g.nodes.push(send("island"));
    expect(messages(g)).toEqual(["island: Not connected to the trigger: no run reaches this step"]);
  });

  it("pins each dangling branch of a deciding step, the No reply branch by name", () => {
    const g = joinFlow();
    g.edges = g.edges.filter((x) => x.sourceHandle !== "timeout" && x.sourceHandle !== "b_no");
    g.nodes = g.nodes.filter((x) => x.id !== "late" && x.id !== "no");
    expect(messages(g)).toEqual(['ask: The "No" branch leads nowhere', 'ask: Connect the "No reply" branch: what happens when they do not answer']);
  });

  it("lets an action's next stay open (the run ends there) but not the trigger's", () => {
    // The four sends at the ends of the branches have no next: valid, each run completes there.
    expect(problemsOf(joinFlow())).toEqual([]);
    expect(messages({ nodes: [trigger], edges: [] })).toEqual(["t: Connect the trigger to the first step"]);
  });

  it("pins condition, random split and webhook outputs left open", () => {
    const g: WorkflowDraftGraph = {
      nodes: [
        trigger,
        n("c", "condition", { definition: { root: { type: "group", match: "all", rules: [] } } }),
        n("r", "random_split", { branches: [{ id: "a", label: "A", weight: 50 }, { id: "b", label: "B", weight: 50 }] }),
        n("w", "webhook", { url: "https://example.com/hook" }),
      ],
      edges: [e("t", "next", "c"), e("c", "yes", "r"), e("r", "a", "w")],
    };
    expect(messages(g)).toEqual(['c: The "No" branch leads nowhere', 'r: The "B (50%)" branch leads nowhere', 'w: The "Success" branch leads nowhere', 'w: The "Failure" branch leads nowhere']);
  });

  it("refuses edges to unknown steps, from outputs a step does not have, two from one output, and into the trigger", () => {
    const g = joinFlow();
    g.edges.push({ id: "ghost", source: "send", sourceHandle: "next", target: "nowhere" });
    g.edges.push({ id: "bad-handle", source: "y", sourceHandle: "yes", target: "late" });
    g.edges.push({ id: "twice", source: "ask", sourceHandle: "b_yes", target: "late" });
    g.edges.push({ id: "back", source: "late", sourceHandle: "next", target: "t" });
    const p = problemsOf(g);
    expect(p.find((x) => x.edgeId === "ghost")?.message).toBe("This connection joins a step that no longer exists");
    expect(p.find((x) => x.edgeId === "bad-handle")?.message).toBe("A connection leaves by an output this step no longer has");
    expect(p.find((x) => x.edgeId === "twice")?.message).toBe("An output leads to one step only");
    expect(p.find((x) => x.edgeId === "back")?.message).toBe("Nothing leads into the trigger");
  });

  it("knows merge fields: the contact's, custom ones, {{trigger.<key>}} and {{reply}}", () => {
    expect(checkWorkflowTemplate("Hi {{first_name}}, {{custom.shoe}} {{trigger.order_id|your order}} you said {{reply}}", ["shoe"])).toBeNull();
    expect(checkWorkflowTemplate("Hi {{frist_name}}", ["shoe"])).toMatch(/^Unknown merge field \{\{frist_name\}\}; use one of .*\{\{trigger\.<key>\}\}, \{\{reply\}\}$/);
    const g = joinFlow();
    g.nodes[1] = send("send", "Hi {{custom.nope}}");
    g.nodes.push(n("f", "update_field", { field: "custom.shoe", value: "{{bogus}}" }));
    g.edges.push(e("y", "next", "f"));
    expect(messages(g)).toEqual([
      expect.stringMatching(/^send: Unknown merge field \{\{custom\.nope\}\}/),
      expect.stringMatching(/^f: Unknown merge field \{\{bogus\}\}/),
    ]);
  });

  it("refuses an empty message and unknown fields to write", () => {
    const g = joinFlow();
    g.nodes[3] = send("y", "  ");
    g.nodes.push(n("f", "update_field", { field: "custom.missing", value: "x" }));
    g.edges.push(e("y", "next", "f"));
    (g.nodes[2]!.data as { saveTo: string | null }).saveTo = "shoeSize";
    expect(messages(g)).toEqual(['ask: Unknown field "shoeSize" to save the reply to', "y: Write the message", 'f: Unknown field "custom.missing"']);
  });

  it("pins unknown keyword rules, lists, segments, numbers, workflows, date fields and teammates", () => {
    const t = (trig: Record<string, unknown>) => problemsOf({ nodes: [n("t", "trigger", { trigger: trig }), send("s")], edges: [e("t", "next", "s")] }).map((p) => p.message);
    expect(t({ kind: "keyword", keywordRuleId: "kwr_gone" })).toEqual(["Unknown keyword rule: choose another"]);
    expect(t({ kind: "list_added", listId: "lst_gone" })).toEqual(["Unknown list: choose another"]);
    expect(t({ kind: "segment_entered", segmentId: "seg_gone" })).toEqual(["Unknown segment: choose another"]);
    expect(t({ kind: "date_anniversary", field: "shoe", time: "10:00" })).toEqual(['Unknown date field "shoe": choose a date custom field']);
    expect(t({ kind: "date_anniversary", field: "birthday", time: "10:00" })).toEqual([]);
    expect(t({ kind: "inbound_message", senderIds: ["snd_gone"] })).toEqual(["Unknown number: choose another"]);
    const chain = (node: DraftNode) => problemsOf({ nodes: [trigger, node], edges: [e("t", "next", node.id)] }).map((p) => p.message);
    expect(chain(n("l", "list", { op: "add", listId: "lst_gone" }))).toEqual(["Unknown list: choose another"]);
    expect(chain(n("s", "send_message", { body: "Hi", mediaIds: [], senderId: "snd_gone" }))).toEqual(["Unknown number: choose another"]);
    expect(chain(n("w", "start_workflow", { workflowId: "wf_gone" }))).toEqual(["Unknown workflow: choose another"]);
    expect(chain(n("w", "start_workflow", { workflowId: "wf_self" }))).toEqual(["A workflow cannot start itself"]);
    expect(chain(n("c", "conversation", { op: "open", assigneeId: "usr_gone" }))).toEqual(["Unknown teammate: choose another"]);
    expect(validateGraph(joinFlow(), { ...settings, entrySegmentId: "seg_gone" }, facts).map((p) => p.message)).toEqual(["Settings: unknown entry segment"]);
  });

  it("says what to choose on a node fresh from the palette", () => {
    const p = problemsOf({ nodes: [n("t", "trigger", { trigger: { kind: "keyword", keywordRuleId: "" } })], edges: [] });
    expect(p.map((x) => x.message)).toEqual(["Choose a keyword rule"]);
  });

  it("pins a loop with no wait in it, and lets a loop through a wait be", () => {
    const g: WorkflowDraftGraph = {
      nodes: [trigger, send("a"), n("tag", "tag", { op: "add", tag: "looped" }), n("pause", "wait_duration", { duration: { amount: 1, unit: "hours" } })],
      edges: [e("t", "next", "a"), e("a", "next", "tag"), e("tag", "next", "a")],
    };
    expect(messages(g)).toContain("a: This loop has no wait in it: a run would go round it without stopping; add a wait");
    g.edges = [e("t", "next", "a"), e("a", "next", "tag"), e("tag", "next", "pause"), e("pause", "next", "a")];
    expect(problemsOf(g)).toEqual([]);
    // Back to the question after an "other" reply: the wait for a reply is the wait.
    const ask2 = joinFlow();
    ask2.edges = ask2.edges.map((x) => (x.sourceHandle === "other" ? e("ask", "other", "other") : x));
    ask2.edges.push(e("other", "next", "ask"));
    expect(problemsOf(ask2)).toEqual([]);
  });

  it("wants random split shares to add up to 100", () => {
    const g: WorkflowDraftGraph = {
      nodes: [trigger, n("r", "random_split", { branches: [{ id: "a", label: "A", weight: 60 }, { id: "b", label: "B", weight: 30 }] }), send("x"), send("y")],
      edges: [e("t", "next", "r"), e("r", "a", "x"), e("r", "b", "y")],
    };
    expect(messages(g)).toEqual(["r: The shares add up to 90%, not 100%"]);
  });

  it("refuses a regex that does not compile", () => {
    const g = joinFlow();
    (g.nodes[2]!.data as { branches: unknown[] }).branches.push({ id: "b_rx", label: "Code", test: { kind: "regex", pattern: "([a-z" } });
    g.nodes.push(send("rx"));
    g.edges.push(e("ask", "b_rx", "rx"));
    expect(messages(g)).toEqual(['ask: Branch "Code": the pattern is not a valid regular expression']);
  });
});

describe("triggerColumns", () => {
  it("copies the key each trigger is found by", () => {
    expect(triggerColumns({ kind: "keyword", keywordRuleId: "kwr_1" })).toEqual({ triggerKind: "keyword", triggerKey: "kwr_1" });
    expect(triggerColumns({ kind: "inbound_message", senderIds: [] })).toEqual({ triggerKind: "inbound_message", triggerKey: null });
    expect(triggerColumns({ kind: "contact_created" }).triggerKey).toBeNull();
    expect(triggerColumns({ kind: "list_added", listId: "lst_1" }).triggerKey).toBe("lst_1");
    expect(triggerColumns({ kind: "tag_added", tag: "vip" }).triggerKey).toBe("vip");
    expect(triggerColumns({ kind: "segment_entered", segmentId: "seg_1" }).triggerKey).toBe("seg_1");
    expect(triggerColumns({ kind: "subscription_changed", to: "opted_out" }).triggerKey).toBe("opted_out");
    expect(triggerColumns({ kind: "date_anniversary", field: "birthday", time: "10:00" }).triggerKey).toBe("birthday");
    expect(triggerColumns({ kind: "link_clicked", campaignId: null }).triggerKey).toBeNull();
    expect(triggerColumns({ kind: "link_clicked", campaignId: "cmp_1" }).triggerKey).toBe("cmp_1");
    expect(triggerColumns({ kind: "api_event", name: "order.shipped" }).triggerKey).toBe("order.shipped");
    expect(triggerColumns({ kind: "manual" }).triggerKey).toBeNull();
  });
});
