// What people call the steps and triggers of a workflow: the canvas, the list and error messages.
import type { TriggerKind, WorkflowNodeType } from "@/lib/workflows/graph-model";

export const NODE_LABELS: Record<WorkflowNodeType, string> = {
  trigger: "Trigger",
  send_message: "Send message",
  wait_duration: "Wait",
  wait_until: "Wait until",
  wait_for_reply: "Wait for reply",
  condition: "Condition",
  random_split: "Random split",
  tag: "Tag",
  list: "List",
  update_field: "Update field",
  subscription: "Subscription",
  conversation: "Conversation",
  webhook: "Webhook",
  start_workflow: "Start workflow",
  exit: "Exit",
};

export const TRIGGER_LABELS: Record<TriggerKind, string> = {
  keyword: "Keyword",
  inbound_message: "Any inbound text",
  contact_created: "Contact created",
  list_added: "Added to list",
  tag_added: "Tag added",
  segment_entered: "Entered segment",
  subscription_changed: "Subscription changed",
  date_anniversary: "Date anniversary",
  link_clicked: "Link clicked",
  api_event: "API event",
  manual: "Manual enrolment",
};
