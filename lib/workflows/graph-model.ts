// A workflow is data: a graph of nodes joined by edges, saved as a draft and published as an
// immutable version, which one Inngest function interprets (lib/jobs/run-workflow.ts). This file is
// its one model (zod), shared by the canvas (checked as people type), the procedures, the
// publisher and the interpreter. Shape only: whether the graph makes sense (one trigger, nothing
// dangling or unreachable, merge fields known, a reply wait with its timeout) is validate-graph.ts.
import { z } from "zod";
import { tagSchema } from "@/lib/lists/tag-schema";
import { segmentDefinition } from "@/lib/segments/rule-model";
import { MAX_BODY_LENGTH } from "@/lib/sms/segments";

export const MAX_NODES = 200;
/** Steps a run may take before it is ended (Twilio Studio's limit too): a loop cannot run forever. */
export const MAX_RUN_STEPS = 1000;

const id = z.string().min(1).max(64);
const duration = z.strictObject({
  amount: z.number().int("Use a whole number").min(1, "Wait at least 1").max(10_000),
  unit: z.enum(["minutes", "hours", "days", "weeks"]),
});
export type WorkflowDuration = z.infer<typeof duration>;
const timeOfDay = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, "Use HH:MM, 24-hour");

// ---- Triggers: what enrols a contact (one trigger node per workflow) ----

/** The name of an API event (POST /api/v1/events), which an api_event trigger waits for. */
export const apiEventName = z.string().regex(/^[a-z0-9][a-z0-9._-]{0,99}$/i, "Use letters, digits, dots, dashes and underscores");

export const TRIGGER_KINDS = [
  "keyword",
  "inbound_message",
  "contact_created",
  "list_added",
  "tag_added",
  "segment_entered",
  "subscription_changed",
  "date_anniversary",
  "link_clicked",
  "api_event",
  "manual",
] as const;
export type TriggerKind = (typeof TRIGGER_KINDS)[number];

export const triggerConfig = z.discriminatedUnion("kind", [
  /** An org keyword rule (lib/keywords) matched the contact's text. */
  z.strictObject({ kind: z.literal("keyword"), keywordRuleId: id }),
  /** Any inbound text (compliance keywords excepted), optionally only to some of the org's numbers. */
  z.strictObject({ kind: z.literal("inbound_message"), senderIds: z.array(id).max(100).default([]) }),
  z.strictObject({ kind: z.literal("contact_created") }),
  z.strictObject({ kind: z.literal("list_added"), listId: id }),
  z.strictObject({ kind: z.literal("tag_added"), tag: tagSchema }),
  z.strictObject({ kind: z.literal("segment_entered"), segmentId: id }),
  z.strictObject({ kind: z.literal("subscription_changed"), to: z.enum(["opted_in", "opted_out"]) }),
  /** Each year on a date custom field's day, at a wall time in the contact's zone (birthdays at 10:00). */
  z.strictObject({ kind: z.literal("date_anniversary"), field: z.string().min(1).max(60), time: timeOfDay }),
  /** A person's click on a tracked link (bots excluded), optionally only one campaign's links. */
  z.strictObject({ kind: z.literal("link_clicked"), campaignId: id.nullable().default(null) }),
  /** POST /api/v1/events with this name. */
  z.strictObject({ kind: z.literal("api_event"), name: apiEventName }),
  /** Only by enrolling a list or segment by hand. */
  z.strictObject({ kind: z.literal("manual") }),
]);
export type TriggerConfig = z.infer<typeof triggerConfig>;

// ---- Reply tests of a wait-for-reply node, in order: the first that matches takes its branch ----

