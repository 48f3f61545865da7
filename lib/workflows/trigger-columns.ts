// A published version's trigger copied into columns (WorkflowVersion.triggerKind / triggerKey), so
// enrolment finds the workflows an event starts with one indexed read. The key is what the
// triggers' events are keyed by (lib/events/workflows.ts): null where the kind alone decides.
import type { TriggerConfig } from "@/lib/workflows/graph-model";

export function triggerColumns(t: TriggerConfig): { triggerKind: TriggerConfig["kind"]; triggerKey: string | null } {
  const key = (() => {
    switch (t.kind) {
      case "keyword":
        return t.keywordRuleId;
      case "list_added":
        return t.listId;
      case "tag_added":
        return t.tag;
      case "segment_entered":
        return t.segmentId;
      case "subscription_changed":
        return t.to;
      case "date_anniversary":
        return t.field;
      case "link_clicked":
        return t.campaignId;
      case "api_event":
        return t.name;
      case "inbound_message":
      case "contact_created":
      case "manual":
        return null;
    }
  })();
  return { triggerKind: t.kind, triggerKey: key };
}
