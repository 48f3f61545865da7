// Every workflow run, one Inngest function for all workflows: the run's published version is data
// this interprets (lib/workflows/run-node.ts per node, finish-wait.ts after a wait). Each node is a
// step whose id comes from the node (`node:<nodeId>`; the SDK numbers repeats in a loop), waits are
// step.sleepUntil and step.waitForEvent on the contact's next text, so a run survives restarts and
// resumes where it was, on the embedded executor or an Inngest server. A run ended from outside
// (canceled, a STOP) is cancelled by `workflows/run.ended`; every step also looks at the run's row
// first. A paused workflow's runs wait for `workflows/workflow.resumed` (or look again hourly: a
// resume between the look and the wait's registration is not lost). `makeRunWorkflowJob` takes test hooks.
import { inngest } from "@/lib/events/client";
import { messageReceived } from "@/lib/events/messaging";
import { workflowResumed, workflowRunEnded, workflowRunRequested } from "@/lib/events/workflows";
import { finishWait } from "@/lib/workflows/finish-wait";
import { MAX_RUN_STEPS } from "@/lib/workflows/graph-model";
import { runNode, type InterpreterOptions, type NodeResult } from "@/lib/workflows/run-node";
import { failRun } from "@/lib/workflows/fail-run";
import { loadRun, type RunSnapshot } from "@/lib/workflows/run-state";
import { workflowJobContext } from "@/lib/workflows/workflow-job-context";

const PAUSE_RECHECK = "1h";
const PAUSE_RECHECK_MS = 3_600_000;

export interface RunWorkflowOptions extends InterpreterOptions {
  /** Tests: runs in a node's step after it has committed (before the job sleeps or waits). */
  afterNode?: (run: { runId: string; contactId: string }, nodeId: string, result: NodeResult) => Promise<void> | void;
}

export function makeRunWorkflowJob(options: RunWorkflowOptions = {}) {
  return inngest.createFunction(
    {
      id: "run-workflow",
      name: "Run a workflow",
      triggers: [workflowRunRequested],
      cancelOn: [{ event: workflowRunEnded, match: "data.runId" }],
      // One Inngest run per workflow run, however often it is requested.
      idempotency: "event.data.runId",
      concurrency: [{ limit: 50, key: "event.data.orgId" }],
      retries: 5,
      onFailure: async ({ event, error }) => {
        const { orgId, runId } = event.data.event.data as { orgId: string; runId: string };
        await failRun(workflowJobContext(orgId), runId, error.message);
      },
    },
    async ({ event, step }) => {
      const { orgId, runId } = event.data;
      const ctx = workflowJobContext(orgId);
      let run: RunSnapshot | null = await step.run("load", () => loadRun(ctx, runId));
      if (!run) return { ended: "not active" };
      let nodeId: string | null = run.nodeId;
      let reply: string | null = null;
      // A bound on the loop itself; the step limit is the run row's (run-node.ts ends the run there).
      for (let i = 0; nodeId && i < MAX_RUN_STEPS * 2; i++) {
        const snapshot: RunSnapshot = run;
        const at: string = nodeId;
        const result = await step.run(`node:${at}`, async () => {
          const done = await runNode(ctx, snapshot, at, { reply, options });
          await options.afterNode?.({ runId: snapshot.runId, contactId: snapshot.contactId }, at, done);
          return done;
        });
        if (result.kind === "stopped") return { ended: "stopped", at };
        if (result.kind === "paused") {
          const recheck = options.maxWaitMs === undefined ? PAUSE_RECHECK : Math.min(options.maxWaitMs, PAUSE_RECHECK_MS);
          await step.waitForEvent(`node:${at}:resume`, { event: workflowResumed, timeout: recheck, if: `async.data.workflowId == "${snapshot.workflowId}"` });
          continue;
        }
        if (result.kind === "moved") {
          // A text held for quiet hours: the next node waits until it goes.
          if (result.holdUntil) await step.sleepUntil(`node:${at}:quiet`, result.holdUntil);
          nodeId = result.next;
          continue;
        }
        if (result.kind === "sleep") {
          await step.sleepUntil(`node:${at}:sleep`, result.until);
          // A teammate's hold: the send node runs again.
          if (result.waiting === "teammate") continue;
        }
        let received: { messageId: string; keyword: "OPT_OUT" | "OPT_IN" | "HELP" | null } | null = null;
        if (result.kind === "reply") {
          const event = await step.waitForEvent(`node:${at}:reply`, {
            event: messageReceived,
            timeout: new Date(result.timeoutAt),
            if: `async.data.contactId == "${snapshot.contactId}"`,
          });
          received = event ? { messageId: event.data.messageId, keyword: event.data.keyword } : null;
        }
        const since = result.kind === "reply" ? result.since : "";
        const after = await step.run(`node:${at}:after`, () =>
          finishWait(ctx, snapshot, at, result.kind === "reply" ? { kind: "reply", reply: received, since } : { kind: "slept" }),
        );
        if (after.snapshot) run = after.snapshot as RunSnapshot;
        if (after.reply !== undefined) reply = after.reply;
        if (after.result.kind === "stopped") return { ended: "stopped", at };
        nodeId = after.result.kind === "moved" ? after.result.next : null;
      }
      return { ended: nodeId ? "loop bound" : "done" };
    },
  );
}

export const runWorkflowJob = makeRunWorkflowJob();
