// The demo org's workflow: "Tasting night RSVP" (an API event starts it: a welcome that asks YES or
// NO, a wait for the reply with a branch each, "ask again" for anything else, an exit when nobody
// answers), made and published through the same functions as the editor, so the demo's graph is
// one the validator passes. Its run history (two weeks of ended runs: most said YES, some NO, a few
// never answered) is written by set-based inserts, as the message history is. No
// active run is seeded: one would wait for an executor run that does not exist, and a reply would
// go nowhere. Runs the demo starts itself (Enrol, Test run) are real.
import type { Db } from "../../lib/db/client.ts";
import { scopedDb } from "../../lib/db/scoped.ts";
import { newId } from "../../lib/ids.ts";
import type { OrgContext } from "../../lib/org-context.ts";
import type { WorkflowGraph } from "../../lib/workflows/graph-model.ts";
import { createWorkflow } from "../../lib/workflows/manage-workflows.ts";
import { publishWorkflow } from "../../lib/workflows/publish-workflow.ts";
import { saveDraft } from "../../lib/workflows/save-draft.ts";
import { prng, type Random } from "./prng.ts";

export const DEMO_WORKFLOW_NAME = "Tasting night RSVP";
const RUNS = 64;
const DAY = 86_400_000;

const at = (x: number, y: number) => ({ x, y });
export const DEMO_WORKFLOW_GRAPH: WorkflowGraph = {
  nodes: [
    { id: "start", type: "trigger", position: at(300, 0), data: { trigger: { kind: "api_event", name: "loyalty.joined" } } },
    { id: "welcome", type: "send_message", position: at(300, 170), data: { body: "Hi {{first_name|there}}, welcome to the Bean Club! Free tasting night Saturday at 6: want a seat? Reply YES or NO", mediaIds: [], senderId: null } },
    {
      id: "ask",
      type: "wait_for_reply",
      position: at(300, 350),
      data: {
        timeout: { amount: 2, unit: "days" },
        branches: [
          { id: "yes", label: "Yes", test: { kind: "yes" } },
          { id: "no", label: "No", test: { kind: "no" } },
        ],
        saveTo: null,
      },
    },
    { id: "rsvp", type: "tag", position: at(-150, 560), data: { op: "add", tag: "tasting-rsvp" } },
    { id: "see-you", type: "send_message", position: at(-150, 740), data: { body: "You're in! See you Saturday at 6, {{first_name|friend}}.", mediaIds: [], senderId: null } },
    { id: "no-thanks", type: "send_message", position: at(150, 560), data: { body: "No problem, we'll keep you posted on the next one.", mediaIds: [], senderId: null } },
    { id: "again", type: "send_message", position: at(450, 560), data: { body: "Sorry, we didn't catch that: reply YES or NO.", mediaIds: [], senderId: null } },
    { id: "bye", type: "exit", position: at(750, 560), data: {} },
  ],
  edges: [
    { id: "e-start", source: "start", sourceHandle: "next", target: "welcome" },
    { id: "e-welcome", source: "welcome", sourceHandle: "next", target: "ask" },
    { id: "e-yes", source: "ask", sourceHandle: "yes", target: "rsvp" },
    { id: "e-rsvp", source: "rsvp", sourceHandle: "next", target: "see-you" },
    { id: "e-no", source: "ask", sourceHandle: "no", target: "no-thanks" },
    { id: "e-other", source: "ask", sourceHandle: "other", target: "again" },
    { id: "e-again", source: "again", sourceHandle: "next", target: "ask" },
    { id: "e-timeout", source: "ask", sourceHandle: "timeout", target: "bye" },
  ],
};

type Step = { nodeId: string; nodeType: string; outcome: string; after: number; wait?: number; detail?: { reply: string } };
type Plan = { status: "COMPLETED" | "EXITED"; endReason: string; steps: Step[] };

const minutes = (random: Random, lo: number, hi: number) => Math.round((lo + random() * (hi - lo)) * 60_000);

