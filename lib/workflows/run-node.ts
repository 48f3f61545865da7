// One node of a run, the body of its step (lib/jobs/run-workflow.ts: `node:<nodeId>`). Every node
// first looks at the run: ended (canceled, a STOP) stops it at once; its workflow paused holds it
// before the node; past MAX_RUN_STEPS ends it. Then per type: actions are done and recorded with
// the run's move in one transaction under the run's row lock; a send or a webhook (their own
// transaction, a network call) first, then recorded; waits record that the run waits and how long,
// and the job sleeps or waits for the reply (finish-wait.ts takes it from there).
import { DomainError } from "@/lib/errors";
import type { OrgContext, ScopedTx } from "@/lib/org-context";
import { applyContactAction } from "@/lib/workflows/contact-actions";
import { conditionStep } from "@/lib/workflows/condition-step";
import { contactZone } from "@/lib/workflows/contact-zone";
import { enrollContacts } from "@/lib/workflows/enroll";
import { MAX_RUN_STEPS, durationMs, nextNodeId, type WorkflowNode } from "@/lib/workflows/graph-model";
import { chooseSplitBranch } from "@/lib/workflows/random-split";
import { finishRun } from "@/lib/workflows/finish-run";
import { lockRun, recordStep, type LockedRun } from "@/lib/workflows/run-rows";
import { nodeById, type RunSnapshot } from "@/lib/workflows/run-state";
import { renderRunTokens } from "@/lib/workflows/run-tokens";
import { sendStep } from "@/lib/workflows/send-step";
import { nextTimeOfDay } from "@/lib/workflows/wait-until";
import { webhookStep } from "@/lib/workflows/webhook-step";

/** How a teammate's recent text holds a send: looked at again this often. */
export const TEAMMATE_RECHECK_MS = 5 * 60_000;
/** Test runs: waits are fast-forwarded to this, a reply is waited for this long (a virtual phone answers). */
export const TEST_SLEEP_MS = 1_000;
export const TEST_REPLY_TIMEOUT_MS = 60_000;

export interface InterpreterOptions {
  /** Tests: every wait (sleep and reply timeout) at most this long. */
  maxWaitMs?: number;
  /** Test runs' reply timeout (TEST_REPLY_TIMEOUT_MS). */
  testReplyTimeoutMs?: number;
  /** Webhook nodes may call private addresses (tests; otherwise WEBHOOK_ALLOW_PRIVATE). */
  allowPrivate?: boolean;
}

export type NodeResult =
  | { kind: "stopped" }
  | { kind: "paused" }
  /** Done; `next` is where the run goes (null: it ended here). */
  | { kind: "moved"; next: string | null; holdUntil?: string }
  | { kind: "sleep"; until: string; waiting: "duration" | "until" | "teammate" }
  /** Wait for a reply since `since` (the time the run reached the node) until `timeoutAt`. */
  | { kind: "reply"; since: string; timeoutAt: string };

export interface RunExtras {
  /** The contact's last reply in this run ({{reply}}). */
  reply: string | null;
  options: InterpreterOptions;
}

/** The next node after `handle`, the run moved there or ended (COMPLETED) when there is none, with the node's step row. */
export async function moveOn(tx: ScopedTx, orgId: string, run: LockedRun, snapshot: RunSnapshot, node: WorkflowNode, handle: string, detail?: Record<string, unknown>): Promise<NodeResult> {
  const next = nextNodeId(snapshot.graph, node.id, handle);
  await recordStep(tx, orgId, run, { nodeId: node.id, nodeType: node.type, outcome: handle, detail }, { nodeId: next ?? node.id });
  if (node.type === "exit") await finishRun(tx, orgId, run.id, "EXITED", "exit node");
  else if (next === null) await finishRun(tx, orgId, run.id, "COMPLETED", "completed");
  return { kind: "moved", next: node.type === "exit" ? null : next };
}

type Guarded = { run: LockedRun } | { result: NodeResult };

