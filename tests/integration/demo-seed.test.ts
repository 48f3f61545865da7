// The demo seed (prisma/seed/): its message history reads as the pipeline would have written it,
// its segments are valid under the rule model, it is the same for the same clock, and a rerun (as
// every `npm start` does) adds nothing; its workflow is published and its runs walk the graph.
import { beforeAll, describe, expect, it } from "vitest";
import { canTransition } from "@/lib/messaging/status";
import { ALWAYS_KEYWORDS, matchKeyword } from "@/lib/sms/compliance-keywords";
import { scopedDb } from "@/lib/db/scoped";
import type { OrgContext } from "@/lib/org-context";
import { countSegment } from "@/lib/segments/evaluate-segment";
import { segmentDefinition, type SegmentDefinitionInput } from "@/lib/segments/rule-model";
import { DEMO_ORG_NAME } from "../../prisma/demo";
import { nextNodeId, workflowGraph } from "@/lib/workflows/graph-model";
import { DEMO_SEGMENTS } from "../../prisma/seed/demo-segments";
import { DEMO_WORKFLOW_NAME } from "../../prisma/seed/demo-workflow";
import { planDemoHistory } from "../../prisma/seed/plan-demo-history";
import { DEMO_NUMBER, seedDemo } from "../../prisma/seed/seed-demo";
import { setupTestDatabase } from "./helpers/db";

const { db } = await setupTestDatabase();
const now = new Date("2026-12-06T12:00:00Z");
const DAY = 86_400_000;
let orgId: string;

const counts = async () => ({
  contacts: await db.contact.count({ where: { orgId } }),
  messages: await db.message.count({ where: { orgId } }),
  events: await db.messageEvent.count({ where: { orgId } }),
  consent: await db.consentEvent.count({ where: { orgId } }),
  segments: await db.segment.count({ where: { orgId } }),
  audit: await db.auditLog.count({ where: { orgId } }),
  conversations: await db.conversation.count({ where: { orgId } }),
});

beforeAll(async () => {
  orgId = await seedDemo(db, now);
});

