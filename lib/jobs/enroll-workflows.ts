// Starts workflows from what happens to contacts: `workflows/trigger.fired`, announced by the domains
// after commit (lib/events/announce-triggers.ts: only what some active workflow starts on), its
// matching active workflows each enrolled in a step of its own (lib/workflows/enroll.ts decides who
// may enter). An opt-out (subscription_changed to opted_out, from a STOP or anywhere else) first
// exits every active run of the contact: the "a STOP always exits every run".
import { inngest } from "@/lib/events/client";
import { workflowTriggerFired } from "@/lib/events/workflows";
import { exitRunsOfContacts } from "@/lib/workflows/end-runs";
import { enrollContacts } from "@/lib/workflows/enroll";
import { matchWorkflows } from "@/lib/workflows/match-workflows";
import type { RunTrigger } from "@/lib/workflows/run-state";
import { workflowJobContext } from "@/lib/workflows/workflow-job-context";

export const enrollWorkflowsJob = inngest.createFunction(
  { id: "enroll-workflows", name: "Start workflows", triggers: [workflowTriggerFired], retries: 5 },
  async ({ event, step }) => {
    const { orgId, kind, key, contactIds, data, workflowId } = event.data;
    const ctx = workflowJobContext(orgId);
    let exited = 0;
    if (kind === "subscription_changed" && key === "opted_out") exited = (await step.run("exit-runs", () => exitRunsOfContacts(ctx, contactIds, "opted out"))).length;
    // An inbound text's trigger names the number it came to (inbound-message triggers may name some).
    const senderId = typeof data.senderId === "string" ? data.senderId : undefined;
    const starts = await step.run("match", () => matchWorkflows(ctx, { kind, key, workflowId, senderId }));
    const trigger: RunTrigger = { kind, data };
    let enrolled = 0;
    for (const id of starts) {
      const { runIds } = await step.run(`enroll-${id}`, () => enrollContacts(ctx, { workflowId: id, contacts: { ids: contactIds }, trigger }));
      enrolled += runIds.length;
    }
    return { exited, enrolled };
  },
);