/** The run's row locked, or why the node must not run now (and the run's row says so). */
async function guard(ctx: OrgContext, tx: ScopedTx, runId: string): Promise<Guarded> {
  const run = await lockRun(tx, ctx.orgId, runId);
  if (!run || run.status !== "ACTIVE") return { result: { kind: "stopped" } };
  if (run.workflowStatus === "PAUSED" && !run.test) {
    await tx.workflowRun.update({ where: { id: run.id }, data: { waiting: "paused", waitingUntil: null } });
    return { result: { kind: "paused" } };
  }
  if (run.stepCount >= MAX_RUN_STEPS) {
    await finishRun(tx, ctx.orgId, run.id, "EXITED", "step limit");
    return { result: { kind: "stopped" } };
  }
  return { run };
}

function waitMs(snapshot: RunSnapshot, ms: number, options: InterpreterOptions): number {
  const wanted = snapshot.test ? Math.min(ms, TEST_SLEEP_MS) : ms;
  return Math.max(0, options.maxWaitMs === undefined ? wanted : Math.min(wanted, options.maxWaitMs));
}

export async function runNode(ctx: OrgContext, snapshot: RunSnapshot, nodeId: string, extras: RunExtras): Promise<NodeResult> {
  const node = nodeById(snapshot.graph, nodeId);
  const inTx = (work: (tx: ScopedTx, run: LockedRun) => Promise<NodeResult>) =>
    ctx.db.$transaction(async (tx) => {
      const guarded = await guard(ctx, tx, snapshot.runId);
      return "result" in guarded ? guarded.result : work(tx, guarded.run);
    });
  // Looked at before a node's network call or send: a canceled run sends nothing.
  const look = () => ctx.db.$transaction((tx) => guard(ctx, tx, snapshot.runId));
  switch (node.type) {
    case "send_message": {
      const pre = await look();
      if ("result" in pre) return pre.result;
      const { stepCount } = pre.run;
      const sent = await sendStep(ctx, { runId: snapshot.runId, contactId: snapshot.contactId, stepCount, settings: snapshot.settings, trigger: snapshot.trigger.data, reply: extras.reply }, node);
      if (sent.kind === "teammate") {
        const until = new Date(Date.now() + waitMs(snapshot, TEAMMATE_RECHECK_MS, extras.options));
        return inTx(async (tx, run) => {
          await tx.workflowRun.update({ where: { id: run.id }, data: { nodeId: node.id, waiting: "teammate", waitingUntil: until } });
          return { kind: "sleep", until: until.toISOString(), waiting: "teammate" };
        });
      }
      const heldUntil = typeof sent.detail.heldUntil === "string" ? new Date(sent.detail.heldUntil) : null;
      return inTx(async (tx, run) => {
        const moved = await moveOn(tx, ctx.orgId, run, snapshot, node, "next", sent.detail);
        if (moved.kind !== "moved" || moved.next === null || !heldUntil) return moved;
        // Held for quiet hours: the run goes on once the text goes, so a reply wait after it counts from then.
        const until = new Date(Date.now() + waitMs(snapshot, heldUntil.getTime() - Date.now(), extras.options));
        await tx.workflowRun.update({ where: { id: run.id }, data: { waiting: "quiet", waitingUntil: until } });
        return { ...moved, holdUntil: until.toISOString() };
      });
    }
    case "webhook": {
      const pre = await look();
      if ("result" in pre) return pre.result;
      const { stepCount } = pre.run;
      const { handle, detail } = await webhookStep(ctx, { ...snapshot, stepCount }, node, { allowPrivate: extras.options.allowPrivate });
      return inTx((tx, run) => moveOn(tx, ctx.orgId, run, snapshot, node, handle, detail));
    }
    case "start_workflow": {
      const pre = await look();
      if ("result" in pre) return pre.result;
      let detail: Record<string, unknown>;
      if (node.data.workflowId === snapshot.workflowId) detail = { skipped: "a workflow does not start itself" };
      else {
        const { runIds } = await enrollContacts(ctx, {
          workflowId: node.data.workflowId,
          contacts: { ids: [snapshot.contactId] },
          trigger: { kind: "workflow", data: { ...snapshot.trigger.data, workflowId: snapshot.workflowId, runId: snapshot.runId } },
        });
        detail = runIds[0] ? { runId: runIds[0] } : { skipped: "the contact may not enter that workflow now (not active, re-entry or entry segment)" };
      }
      return inTx((tx, run) => moveOn(tx, ctx.orgId, run, snapshot, node, "next", detail));
    }
    case "wait_duration":
    case "wait_until":
      return inTx(async (tx, run) => {
        let until: Date;
        if (node.type === "wait_duration") until = new Date(Date.now() + waitMs(snapshot, durationMs(node.data.duration), extras.options));
        else {
          const contact = await tx.contact.findUnique({ where: { id: run.contactId }, select: { timeZone: true, phone: true } });
          const { zone } = contactZone(contact ?? { timeZone: null, phone: "" });
          const at = nextTimeOfDay(zone, node.data.time, node.data.weekdays, new Date());
          until = new Date(Date.now() + waitMs(snapshot, at.getTime() - Date.now(), extras.options));
        }
        const waiting = node.type === "wait_duration" ? "duration" : "until";
        await recordStep(tx, ctx.orgId, run, { nodeId: node.id, nodeType: node.type, outcome: null, detail: { until: until.toISOString() } }, { nodeId: node.id, waiting, waitingUntil: until });
        return { kind: "sleep", until: until.toISOString(), waiting };
      });
    case "wait_for_reply":
      return inTx(async (tx, run) => {
        const timeout = snapshot.test ? (extras.options.testReplyTimeoutMs ?? TEST_REPLY_TIMEOUT_MS) : durationMs(node.data.timeout);
        const timeoutMs = extras.options.maxWaitMs === undefined ? timeout : Math.min(timeout, extras.options.maxWaitMs);
        // Since the run left the node before: a reply to the text just sent counts even when it came before this step.
        const last = await tx.workflowRunStep.findFirst({ where: { runId: run.id }, orderBy: { enteredAt: "desc" }, select: { leftAt: true } });
        const entered = await recordStep(tx, ctx.orgId, run, { nodeId: node.id, nodeType: node.type, outcome: null }, { nodeId: node.id, waiting: "reply", waitingUntil: null });
        const since = last?.leftAt ?? entered;
        const timeoutAt = new Date(entered.getTime() + timeoutMs);
        await tx.workflowRun.update({ where: { id: run.id }, data: { waitingUntil: timeoutAt } });
        return { kind: "reply", since: since.toISOString(), timeoutAt: timeoutAt.toISOString() };
      });
    default:
      return inTx(async (tx, run) => {
        switch (node.type) {
          case "trigger":
            return moveOn(tx, ctx.orgId, run, snapshot, node, "next", { kind: snapshot.trigger.kind });
          case "exit":
            return moveOn(tx, ctx.orgId, run, snapshot, node, "next");
          case "condition":
            return moveOn(tx, ctx.orgId, run, snapshot, node, await conditionStep(ctx, tx, node, run.contactId));
          case "random_split":
            return moveOn(tx, ctx.orgId, run, snapshot, node, chooseSplitBranch(node.data.branches, run.id, node.id));
          default: {
            const render = (template: string) => renderRunTokens(template, { trigger: snapshot.trigger.data, reply: extras.reply });
            try {
              const detail = await applyContactAction(ctx, tx, node, run.contactId, render);
              return moveOn(tx, ctx.orgId, run, snapshot, node, "next", detail);
            } catch (error) {
              // A refusal inside the transaction aborted it: nothing to record in it, so the step fails and is retried.
              if (error instanceof DomainError) throw new Error(`${node.type} ${node.id}: ${error.message}`);
              throw error;
            }
          }
        }
      });
  }
}
