// Whether a draft makes sense as a workflow: the problems the canvas pins on its nodes as people
// type, and the ones publishing refuses. Pure: the org's facts (its keyword rules, lists, segments,
// numbers, workflows, fields, members) are handed in, so the browser runs exactly what the server runs.
//
// Open outputs: an action's "next" (send, waits, tag, list, field, subscription, conversation,
// start a workflow) may be left open: the run ends there, completed, which is what a last step
// means. A node that decides (wait for reply, condition, random split, webhook) must have every
// output connected, since a run taking the forgotten one would end silently where the marketer
// meant it to go on; "No reply" above all, or a wait for a reply would end the run at its timeout.
import { validateTemplate } from "@/lib/sms/templates";
import { nodeOutputs, workflowNode, type DraftNode, type WorkflowDraftGraph, type WorkflowNode, type WorkflowNodeType, type WorkflowSettings } from "@/lib/workflows/graph-model";

export interface WorkflowProblem {
  /** The node it is pinned to; else the edge; else it is the workflow's. */
  nodeId?: string;
  edgeId?: string;
  message: string;
}

/** The org's ids a workflow may name (editor-options.ts reads them, with names for the pickers). */
export interface WorkflowFacts {
  keywordRuleIds: readonly string[];
  listIds: readonly string[];
  segmentIds: readonly string[];
  senderIds: readonly string[];
  /** The org's other workflows (start_workflow). */
  workflowIds: readonly string[];
  customFields: readonly { key: string; type: string }[];
  /** Members' user ids (a conversation's assignee). */
  memberIds: readonly string[];
}


const DECIDES: ReadonlySet<WorkflowNodeType> = new Set(["wait_for_reply", "condition", "random_split", "webhook"]);
const WAITS: ReadonlySet<WorkflowNodeType> = new Set(["wait_duration", "wait_until", "wait_for_reply"]);
/** Contact fields a step may write: update_field and a reply's saveTo. */
export const WRITABLE_FIELDS = ["firstName", "lastName", "email"] as const;
/** What a workflow's texts may use beyond the contact's merge fields. */
const WORKFLOW_TAGS = /\{\{\s*(trigger\.[A-Za-z0-9_.-]+|reply)\s*(\|[^{}]*)?\}\}/g;

/** Checks a template, allowing {{trigger.<key>}} and {{reply}} beside the contact's fields. */
export function checkWorkflowTemplate(body: string, customFieldKeys: readonly string[]): string | null {
  const check = validateTemplate(body.replace(WORKFLOW_TAGS, ""), customFieldKeys);
  if (check.ok) return null;
  return check.message.replace(/; use one of (.*)$/, "; use one of $1, {{trigger.<key>}}, {{reply}}");
}

const writable = (field: string, facts: WorkflowFacts) =>
  (WRITABLE_FIELDS as readonly string[]).includes(field) || (field.startsWith("custom.") && facts.customFields.some((f) => `custom.${f.key}` === field));

// What an unchosen picker says (a node fresh from the palette has them empty).
const CHOOSE: Record<string, string> = {
  keywordRuleId: "Choose a keyword rule",
  listId: "Choose a list",
  segmentId: "Choose a segment",
  workflowId: "Choose a workflow",
  field: "Choose a field",
  name: "Enter the event name",
  url: "Enter the URL to call",
};

/** Problems of one node's own configuration (the side panel shows them under its form). */
export function nodeProblems(raw: DraftNode, facts: WorkflowFacts, selfId?: string): string[] {
  const parsed = workflowNode.safeParse(raw);
  if (!parsed.success) {
    const first = parsed.error.issues[0]!;
    const key = String(first.path.at(-1) ?? "");
    const empty = first.code === "too_small" || (first.code === "invalid_type" && first.input === undefined);
    return [empty && key in CHOOSE ? CHOOSE[key]! : empty && first.code === "invalid_type" ? `Fill in ${key || "the settings"}` : first.message];
  }
  return configProblems(parsed.data, facts, selfId);
}

