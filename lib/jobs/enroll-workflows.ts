// Starts workflows from what happens to contacts: `workflows/trigger.fired` (announced by the
// domains after commit) and `messages/received` (keyword rules and any inbound text), each
// matching active workflows enrolled in a step of its own (lib/workflows/enroll.ts decides who may
// enter). A STOP, as a text or as an opt-out from anywhere (subscription_changed to opted_out),
// first exits every active run of the contact: the "a STOP always exits every run".
import { inngest } from "@/lib/events/client";
import { messageReceived } from "@/lib/events/messaging";
import { workflowTriggerFired } from "@/lib/events/workflows";
import { exitRunsOfContacts } from "@/lib/workflows/end-runs";
import { enrollContacts } from "@/lib/workflows/enroll";
import { matchWorkflows, type TriggerMatch } from "@/lib/workflows/match-workflows";
import type { RunTrigger } from "@/lib/workflows/run-state";
import { workflowJobContext } from "@/lib/workflows/workflow-job-context";

export const enrollWorkflowsJob = inngest.createFunction(
  { id: "enroll-workflows", name: "Start workflows", triggers: [workflowTriggerFired, messageReceived], retries: 5 },
  async ({ event, step }) => {
    const ctx = workflowJobContext(event.data.orgId);
    let contactIds: string[];
    let matches: (TriggerMatch & { trigger: RunTrigger })[] = [];
    let optedOut = false;
    if (event.name === "messages/received") {
      const data = event.data as { messageId: string; contactId: string; senderId: string; keyword: "OPT_OUT" | "OPT_IN" | "HELP" | null; keywordRuleId?: string | null };
      contactIds = [data.contactId];
      optedOut = data.keyword === "OPT_OUT";
      if (!data.keyword) {
        const body = await step.run("read-text", async () => (await ctx.db.message.findUnique({ where: { id: data.messageId }, select: { body: true } }))?.body ?? "");
        const trigger = { messageId: data.messageId, senderId: data.senderId, body, keywordRuleId: data.keywordRuleId ?? null };
        if (data.keywordRuleId) matches.push({ kind: "keyword", key: data.keywordRuleId, trigger: { kind: "keyword", data: trigger } });
        matches.push({ kind: "inbound_message", key: null, senderId: data.senderId, trigger: { kind: "inbound_message", data: trigger } });
      }
    } else {
      const data = (event as { data: { kind: string; key: string | null; contactIds: string[]; data: Record<string, unknown>; workflowId?: string } }).data;
      contactIds = data.contactIds;
      optedOut = data.kind === "subscription_changed" && data.key === "opted_out";
      matches = [{ kind: data.kind, key: data.key, workflowId: data.workflowId, trigger: { kind: data.kind, data: data.data } }];
    }
    let exited = 0;
    if (optedOut) exited = (await step.run("exit-runs", () => exitRunsOfContacts(ctx, contactIds, "opted out"))).length;
    let enrolled = 0;
    for (const [i, match] of matches.entries()) {
      const workflowIds = await step.run(`match-${i}`, () => matchWorkflows(ctx, match));
      for (const workflowId of workflowIds) {
        const { runIds } = await step.run(`enroll-${workflowId}`, () => enrollContacts(ctx, { workflowId, contacts: { ids: contactIds }, trigger: match.trigger }));
        enrolled += runIds.length;
      }
    }
    return { exited, enrolled };
  },
);
