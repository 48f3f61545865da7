// The steps a workflow is built from, as the palette offers them: grouped, each with its icon, the
// data a fresh one starts with, and the one-line summary its node shows on the canvas.
import {
  Clock,
  CalendarClock,
  CircleStop,
  Dices,
  GitBranch,
  Link2,
  List,
  MessageCircleQuestion,
  MessageSquareText,
  MessagesSquare,
  PencilLine,
  Tag,
  UserCheck,
  Workflow,
  Zap,
  type LucideIcon,
} from "lucide-react";
import type { EditorOptions } from "@/lib/workflows/editor-options";
import type { DraftNode, WorkflowNodeType } from "@/lib/workflows/graph-model";
import { NODE_LABELS, TRIGGER_LABELS } from "@/lib/workflows/labels";

export const NODE_ICONS: Record<WorkflowNodeType, LucideIcon> = {
  trigger: Zap,
  send_message: MessageSquareText,
  wait_duration: Clock,
  wait_until: CalendarClock,
  wait_for_reply: MessageCircleQuestion,
  condition: GitBranch,
  random_split: Dices,
  tag: Tag,
  list: List,
  update_field: PencilLine,
  subscription: UserCheck,
  conversation: MessagesSquare,
  webhook: Link2,
  start_workflow: Workflow,
  exit: CircleStop,
};

export const PALETTE: { group: string; types: WorkflowNodeType[] }[] = [
  { group: "Trigger", types: ["trigger"] },
  { group: "Messages", types: ["send_message"] },
  { group: "Waits", types: ["wait_duration", "wait_until", "wait_for_reply"] },
  { group: "Branches", types: ["condition", "random_split"] },
  { group: "Contact", types: ["tag", "list", "update_field", "subscription", "conversation"] },
  { group: "Other", types: ["webhook", "start_workflow", "exit"] },
];

export const newStepId = (prefix = "n") => `${prefix}_${crypto.randomUUID().replace(/-/g, "").slice(0, 10)}`;

/** What a step fresh from the palette holds: the choices it needs left empty (validation asks for them). */
export function defaultData(type: WorkflowNodeType): Record<string, unknown> {
  switch (type) {
    case "trigger":
      return { trigger: { kind: "keyword", keywordRuleId: "" } };
    case "send_message":
      return { body: "", mediaIds: [], senderId: null };
    case "wait_duration":
      return { duration: { amount: 1, unit: "days" } };
    case "wait_until":
      return { time: "10:00", weekdays: [] };
    case "wait_for_reply":
      return {
        timeout: { amount: 1, unit: "days" },
        branches: [
          { id: newStepId("br"), label: "Yes", test: { kind: "yes" } },
          { id: newStepId("br"), label: "No", test: { kind: "no" } },
        ],
        saveTo: null,
      };
    case "condition":
      return { definition: { timeZone: "UTC", root: { type: "group", match: "all", rules: [] } } };
    case "random_split":
      return {
        branches: [
          { id: newStepId("br"), label: "A", weight: 50 },
          { id: newStepId("br"), label: "B", weight: 50 },
        ],
      };
    case "tag":
      return { op: "add", tag: "" };
    case "list":
      return { op: "add", listId: "" };
    case "update_field":
      return { field: "", value: "{{reply}}" };
    case "subscription":
      return { op: "opt_out" };
    case "conversation":
      return { op: "open", assigneeId: null };
    case "webhook":
      return { url: "" };
    case "start_workflow":
      return { workflowId: "" };
    case "exit":
      return {};
  }
}

const plural = (n: number, unit: string) => `${n} ${n === 1 ? unit.replace(/s$/, "") : unit}`;
const WEEKDAYS = ["Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"];

/** One line under the node's title: what it is set to do, in words. */
export function summarize(node: DraftNode, options: EditorOptions | undefined): string {
  const d = node.data as Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any -- a draft's data is as typed so far
  const name = <T extends { id: string }>(rows: readonly T[] | undefined, id: unknown, label: (r: T) => string) => {
    const row = rows?.find((r) => r.id === id);
    return row ? label(row) : null;
  };
  switch (node.type) {
    case "trigger": {
      const t = d.trigger ?? {};
      const kind = TRIGGER_LABELS[t.kind as keyof typeof TRIGGER_LABELS] ?? "Trigger";
      const detail =
        t.kind === "keyword"
          ? name(options?.keywordRules, t.keywordRuleId, (r) => r.keywords.join(", "))
          : t.kind === "list_added"
            ? name(options?.lists, t.listId, (r) => r.name)
            : t.kind === "segment_entered"
              ? name(options?.segments, t.segmentId, (r) => r.name)
              : t.kind === "tag_added"
                ? t.tag
                : t.kind === "api_event"
                  ? t.name
                  : t.kind === "date_anniversary"
                    ? t.field && `${t.field} at ${t.time}`
                    : t.kind === "subscription_changed"
                      ? (t.to === "opted_out" ? "opted out" : "opted in")
                      : null;
      return detail ? `${kind}: ${detail}` : kind;
    }
    case "send_message": {
      const media = (d.mediaIds as string[] | undefined)?.length ?? 0;
      const attached = media ? `MMS, ${plural(media, "attachments")}` : "";
      return d.body?.trim() ? (attached ? `${attached} · ${d.body}` : d.body) : attached || "No message yet";
    }
    case "wait_duration":
      return d.duration ? `For ${plural(d.duration.amount, d.duration.unit)}` : "";
    case "wait_until": {
      const days = (d.weekdays as number[] | undefined)?.length ? ` on ${(d.weekdays as number[]).map((w) => WEEKDAYS[w]).join(", ")}` : "";
      return `Until ${d.time}${days}, their time`;
    }
    case "wait_for_reply":
      return d.timeout ? `Up to ${plural(d.timeout.amount, d.timeout.unit)}` : "";
    case "condition": {
      const rules = d.definition?.root?.rules?.length ?? 0;
      return rules ? `${plural(rules, "rules")} (${d.definition.root.match === "any" ? "any" : "all"})` : "No rules: everyone is Yes";
    }
    case "random_split":
      return `${d.branches?.length ?? 0} ways`;
    case "tag":
      return d.tag ? `${d.op === "remove" ? "Remove" : "Add"} "${d.tag}"` : "Choose a tag";
    case "list": {
      const list = name(options?.lists, d.listId, (r) => r.name);
      return list ? `${d.op === "remove" ? "Remove from" : "Add to"} ${list}` : "Choose a list";
    }
    case "update_field":
      return d.field ? `${d.field} = ${d.value}` : "Choose a field";
    case "subscription":
      return d.op === "opt_in" ? "Opt in" : "Opt out";
    case "conversation": {
      const who = name(options?.members, d.assigneeId, (m) => m.name);
      return d.op === "close" ? "Close the conversation" : who ? `Open, assign to ${who}` : "Open the conversation";
    }
    case "webhook":
      return d.url || "No URL yet";
    case "start_workflow":
      return name(options?.workflows, d.workflowId, (w) => w.name) ?? "Choose a workflow";
    case "exit":
      return "The run ends here";
  }
}

export const nodeTitle = (type: WorkflowNodeType) => NODE_LABELS[type];