function configProblems(n: WorkflowNode, facts: WorkflowFacts, selfId?: string): string[] {
  const keys = facts.customFields.map((f) => f.key);
  const out: string[] = [];
  const known = (ids: readonly string[], id: string | null, what: string) => {
    if (id !== null && !ids.includes(id)) out.push(`Unknown ${what}: choose another`);
  };
  switch (n.type) {
    case "trigger": {
      const t = n.data.trigger;
      if (t.kind === "keyword") known(facts.keywordRuleIds, t.keywordRuleId, "keyword rule");
      if (t.kind === "inbound_message") for (const s of t.senderIds) known(facts.senderIds, s, "number");
      if (t.kind === "list_added") known(facts.listIds, t.listId, "list");
      if (t.kind === "segment_entered") known(facts.segmentIds, t.segmentId, "segment");
      if (t.kind === "date_anniversary" && !facts.customFields.some((f) => f.key === t.field && f.type === "DATE")) out.push(`Unknown date field "${t.field}": choose a date custom field`);
      break;
    }
    case "send_message": {
      if (!n.data.body.trim() && n.data.mediaIds.length === 0) out.push("Write the message");
      const bad = checkWorkflowTemplate(n.data.body, keys);
      if (bad) out.push(bad);
      known(facts.senderIds, n.data.senderId, "number");
      break;
    }
    case "wait_for_reply":
      if (n.data.saveTo !== null && !writable(n.data.saveTo, facts)) out.push(`Unknown field "${n.data.saveTo}" to save the reply to`);
      for (const b of n.data.branches) {
        if (b.test.kind === "regex") {
          try {
            new RegExp(b.test.pattern, "i");
          } catch {
            out.push(`Branch "${b.label}": the pattern is not a valid regular expression`);
          }
        }
      }
      if (new Set(n.data.branches.map((b) => b.id)).size !== n.data.branches.length) out.push("Two branches share an id");
      break;
    case "random_split": {
      const total = n.data.branches.reduce((sum, b) => sum + b.weight, 0);
      if (total !== 100) out.push(`The shares add up to ${total}%, not 100%`);
      break;
    }
    case "list":
      known(facts.listIds, n.data.listId, "list");
      break;
    case "update_field": {
      if (!writable(n.data.field, facts)) out.push(`Unknown field "${n.data.field}"`);
      const bad = checkWorkflowTemplate(n.data.value, keys);
      if (bad) out.push(bad);
      break;
    }
    case "conversation":
      known(facts.memberIds, n.data.assigneeId, "teammate");
      break;
    case "start_workflow":
      if (n.data.workflowId === selfId) out.push("A workflow cannot start itself");
      else known(facts.workflowIds, n.data.workflowId, "workflow");
      break;
    case "condition":
      for (const id of listIdsIn(n.data.definition.root)) known(facts.listIds, id, "list in the rules");
      break;
    default:
      break;
  }
  return out;
}

// Condition rules naming lists ("is in list X"): the segment compiler refuses unknown ones at run time.
function listIdsIn(rule: unknown): string[] {
  if (!rule || typeof rule !== "object") return [];
  const r = rule as { type?: string; field?: string; value?: unknown; rules?: unknown[] };
  if (r.type === "group") return (r.rules ?? []).flatMap(listIdsIn);
  if (r.field === "lists") return (Array.isArray(r.value) ? r.value : [r.value]).filter((v): v is string => typeof v === "string");
  return [];
}