describe("the demo seed", () => {
  it("gives the demo org its contacts, its fixed number, saved segments and 90 days of texting", async () => {
    const c = await counts();
    expect(c.contacts).toBe(1000);
    expect(c.segments).toBe(DEMO_SEGMENTS.length);
    expect(c.messages).toBeGreaterThan(2000);
    expect(await db.senderNumber.findMany({ where: { orgId }, select: { address: true } })).toEqual([{ address: DEMO_NUMBER }]);
    const since = new Date(now.getTime() - 90 * DAY);
    const byStatus = await db.message.groupBy({ by: ["direction", "status"], where: { orgId, createdAt: { gte: since } }, _count: true });
    const count = (direction: string, status: string) => byStatus.find((g) => g.direction === direction && g.status === status)?._count ?? 0;
    expect(count("OUTBOUND", "DELIVERED")).toBeGreaterThan(1000);
    expect(count("OUTBOUND", "UNDELIVERED")).toBeGreaterThan(10);
    expect(count("OUTBOUND", "FAILED")).toBeGreaterThan(5);
    expect(count("INBOUND", "RECEIVED")).toBeGreaterThan(100);
    // Nothing the dispatcher would pick up on first start, nothing in the future.
    expect(byStatus.filter((g) => ["QUEUED", "SCHEDULED", "SENDING"].includes(g.status))).toEqual([]);
    expect(await db.message.count({ where: { orgId, OR: [{ createdAt: { gt: now } }, { updatedAt: { gt: now } }] } })).toBe(0);
    // Replies in the last 30 days: the "Engaged in the last 30 days" segment has people in it.
    const engaged = await db.message.findMany({ where: { orgId, direction: "INBOUND", createdAt: { gte: new Date(now.getTime() - 30 * DAY) } }, distinct: ["contactId"] });
    expect(engaged.length).toBeGreaterThan(20);
  });

  it("writes every message as the pipeline would: its sender, price, history of allowed moves ending in its status, a submission once sent", async () => {
    const sender = await db.senderNumber.findFirstOrThrow({ where: { orgId }, include: { connection: true } });
    const messages = await db.message.findMany({ where: { orgId }, include: { events: { orderBy: { id: "asc" } }, submissions: true } });
    for (const m of messages) {
      expect(m.senderId).toBe(sender.id);
      expect(m.direction === "OUTBOUND" ? m.from : m.to).toBe(DEMO_NUMBER);
      expect(m.segments).toBeGreaterThan(0);
      expect(m.encoding).toMatch(/^(GSM-7|UCS-2)$/);
      expect(m.priceMicros).toBe(m.direction === "OUTBOUND" ? m.segments * sender.connection.smsPriceMicros : 0);
      const statuses = m.events.map((e) => e.status);
      expect(statuses[0]).toBe(m.direction === "OUTBOUND" ? "QUEUED" : "RECEIVED");
      expect(statuses.at(-1)).toBe(m.status);
      for (let i = 1; i < statuses.length; i++) expect(canTransition(statuses[i - 1]!, statuses[i]!), `${m.id}: ${statuses.join(" → ")}`).toBe(true);
      expect(m.events.at(-1)!.errorCode).toBe(m.errorCode);
      if (m.status === "UNDELIVERED" || m.status === "FAILED") expect(m.errorCode).toMatch(/^300\d\d$/);
      if (m.direction === "OUTBOUND") expect(m.submissions.map((s) => s.carrierMessageId)).toEqual([m.carrierMessageId]);
    }
  });

  it("records every opt-out as a STOP: consent history with its message, audit, no marketing after it", async () => {
    const optedOut = await db.contact.findMany({ where: { orgId, consentStatus: "OPTED_OUT" }, include: { consentEvents: true } });
    expect(optedOut.length).toBeGreaterThan(20);
    for (const c of optedOut) {
      expect(c.consentEvents).toHaveLength(1);
      const [event] = c.consentEvents;
      expect(event).toMatchObject({ action: "OPT_OUT", source: "keyword", occurredAt: c.optedOutAt });
      expect(c.optOutSource).toBe(`keyword:${event!.keyword}`);
      const stop = await db.message.findUniqueOrThrow({ where: { id: event!.messageId! } });
      expect(stop).toMatchObject({ direction: "INBOUND", contactId: c.id, createdAt: c.optedOutAt });
      expect(await db.auditLog.count({ where: { orgId, targetId: c.id, action: "contact.opted_out", actorType: "SYSTEM" } })).toBe(1);
      expect(await db.message.count({ where: { contactId: c.id, direction: "OUTBOUND", marketing: true, createdAt: { gt: c.optedOutAt! } } })).toBe(0);
    }
  });

  it("saves segments the rule model accepts, unchanged by parsing", async () => {
    const segments = await db.segment.findMany({ where: { orgId }, orderBy: { name: "asc" } });
    expect(segments.map((s) => s.name)).toEqual(DEMO_SEGMENTS.map((s) => s.name).sort());
    for (const s of segments) expect(segmentDefinition.parse(s.definition)).toEqual(s.definition);
  });

  it("plans the same history for the same contacts and clock", async () => {
    const contacts = await db.contact.findMany({ where: { orgId }, orderBy: { id: "asc" } });
    const sender = { id: "snd_x", address: DEMO_NUMBER, connectionId: "conn_x", smsPriceMicros: 7900 };
    // Ids carry random bits by design; everything else is the PRNG's.
    const strip = (plan: ReturnType<typeof planDemoHistory>) => plan.messages.map((m) => ({ ...m, id: undefined, campaignId: m.campaignId !== null }));
    expect(strip(planDemoHistory(contacts, sender, DEMO_ORG_NAME, now))).toEqual(strip(planDemoHistory(contacts, sender, DEMO_ORG_NAME, now)));
  });

  it("records its marketing texts as completed campaigns, one message per recipient, in the dashboard's rollup", async () => {
    const campaigns = await db.campaign.findMany({ where: { orgId }, include: { _count: { select: { messages: true, recipientRows: true } } } });
    expect(campaigns.length).toBe(9);
    for (const c of campaigns) {
      expect(c.status).toBe("COMPLETED");
      expect(c._count.messages).toBe(c.recipients);
      expect(c._count.recipientRows).toBe(c.recipients);
    }
    const rolled = await db.messageDailyStat.aggregate({ where: { orgId, campaignId: { not: "" }, direction: "OUTBOUND" }, _sum: { messages: true } });
    expect(rolled._sum.messages).toBe(await db.message.count({ where: { orgId, campaignId: { not: null } } }));
  });

  it("keeps each contact's last delivery outcome as its messages say, so 'Unreachable numbers' has people in it", async () => {
    const outcomes = await db.message.findMany({
      where: { orgId, direction: "OUTBOUND", status: { in: ["SENT", "DELIVERED", "UNDELIVERED", "FAILED"] } },
      orderBy: { id: "asc" },
    });
    // The newest by id wins: later entries overwrite earlier ones.
    const last = new Map(outcomes.map((m) => [m.contactId, { contactId: m.contactId, messageId: m.id, status: m.status, errorCode: m.errorCode }]));
    const byContact = (a: { contactId: string | null }, b: { contactId: string | null }) => (a.contactId! < b.contactId! ? -1 : 1);
    const kept = await db.contactLastOutcome.findMany({ where: { orgId }, select: { contactId: true, messageId: true, status: true, errorCode: true } });
    expect(kept.sort(byContact)).toEqual([...last.values()].sort(byContact));
    const ctx: OrgContext = { db: scopedDb(db, orgId), orgId, actor: { type: "SYSTEM", id: null, label: "test" }, role: null };
    const unreachable = await db.segment.findFirstOrThrow({ where: { orgId, name: "Unreachable numbers" } });
    expect(await countSegment(ctx, unreachable.definition as SegmentDefinitionInput)).toBeGreaterThan(0);
  });

  it("gives each customer who texted the conversation the routing would have: open while their last texts are unanswered, waiting unless those were only keywords", async () => {
    const texted = await db.message.findMany({ where: { orgId, direction: "INBOUND" }, distinct: ["contactId"], select: { contactId: true } });
    const conversations = await db.conversation.findMany({ where: { orgId } });
    expect(conversations.map((c) => c.contactId).sort()).toEqual(texted.map((m) => m.contactId).sort());
    expect(conversations.some((c) => c.status === "OPEN")).toBe(true);
    const consentTexts = await db.consentEvent.findMany({ where: { orgId, messageId: { not: null } }, select: { messageId: true } });
    const systemAnswered = new Set(consentTexts.map((e) => e.messageId));
    const ALWAYS: readonly string[] = ALWAYS_KEYWORDS;
    for (const c of conversations) {
      const last = await db.message.findFirstOrThrow({ where: { orgId, contactId: c.contactId, direction: "INBOUND" }, orderBy: { id: "desc" } });
      const reply = await db.message.findFirst({ where: { orgId, contactId: c.contactId, direction: "OUTBOUND", source: { in: ["ui", "api"] } }, orderBy: { id: "desc" } });
      const unanswered = !reply || reply.id < last.id;
      expect(c.status, c.contactId).toBe(unanswered ? "OPEN" : "CLOSED");
      expect(c.lastInboundAt).toEqual(last.createdAt);
      expect(c.senderId).toBe(last.senderId);
      // Waiting since the first unanswered text a person must answer: not a STOP, HELP or START.
      const since = await db.message.findMany({ where: { orgId, contactId: c.contactId, direction: "INBOUND", ...(reply && { id: { gt: reply.id } }) }, orderBy: { id: "asc" } });
      const first = since.find((m) => !systemAnswered.has(m.id) && !ALWAYS.includes(matchKeyword(m.body)?.keyword ?? ""));
      expect(c.waitingSince, c.contactId).toEqual(first?.createdAt ?? null);
    }
    // Some contacts' last word was a STOP: open, shown, and waiting for no one.
    expect(conversations.some((c) => c.status === "OPEN" && c.waitingSince === null)).toBe(true);
  });

  it("adds nothing when run again, and backfills an older demo org that has neither segments nor messages", async () => {
    const before = await counts();
    expect(await seedDemo(db, now)).toBe(orgId);
    expect(await counts()).toEqual(before);

    // A demo org that has texted keeps what it has, even without segments.
    await db.segment.deleteMany({ where: { orgId } });
    await seedDemo(db, now);
    expect(await counts()).toEqual({ ...before, segments: 0 });

    // One seeded before segments and history existed (its opted-out contacts without history) gets both.
    await db.message.deleteMany({ where: { orgId } });
    await db.consentEvent.deleteMany({ where: { orgId } });
    await db.auditLog.deleteMany({ where: { orgId, action: "contact.opted_out" } });
    await seedDemo(db, now);
    const after = await counts();
    expect(after.segments).toBe(DEMO_SEGMENTS.length);
    expect(after.messages).toBeGreaterThan(2000);
    expect(after.consent).toBe(await db.contact.count({ where: { orgId, consentStatus: "OPTED_OUT" } }));
  });
  it("publishes its workflow (the validator passes it) with runs that each walk the graph: every step left by an output leading to the next, ended where the run says, none active", async () => {
    const workflow = await db.workflow.findFirstOrThrow({ where: { orgId, name: DEMO_WORKFLOW_NAME }, include: { publishedVersion: true } });
    expect(workflow.status).toBe("ACTIVE");
    const graph = workflowGraph.parse(workflow.publishedVersion!.graph);
    const runs = await db.workflowRun.findMany({ where: { orgId, workflowId: workflow.id }, include: { steps: { orderBy: { enteredAt: "asc" } } } });
    expect(runs.length).toBeGreaterThan(40);
    expect(new Set(runs.map((r) => r.status))).toEqual(new Set(["COMPLETED", "EXITED"]));
    for (const run of runs) {
      expect(run.steps[0]!.nodeId).toBe("start");
      for (const [i, step] of run.steps.entries()) {
        const next = run.steps[i + 1];
        if (next) expect(nextNodeId(graph, step.nodeId, step.outcome!), `${run.id} step ${i}`).toBe(next.nodeId);
        expect(step.leftAt!.getTime()).toBeGreaterThanOrEqual(step.enteredAt.getTime());
      }
      const last = run.steps.at(-1)!;
      expect(run.nodeId).toBe(last.nodeId);
      // The run ends where its last step leads nowhere (completed) or at the exit step.
      expect(run.status === "EXITED" ? last.nodeId : nextNodeId(graph, last.nodeId, last.outcome!)).toBe(run.status === "EXITED" ? "bye" : null);
      expect(run.endedAt!.getTime()).toBeLessThanOrEqual(now.getTime());
      expect(run.stepCount).toBe(run.steps.length);
    }
  });
});