export const replyTest = z.discriminatedUnion("kind", [
  z.strictObject({ kind: z.literal("contains"), value: z.string().trim().min(1, "Enter the text").max(160) }),
  z.strictObject({ kind: z.literal("equals"), value: z.string().trim().min(1, "Enter the text").max(160) }),
  /** Any of these words, as whole words, ignoring case. */
  z.strictObject({ kind: z.literal("any_word"), words: z.array(z.string().trim().min(1).max(40)).min(1, "Enter at least one word").max(50) }),
  z.strictObject({ kind: z.literal("number_between"), min: z.number().finite(), max: z.number().finite() }).refine((t) => t.min <= t.max, { message: "The minimum must not be above the maximum", path: ["max"] }),
  /** yes, y, yeah, yep, sure, ok... / no, n, nope, nah... (reply-tests.ts). */
  z.strictObject({ kind: z.literal("yes") }),
  z.strictObject({ kind: z.literal("no") }),
  z.strictObject({ kind: z.literal("regex"), pattern: z.string().min(1).max(200) }),
  z.strictObject({ kind: z.literal("anything") }),
]);
export type ReplyTest = z.infer<typeof replyTest>;

const branch = z.strictObject({ id, label: z.string().trim().min(1, "Name the branch").max(40) });

// ---- Nodes ----

const position = z.strictObject({ x: z.number().finite(), y: z.number().finite() });
const node = <T extends string, D extends z.ZodType>(type: T, data: D) => z.strictObject({ id, type: z.literal(type), position, data });

export const workflowNode = z.discriminatedUnion("type", [
  node("trigger", z.strictObject({ trigger: triggerConfig })),
  /** Send a text (marketing; merge fields, {{trigger.<key>}} and {{reply}}), from a number or the contact's conversation's. */
  node("send_message", z.strictObject({ body: z.string().max(MAX_BODY_LENGTH), mediaIds: z.array(id).max(10).default([]), senderId: id.nullable().default(null) })),
  node("wait_duration", z.strictObject({ duration })),
  /** Until the next time of day (on one of the weekdays, 0 = Sunday; none: any day) in the contact's zone. */
  node("wait_until", z.strictObject({ time: timeOfDay, weekdays: z.array(z.number().int().min(0).max(6)).max(7).default([]) })),
  /** Branch per matching test, "other" for a reply none matches, "timeout" for no reply; the reply may be saved to a field. */
  node(
    "wait_for_reply",
    z.strictObject({
      timeout: duration,
      branches: z.array(branch.extend({ test: replyTest })).max(20),
      saveTo: z.string().min(1).max(60).nullable().default(null),
    }),
  ),
  /** "yes" when the contact meets the rules now, else "no". */
  node("condition", z.strictObject({ definition: segmentDefinition })),
  /** A/B: a branch per share, chosen at random by weight. */
  node("random_split", z.strictObject({ branches: z.array(branch.extend({ weight: z.number().int().min(1).max(100) })).min(2, "Split at least two ways").max(10) })),
  node("tag", z.strictObject({ op: z.enum(["add", "remove"]), tag: tagSchema })),
  node("list", z.strictObject({ op: z.enum(["add", "remove"]), listId: id })),
  /** A contact field ("firstName", "email", "custom.<key>") set to a template ({{reply}}: the last reply). */
  node("update_field", z.strictObject({ field: z.string().min(1).max(60), value: z.string().max(1000) })),
  node("subscription", z.strictObject({ op: z.enum(["opt_in", "opt_out"]) })),
  /** The contact's inbox conversation: opened (and assigned to a teammate when one is chosen) or closed. */
  node("conversation", z.strictObject({ op: z.enum(["open", "close"]), assigneeId: id.nullable().default(null) })),
  /** POST (signed like the org's webhooks) and branch: "success" for a 2xx, else "failure". */
  node("webhook", z.strictObject({ url: z.url({ protocol: /^https?$/, error: "Enter an http(s) URL" }).max(2000) })),
  node("start_workflow", z.strictObject({ workflowId: id })),
  node("exit", z.strictObject({})),
]);
export type WorkflowNode = z.infer<typeof workflowNode>;
export type WorkflowNodeType = WorkflowNode["type"];
export type NodeOf<T extends WorkflowNodeType> = Extract<WorkflowNode, { type: T }>;

