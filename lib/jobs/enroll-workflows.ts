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
    let optedOut = false;
    // Which workflows start, found in one step (every inbound text comes here: most start nothing).
    let find: () => Promise<{ workflowId: string; trigger: RunTrigger }[]>;
    if (event.name === "messages/received") {
      const data = event.data as { messageId: string; contactId: string; senderId: string; keyword: "OPT_OUT" | "OPT_IN" | "HELP" | null; keywordRuleId?: string | null };
      contactIds = [data.contactId];
      optedOut = data.keyword === "OPT_OUT";
      find = async () => {
        // Compliance keywords (STOP, START, HELP) start nothing.
        if (data.keyword) return [];
        const matches: (TriggerMatch & { kind: string })[] = [{ kind: "inbound_message", key: null, senderId: data.senderId }];
        if (data.keywordRuleId) matches.unshift({ kind: "keyword", key: data.keywordRuleId });
        const found = (await Promise.all(matches.map(async (m) => (await matchWorkflows(ctx, m)).map((workflowId) => ({ workflowId, kind: m.kind }))))).flat();
        if (found.length === 0) return [];
        const body = (await ctx.db.message.findUnique({ where: { id: data.messageId }, select: { body: true } }))?.body ?? "";
        const triggerData = { messageId: data.messageId, senderId: data.senderId, body, keywordRuleId: data.keywordRuleId ?? null };
        return found.map(({ workflowId, kind }) => ({ workflowId, trigger: { kind, data: triggerData } }));
      };
    } else {
      const data = (event as { data: { kind: string; key: string | null; contactIds: string[]; data: Record<string, unknown>; workflowId?: string } }).data;
      contactIds = data.contactIds;
      optedOut = data.kind === "subscription_changed" && data.key === "opted_out";
      find = async () =>
        (await matchWorkflows(ctx, { kind: data.kind, key: data.key, workflowId: data.workflowId })).map((workflowId) => ({ workflowId, trigger: { kind: data.kind, data: data.data } }));
    }
    let exited = 0;
    if (optedOut) exited = (await step.run("exit-runs", () => exitRunsOfContacts(ctx, contactIds, "opted out"))).length;
    const starts = await step.run("match", find);
    let enrolled = 0;
    for (const { workflowId, trigger } of starts) {
      const { runIds } = await step.run(`enroll-${workflowId}`, () => enrollContacts(ctx, { workflowId, contacts: { ids: contactIds }, trigger: trigger as RunTrigger }));
      enrolled += runIds.length;
    }
    return { exited, enrolled };
  },
);