/** Every problem of a draft, in the order of its nodes; none: it may be published. */
export function validateGraph(graph: WorkflowDraftGraph, settings: WorkflowSettings, facts: WorkflowFacts, selfId?: string): WorkflowProblem[] {
  const problems: WorkflowProblem[] = [];
  const byId = new Map(graph.nodes.map((n) => [n.id, n]));
  if (byId.size !== graph.nodes.length) problems.push({ message: "Two steps share an id" });

  const triggers = graph.nodes.filter((n) => n.type === "trigger");
  if (triggers.length === 0) problems.push({ message: "Add a trigger: what starts this workflow" });
  for (const extra of triggers.slice(1)) problems.push({ nodeId: extra.id, message: "A workflow has one trigger; remove this one" });
  if (settings.entrySegmentId !== null && !facts.segmentIds.includes(settings.entrySegmentId)) problems.push({ message: "Settings: unknown entry segment" });

  // The outputs each node has now (a parsed node's; a half-typed one keeps the edges it had).
  const outputsOf = new Map<string, Set<string> | null>();
  for (const n of graph.nodes) {
    const parsed = workflowNode.safeParse(n);
    outputsOf.set(n.id, parsed.success ? new Set(nodeOutputs(parsed.data).map((o) => o.handle)) : null);
    for (const message of nodeProblems(n, facts, selfId)) problems.push({ nodeId: n.id, message });
  }

  const usable: WorkflowDraftGraph["edges"] = [];
  const taken = new Set<string>();
  for (const e of graph.edges) {
    const outputs = outputsOf.get(e.source);
    if (!byId.has(e.source) || !byId.has(e.target)) problems.push({ edgeId: e.id, message: "This connection joins a step that no longer exists" });
    else if (outputs && !outputs.has(e.sourceHandle)) problems.push({ edgeId: e.id, nodeId: e.source, message: "A connection leaves by an output this step no longer has" });
    else if (taken.has(`${e.source}\n${e.sourceHandle}`)) problems.push({ edgeId: e.id, nodeId: e.source, message: "An output leads to one step only" });
    else if (byId.get(e.target)!.type === "trigger") problems.push({ edgeId: e.id, nodeId: e.target, message: "Nothing leads into the trigger" });
    else {
      taken.add(`${e.source}\n${e.sourceHandle}`);
      usable.push(e);
    }
  }

  for (const n of graph.nodes) {
    const parsed = workflowNode.safeParse(n);
    if (!parsed.success) continue;
    const open = nodeOutputs(parsed.data).filter((o) => !taken.has(`${n.id}\n${o.handle}`));
    if (n.type === "trigger" && open.length) problems.push({ nodeId: n.id, message: "Connect the trigger to the first step" });
    if (!DECIDES.has(n.type)) continue;
    for (const o of open) {
      problems.push({
        nodeId: n.id,
        message: o.handle === "timeout" ? 'Connect the "No reply" branch: what happens when they do not answer' : `The "${o.label}" branch leads nowhere`,
      });
    }
  }

  const next = new Map<string, string[]>();
  for (const e of usable) next.set(e.source, [...(next.get(e.source) ?? []), e.target]);
  if (triggers.length > 0) {
    const reached = new Set<string>([triggers[0]!.id]);
    const queue = [triggers[0]!.id];
    while (queue.length) {
      for (const t of next.get(queue.shift()!) ?? []) {
        if (reached.has(t)) continue;
        reached.add(t);
        queue.push(t);
      }
    }
    for (const n of graph.nodes) if (!reached.has(n.id) && n.type !== "trigger") problems.push({ nodeId: n.id, message: "Not connected to the trigger: no run reaches this step" });
  }

  for (const id of loopsWithoutWait(graph.nodes, next)) problems.push({ nodeId: id, message: "This loop has no wait in it: a run would go round it without stopping; add a wait" });
  return problems;
}

/** One node of each cycle that passes no wait (the target of the edge closing it). */
function loopsWithoutWait(nodes: readonly DraftNode[], next: Map<string, string[]>): string[] {
  const instant = new Set(nodes.filter((n) => !WAITS.has(n.type)).map((n) => n.id));
  const state = new Map<string, "open" | "done">();
  const found = new Set<string>();
  const visit = (id: string) => {
    state.set(id, "open");
    for (const t of next.get(id) ?? []) {
      if (!instant.has(t)) continue;
      if (state.get(t) === "open") found.add(t);
      else if (!state.has(t)) visit(t);
    }
    state.set(id, "done");
  };
  for (const id of instant) if (!state.has(id)) visit(id);
  return [...found];
}