/** An edge leaves a node by one of its outputs (`sourceHandle`, see nodeOutputs) for another node. */
export const workflowEdge = z.strictObject({ id, source: id, sourceHandle: z.string().min(1).max(64), target: id });
export type WorkflowEdge = z.infer<typeof workflowEdge>;

export const REENTRY = ["once", "one_at_a_time", "always"] as const;
export type Reentry = (typeof REENTRY)[number];

export const workflowSettings = z.strictObject({
  /** Who may enter: a saved segment (null: everyone the trigger brings). */
  entrySegmentId: id.nullable().default(null),
  /** once ever; once at a time (not while a run of theirs is active); always. */
  reentry: z.enum(REENTRY).default("one_at_a_time"),
  /** Sends held outside the org's quiet hours in the contact's zone, as campaigns' are. */
  quietHours: z.boolean().default(true),
  /** Sends skipped (and the run goes on) for a contact over the org's frequency cap. */
  frequencyCap: z.boolean().default(false),
  /** A send waits while a teammate has written in the contact's conversation within 10 minutes. */
  pauseWhileTeammateReplies: z.boolean().default(false),
});
export type WorkflowSettings = z.infer<typeof workflowSettings>;

export const workflowGraph = z.strictObject({
  nodes: z.array(workflowNode).max(MAX_NODES, `A workflow has at most ${MAX_NODES} steps`),
  edges: z.array(workflowEdge).max(MAX_NODES * 10),
});
export type WorkflowGraph = z.infer<typeof workflowGraph>;

export const EMPTY_GRAPH: WorkflowGraph = { nodes: [], edges: [] };

/** The outputs a node may be left by, in display order: the handles edges start from. */
export function nodeOutputs(n: WorkflowNode): { handle: string; label: string }[] {
  switch (n.type) {
    case "exit":
      return [];
    case "wait_for_reply":
      return [...n.data.branches.map((b) => ({ handle: b.id, label: b.label })), { handle: "other", label: "Other reply" }, { handle: "timeout", label: "No reply" }];
    case "condition":
      return [
        { handle: "yes", label: "Yes" },
        { handle: "no", label: "No" },
      ];
    case "random_split":
      return n.data.branches.map((b) => ({ handle: b.id, label: `${b.label} (${b.weight}%)` }));
    case "webhook":
      return [
        { handle: "success", label: "Success" },
        { handle: "failure", label: "Failure" },
      ];
    default:
      return [{ handle: "next", label: "Next" }];
  }
}

/** The node an output leads to, or null (the run ends there). */
export function nextNodeId(graph: WorkflowGraph, nodeId: string, handle: string): string | null {
  return graph.edges.find((e) => e.source === nodeId && e.sourceHandle === handle)?.target ?? null;
}

export function durationMs(d: WorkflowDuration): number {
  const unit = { minutes: 60_000, hours: 3_600_000, days: 86_400_000, weeks: 604_800_000 }[d.unit];
  return d.amount * unit;
}

// ---- Drafts ----

/**
 * A draft as the canvas autosaves it: the shape of a graph, but each node's data as typed so far
 * (a keyword not chosen yet, an empty branch name). Autosave must never refuse half-typed work;
 * validate-graph.ts reports each node that does not parse as workflowNode as a problem pinned to
 * it, and publishing takes only a draft that parses as workflowGraph.
 */
export const workflowDraftGraph = z.strictObject({
  nodes: z
    .array(z.strictObject({ id, type: z.enum(workflowNode.options.map((o) => o.shape.type.value) as [WorkflowNodeType, ...WorkflowNodeType[]]), position, data: z.record(z.string(), z.unknown()) }))
    .max(MAX_NODES, `A workflow has at most ${MAX_NODES} steps`),
  edges: z.array(workflowEdge).max(MAX_NODES * 10),
});
export type WorkflowDraftGraph = z.infer<typeof workflowDraftGraph>;
export type DraftNode = WorkflowDraftGraph["nodes"][number];
