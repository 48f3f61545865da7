// Events of workflows (lib/workflows/), each defined once with the SDK's eventType() and the zod
// schema of its data (see members.ts). Domains below workflows (contacts, lists, messaging, links,
// the API) announce what may start a workflow with `workflowTriggerFired`, after commit; they know
// nothing of workflows beyond this event.
import { eventType } from "inngest";
import { z } from "zod";

export const TRIGGER_EVENT_KINDS = [
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
] as const;

/**
 * Something happened to contacts that a published workflow's trigger may be waiting for. `key` is
 * what the trigger is keyed by (WorkflowVersion.triggerKey): the list id, the tag, the segment id,
 * "opted_in"/"opted_out", the date field, the campaign id (or null), the event name, the keyword
 * rule; null for contact_created and inbound_message. `data` becomes {{trigger.<key>}} in the run's
 * texts (an inbound text's: messageId, senderId, body, keywordRuleId).
 */
export const workflowTriggerFired = eventType("workflows/trigger.fired", {
  schema: z.object({
    orgId: z.string().min(1),
    kind: z.enum(TRIGGER_EVENT_KINDS),
    key: z.string().nullable(),
    contactIds: z.array(z.string().min(1)).min(1).max(10_000),
    data: z.record(z.string(), z.unknown()),
    /** Segment entered and anniversaries: the workflow whose own check found the contacts. */
    workflowId: z.string().optional(),
  }),
});

/** Run a contact through a published version (lib/jobs/run-workflow.ts); the WorkflowRun row exists. */
export const workflowRunRequested = eventType("workflows/run.requested", {
  schema: z.object({ orgId: z.string().min(1), runId: z.string().min(1) }),
});

/** A run was ended from outside (canceled, the contact opted out): its Inngest run is cancelled. */
export const workflowRunEnded = eventType("workflows/run.ended", {
  schema: z.object({ orgId: z.string().min(1), runId: z.string().min(1) }),
});

/** A paused workflow was resumed: its runs holding before their next step go on. */
export const workflowResumed = eventType("workflows/workflow.resumed", {
  schema: z.object({ orgId: z.string().min(1), workflowId: z.string().min(1) }),
});