/** A run's steps: the welcome, then the reply (or none) and its branch. */
function planRun(random: Random): Plan {
  const opening: Step[] = [
    { nodeId: "start", nodeType: "trigger", outcome: "next", after: 0 },
    { nodeId: "welcome", nodeType: "send_message", outcome: "next", after: 400 },
  ];
  const ask = (outcome: string, reply: string | null, wait: number): Step => ({ nodeId: "ask", nodeType: "wait_for_reply", outcome, after: 300, wait, ...(reply ? { detail: { reply } } : {}) });
  const yes = (): Step[] => [
    { nodeId: "rsvp", nodeType: "tag", outcome: "next", after: 200 },
    { nodeId: "see-you", nodeType: "send_message", outcome: "next", after: 300 },
  ];
  const roll = random();
  if (roll < 0.5) return { status: "COMPLETED", endReason: "completed", steps: [...opening, ask("yes", pickReply(random, ["Yes!", "yes", "YES please", "Yep"]), minutes(random, 2, 240)), ...yes()] };
  if (roll < 0.68) return { status: "COMPLETED", endReason: "completed", steps: [...opening, ask("no", pickReply(random, ["No thanks", "no", "Nope, busy Saturday"]), minutes(random, 5, 600)), { nodeId: "no-thanks", nodeType: "send_message", outcome: "next", after: 300 }] };
  if (roll < 0.78) {
    return {
      status: "COMPLETED",
      endReason: "completed",
      steps: [...opening, ask("other", "what time?", minutes(random, 5, 90)), { nodeId: "again", nodeType: "send_message", outcome: "next", after: 300 }, ask("yes", "ok yes", minutes(random, 1, 30)), ...yes()],
    };
  }
  return { status: "EXITED", endReason: "exit node", steps: [...opening, ask("timeout", null, 2 * DAY), { nodeId: "bye", nodeType: "exit", outcome: "next", after: 100 }] };
}

const pickReply = (random: Random, replies: string[]) => replies[Math.floor(random() * replies.length)]!;

export async function seedDemoWorkflow(db: Db, orgId: string, now: Date): Promise<{ runs: number }> {
  const ctx: OrgContext = { db: scopedDb(db, orgId), orgId, actor: { type: "SYSTEM", id: null, label: "Demo seed" }, role: null };
  const workflow = await createWorkflow(ctx, { name: DEMO_WORKFLOW_NAME });
  await saveDraft(ctx, { id: workflow.id, revision: workflow.draftRevision, graph: DEMO_WORKFLOW_GRAPH, settings: { ...workflow.settings, reentry: "once" } });
  const published = await publishWorkflow(ctx, { id: workflow.id });
  const versionId = published.publishedVersionId!;

  const contacts = await db.contact.findMany({ where: { orgId, consentStatus: "OPTED_IN" }, orderBy: { id: "asc" }, take: RUNS, select: { id: true } });
  const random = prng(16);
  const runs = [];
  const steps = [];
  for (const [i, contact] of contacts.entries()) {
    const plan = planRun(random);
    // Spread over the last two weeks, newest last; a run that waits two days started earlier than that.
    let t = now.getTime() - 14 * DAY + Math.floor((i / contacts.length) * 11 * DAY) + minutes(random, 0, 600);
    const startedAt = new Date(t);
    const runId = newId("workflowRun", startedAt);
    for (const step of plan.steps) {
      t += step.after;
      const enteredAt = new Date(t);
      t += step.wait ?? 0;
      steps.push({
        id: newId("workflowRunStep", enteredAt),
        orgId,
        runId,
        workflowId: workflow.id,
        versionId,
        nodeId: step.nodeId,
        nodeType: step.nodeType,
        enteredAt,
        leftAt: new Date(t),
        outcome: step.outcome,
        detail: step.detail ?? undefined,
      });
    }
    const last = plan.steps.at(-1)!;
    runs.push({
      id: runId,
      orgId,
      workflowId: workflow.id,
      versionId,
      contactId: contact.id,
      status: plan.status,
      nodeId: last.nodeId,
      trigger: { kind: "api_event", data: { store: i % 3 === 0 ? "Mission St" : "Valencia St", points: 50 } },
      stepCount: plan.steps.length,
      startedAt,
      endedAt: new Date(t),
      endReason: plan.endReason,
    });
  }
  await db.workflowRun.createMany({ data: runs });
  await db.workflowRunStep.createMany({ data: steps });
  return { runs: runs.length };
}
