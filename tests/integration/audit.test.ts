// Every mutation a signed-in user makes through tRPC leaves an audit row naming that user. The map
// below must name every mutation of appRouter, so a new one fails here until it is audited.
import { beforeAll, describe, expect, it } from "vitest";
import { createApiKey } from "@/lib/api-keys/create-api-key";
import { pauseCampaign } from "@/lib/campaigns/control-campaign";
import { createCampaign } from "@/lib/campaigns/manage-campaigns";
import { scheduleCampaign } from "@/lib/campaigns/schedule-campaign";
import { startCampaign } from "@/lib/campaigns/start-campaign";
import { createConnection } from "@/lib/delivery/manage-connections";
import { createContact } from "@/lib/contacts/create-contact";
import { createCustomField } from "@/lib/custom-fields/manage-custom-fields";
import { addToList } from "@/lib/lists/list-membership";
import { createKeywordRule } from "@/lib/keywords/manage-rules";
import { createList } from "@/lib/lists/manage-lists";
import { newId } from "@/lib/ids";
import { createInvitation } from "@/lib/members/invitations";
import { sendOne } from "@/lib/messaging/send-one";
import type { OrgContext } from "@/lib/org-context";
import { createSegment } from "@/lib/segments/manage-segments";
import { EVERYONE } from "@/lib/segments/rule-model";
import { createSender } from "@/lib/senders/manage-senders";
import { createEndpoint } from "@/lib/webhooks/manage-endpoints";
import { startConversation } from "@/lib/inbox/start-conversation";
import { createSavedReply } from "@/lib/inbox/saved-replies";
import { startTestRun } from "@/lib/workflows/test-run";
import { sendTestEvent } from "@/lib/webhooks/replay-delivery";
import { setupTestDatabase } from "./helpers/db";
import { expectTRPCError } from "./helpers/expect-error";
import { pauseWorkflow } from "@/lib/workflows/control-workflow";
import { createWorkflow } from "@/lib/workflows/manage-workflows";
import { publishWorkflow } from "@/lib/workflows/publish-workflow";
import { saveDraft } from "@/lib/workflows/save-draft";
import { callProcedure, PROCEDURE_PATHS, procedureType } from "./helpers/procedures";
import { addMember, callerFor, createOrgWithOwner, orgContextFor, type TestUser } from "./helpers/factories";

const { db } = await setupTestDatabase();

let user: TestUser;
let ctx: OrgContext;
let seq = 0;
const phone = () => `+1 415 555 ${String(1000 + seq++)}`;
const connection = () => createConnection(ctx, { name: `Connection ${seq++}`, kind: "SIMULATOR" });
// A public IP literal: saved without a DNS lookup; no executor runs here, so nothing is sent to it.
const endpoint = () => createEndpoint(ctx, { url: `https://93.184.216.34/hooks/${seq++}`, eventTypes: ["message.sent"] });
// An import as the upload leaves it (UPLOADED) or as the dry run does (READY).
const contactImport = async (status: "UPLOADED" | "READY") =>
  (
    await db.contactImport.create({
      data: {
        id: newId("contactImport"),
        orgId: ctx.orgId,
        fileName: "audit.csv",
        fileSize: 30,
        storageKey: `${ctx.orgId}/audit-${seq++}.csv`,
        delimiter: ",",
        headers: ["phone"],
        status,
      },
    })
  ).id;
const sender = async () =>
  createSender(ctx, { kind: "LONG_CODE", address: phone(), connectionId: (await connection()).id });

// Each entry prepares what the mutation needs (as the same user, directly through lib/) and returns
// a valid input. The rows must be in the user's org, except for org.create's, which are in the new org.
const keywordRule = () => createKeywordRule(ctx, { name: `Rule ${seq++}`, keywords: [`WORD${seq++}`], matchOn: "whole", reply: "Hi" });
const MUTATIONS: Record<string, () => Promise<unknown>> = {
  "org.create": async () => ({ name: "Second org", defaultCountry: "DE" }),
  "org.update": async () => ({ name: "Renamed org" }),
  "contacts.create": async () => ({ phone: phone(), firstName: "New" }),
  "contacts.update": async () => ({ id: (await createContact(ctx, { phone: phone() })).id, firstName: "Changed" }),
  "contacts.delete": async () => ({ ids: [(await createContact(ctx, { phone: phone() })).id] }),
  "contacts.tag": async () => ({ ids: [(await createContact(ctx, { phone: phone() })).id], add: ["tagged"] }),
  "contacts.changeConsent": async () => ({ id: (await createContact(ctx, { phone: phone() })).id, kind: "OPT_OUT" }),
  "contacts.bulk": async () => {
    const tag = `bulk-${seq++}`;
    await createContact(ctx, { phone: phone(), tags: [tag] });
    return { filter: { tag }, action: { kind: "tag", add: ["bulked"] } };
  },
  "keywords.create": async () => ({ name: `Rule ${seq++}`, keywords: [`WORD${seq++}`], matchOn: "whole", reply: "Hi" }),
  "keywords.update": async () => ({ id: (await keywordRule()).id, rule: { name: `Rule ${seq++}`, keywords: [`WORD${seq++}`], matchOn: "whole", reply: "Hello" } }),
  "keywords.setEnabled": async () => ({ id: (await keywordRule()).id, enabled: false }),
  "keywords.delete": async () => ({ id: (await keywordRule()).id }),
  "lists.create": async () => ({ name: `List ${seq++}` }),
  "lists.rename": async () => ({ id: (await createList(ctx, { name: `List ${seq++}` })).id, name: `Renamed ${seq++}` }),
  "lists.delete": async () => ({ id: (await createList(ctx, { name: `List ${seq++}` })).id }),
  "segments.create": async () => ({ name: `Segment ${seq++}`, definition: { root: { type: "group", match: "all", rules: [] } } }),
  "segments.update": async () => ({ id: (await createSegment(ctx, { name: `Segment ${seq++}`, definition: EVERYONE })).id, name: `Renamed ${seq++}` }),
  "segments.delete": async () => ({ id: (await createSegment(ctx, { name: `Segment ${seq++}`, definition: EVERYONE })).id }),
  "lists.addContacts": async () => ({
    listId: (await createList(ctx, { name: `List ${seq++}` })).id,
    contactIds: [(await createContact(ctx, { phone: phone() })).id],
  }),
  "lists.removeContacts": async () => {
    const list = await createList(ctx, { name: `List ${seq++}` });
    const contact = await createContact(ctx, { phone: phone() });
    await addToList(ctx, { listId: list.id, contactIds: [contact.id] });
    return { listId: list.id, contactIds: [contact.id] };
  },
  "customFields.create": async () => ({ key: `field_${seq++}`, label: "Field", type: "TEXT" }),
  "customFields.delete": async () => ({ id: (await createCustomField(ctx, { key: `field_${seq++}`, label: "F", type: "DATE" })).id }),
  "members.changeRole": async () => ({ membershipId: (await addMember(db, ctx.orgId, "MEMBER")).membership.id, role: "ADMIN" }),
  "members.remove": async () => ({ membershipId: (await addMember(db, ctx.orgId, "MEMBER")).membership.id }),
  "members.invite": async () => ({ email: `invitee-${seq++}@example.test`, role: "MEMBER" }),
  "members.revokeInvite": async () => ({ id: (await createInvitation(ctx, { email: `invitee-${seq++}@example.test` })).id }),
  "org.updateKeywordReplies": async () => ({ helpReply: `Help ${seq++}` }),
  "org.updateSendingRules": async () => ({ quietStart: 480, quietEnd: 1200 - 15 * (seq++ % 20), marketingCapPer24h: 1, optOutLanguage: null }),
  "analytics.updateAlertThresholds": async () => ({ failureAlertBps: 500 + seq++, optOutAlertBps: 130 }),
  "carriers.connections.create": async () => ({ name: `Connection ${seq++}`, kind: "SIMULATOR" }),
  "carriers.connections.update": async () => ({ id: (await connection()).id, name: `Renamed ${seq++}` }),
  "carriers.connections.delete": async () => ({ id: (await connection()).id }),
  "carriers.senders.create": async () => ({ kind: "SHORT_CODE", address: String(10_000 + seq++), connectionId: (await connection()).id }),
  "carriers.senders.update": async () => ({ id: (await sender()).id, label: "Changed" }),
  "carriers.senders.delete": async () => ({ id: (await sender()).id }),
  "phones.reply": async () => ({ phone: phone(), senderId: (await sender()).id, body: "Hello from a virtual phone" }),
  "messages.send": async () => ({ to: phone(), body: "Hello from the compose box" }),
  "messages.cancel": async () => {
    const message = await sendOne(ctx, { to: phone(), body: "Later", sendAt: new Date(Date.now() + 3_600_000) }, "ui");
    return { id: message.id };
  },
  "apiKeys.create": async () => ({ name: `Key ${seq++}`, scopes: ["messages:send"] }),
  "apiKeys.revoke": async () => ({ id: (await createApiKey(ctx, { name: `Key ${seq++}`, scopes: ["messages:read"] })).key.id }),
  "webhooks.endpoints.create": async () => ({ url: "https://93.184.216.34/hooks", eventTypes: ["message.delivered"] }),
  "webhooks.endpoints.update": async () => ({ id: (await endpoint()).id, description: "Changed", enabled: false }),
  "webhooks.endpoints.rotateSecret": async () => ({ id: (await endpoint()).id }),
  "webhooks.endpoints.delete": async () => ({ id: (await endpoint()).id }),
  "webhooks.endpoints.sendTest": async () => ({ id: (await endpoint()).id }),
  "contactImports.stage": async () => ({ id: await contactImport("UPLOADED"), columns: [{ target: "phone" }] }),
  "contactImports.start": async () => ({ id: await contactImport("READY"), consentStatement: "Signed up on the web form" }),
  "contactImports.cancel": async () => ({ id: await contactImport("READY") }),
  "webhooks.deliveries.replay": async () => ({ id: (await sendTestEvent(ctx, { id: (await endpoint()).id })).id }),
  "campaigns.create": async () => {
    const { audience, senderIds } = await campaign();
    return { name: `Campaign ${seq++}`, body: "Hello", audience, senderIds };
  },
  "campaigns.update": async () => ({ id: (await campaign()).id, name: `Renamed ${seq++}` }),
  "campaigns.schedule": async () => ({ id: (await campaign()).id }),
  "campaigns.pause": async () => ({ id: (await campaign("SENDING")).id }),
  "campaigns.resume": async () => ({ id: (await campaign("PAUSED")).id }),
  "campaigns.cancel": async () => ({ id: (await campaign()).id }),
  "inbox.assign": async () => ({ id: await conversation(), userId: user.id }),
  "inbox.setStatus": async () => ({ id: await conversation(), status: "CLOSED" }),
  "inbox.setLabels": async () => ({ id: await conversation(), labels: ["vip"] }),
  "inbox.addNote": async () => ({ id: await conversation(), body: "Called them back" }),
  "inbox.reply": async () => ({ id: await conversation(), body: "Thanks for writing" }),
  "inbox.undoReply": async () => {
    const id = await conversation();
    const message = await callerFor(db, user, ctx.orgId).inbox.reply({ id, body: "Oops" });
    return { id, messageId: message.id };
  },
  "inbox.start": async () => ({ contactId: (await createContact(ctx, { phone: phone() })).id }),
  "inbox.createSavedReply": async () => ({ name: `Reply ${seq++}`, body: "Hi {{first_name}}" }),
  "inbox.updateSavedReply": async () => ({ id: (await createSavedReply(ctx, { name: `Reply ${seq++}`, body: "Hi" })).id, name: `Renamed ${seq++}`, body: "Hello" }),
  "inbox.deleteSavedReply": async () => ({ id: (await createSavedReply(ctx, { name: `Reply ${seq++}`, body: "Hi" })).id }),
  "inbox.setAutoAssign": async () => ({ teammates: [{ userId: user.id, cap: 10 }] }),
  "workflows.create": async () => ({ name: `Workflow ${seq++}` }),
  "workflows.rename": async () => ({ id: (await workflow()).id, name: `Renamed ${seq++}` }),
  "workflows.saveDraft": async () => ({ id: (await workflow()).id, revision: 0, graph: ENTER_AND_EXIT, settings: {} }),
  "workflows.duplicate": async () => ({ id: (await workflow()).id }),
  "workflows.delete": async () => ({ id: (await workflow()).id }),
  "workflows.publish": async () => {
    const { id } = await workflow();
    await saveDraft(ctx, { id, revision: 0, graph: ENTER_AND_EXIT, settings: {} });
    return { id };
  },
  "workflows.pause": async () => ({ id: (await workflow("ACTIVE")).id }),
  "workflows.resume": async () => ({ id: (await workflow("PAUSED")).id }),
  "workflowRuns.enroll": async () => {
    const list = await createList(ctx, { name: `Enrol list ${seq++}` });
    await addToList(ctx, { listId: list.id, contactIds: [(await createContact(ctx, { phone: phone() })).id] });
    return { workflowId: (await workflow("ACTIVE")).id, listIds: [list.id], segmentIds: [] };
  },
  "workflowRuns.testRun": async () => ({ workflowId: (await workflow("ACTIVE")).id, contactId: (await createContact(ctx, { phone: phone() })).id }),
  "workflowRuns.cancel": async () => {
    const { id } = await workflow("ACTIVE");
    const { runId } = await startTestRun(ctx, { workflowId: id, contactId: (await createContact(ctx, { phone: phone() })).id });
    return { runId };
  },
  "workflowRuns.migrate": async () => {
    const { id } = await workflow("ACTIVE");
    await saveDraft(ctx, { id, revision: 1, graph: { ...ENTER_AND_EXIT, nodes: ENTER_AND_EXIT.nodes.map((n) => ({ ...n, position: { x: 10, y: n.position.y } })) }, settings: {} });
    await publishWorkflow(ctx, { id });
    const [v1, v2] = await db.workflowVersion.findMany({ where: { workflowId: id }, orderBy: { version: "asc" } });
    return { workflowId: id, fromVersionId: v1!.id, toVersionId: v2!.id, mapping: { x: "x" } };
  },
};

// The smallest valid workflow: entered by hand, ended at once.
const ENTER_AND_EXIT = {
  nodes: [
    { id: "t", type: "trigger" as const, position: { x: 0, y: 0 }, data: { trigger: { kind: "manual" } } },
    { id: "x", type: "exit" as const, position: { x: 0, y: 120 }, data: {} },
  ],
  edges: [{ id: "e", source: "t", sourceHandle: "next", target: "x" }],
};

/** A workflow of the user's: a draft, or published (and paused). */
async function workflow(status: "DRAFT" | "ACTIVE" | "PAUSED" = "DRAFT") {
  const created = await createWorkflow(ctx, { name: `Workflow ${seq++}` });
  if (status !== "DRAFT") {
    await saveDraft(ctx, { id: created.id, revision: 0, graph: ENTER_AND_EXIT, settings: {} });
    await publishWorkflow(ctx, { id: created.id });
  }
  if (status === "PAUSED") await pauseWorkflow(ctx, { id: created.id });
  return created;
}

// Mutations that change nothing of the org's, so nothing to audit: a teammate's own read marker.
const NOT_AUDITED = new Set(["inbox.markRead"]);

/** A new contact's conversation, started by the user. */
const conversation = async () => (await startConversation(ctx, { contactId: (await createContact(ctx, { phone: phone() })).id })).id;

// A draft campaign to a list of one, from the org's sender; "SENDING" once started, "PAUSED" after.
async function campaign(status: "DRAFT" | "SENDING" | "PAUSED" = "DRAFT") {
  const list = await createList(ctx, { name: `Campaign list ${seq++}` });
  const { id } = await createContact(ctx, { phone: phone() });
  await addToList(ctx, { listId: list.id, contactIds: [id] });
  const senderId = (await db.senderNumber.findFirstOrThrow({ where: { orgId: ctx.orgId } })).id;
  const draft = await createCampaign(ctx, { name: `Campaign ${seq++}`, body: "Hi", audience: { include: { listIds: [list.id], segmentIds: [] } }, senderIds: [senderId] });
  if (status !== "DRAFT") {
    await scheduleCampaign(ctx, { id: draft.id });
    await startCampaign(ctx, draft.id);
  }
  if (status === "PAUSED") await pauseCampaign(ctx, { id: draft.id });
  return draft;
}

// jobs.* act on the installation's job executor, not on an org, so there is no org log to write to.
const MUTATION_PATHS = PROCEDURE_PATHS.filter((path) => procedureType(path) === "mutation" && !path.startsWith("jobs.") && !NOT_AUDITED.has(path));

beforeAll(async () => {
  const created = await createOrgWithOwner(db);
  user = created.owner;
  ctx = await orgContextFor(db, user, created.org.id);
});

describe("audit rows", () => {
  it("has an entry for every mutation", () => {
    expect(MUTATION_PATHS.length).toBeGreaterThan(10);
    expect(MUTATION_PATHS.filter((p) => !(p in MUTATIONS))).toEqual([]);
    expect(Object.keys(MUTATIONS).filter((p) => !MUTATION_PATHS.includes(p))).toEqual([]);
  });

  it.each(MUTATION_PATHS)("%s writes one naming the user", async (path) => {
    const prepare = MUTATIONS[path];
    expect(prepare, `no audit case for ${path}`).toBeDefined();
    const input = await prepare!();
    const before = new Set((await db.auditLog.findMany({ select: { id: true } })).map((a) => a.id));

    const result = await callProcedure(callerFor(db, user, ctx.orgId), path, input);

    const written = (await db.auditLog.findMany({ orderBy: { id: "asc" } })).filter((a) => !before.has(a.id));
    expect(written.length, `${path} wrote no audit row`).toBeGreaterThan(0);
    const orgId = path === "org.create" ? (result as { id: string }).id : ctx.orgId;
    for (const row of written) {
      expect(row).toMatchObject({ orgId, actorType: "USER", actorId: user.id, actorLabel: user.email });
      expect(row.action).toMatch(/^[a-z_]+\.[a-z_]+$/);
    }
  });

  it("are listed newest first, page by page, for admins", async () => {
    const caller = callerFor(db, user, ctx.orgId);
    const contact = await caller.contacts.create({ phone: phone() });
    await caller.contacts.update({ id: contact.id, lastName: "One" });
    await caller.contacts.update({ id: contact.id, lastName: "Two" });

    const history = await caller.audit.list({ targetId: contact.id });
    expect(history.items.map((a) => a.action)).toEqual(["contact.updated", "contact.updated", "contact.created"]);
    expect(history.items[0]!.changes).toEqual({ lastName: { from: "One", to: "Two" } });

    const all = await db.auditLog.count({ where: { orgId: ctx.orgId } });
    const seen: string[] = [];
    let cursor: string | undefined;
    do {
      const page = await caller.audit.list({ limit: 4, cursor });
      seen.push(...page.items.map((a) => a.id));
      cursor = page.nextCursor ?? undefined;
    } while (cursor);
    expect(seen).toHaveLength(all);
    expect(new Set(seen).size).toBe(all);
    expect([...seen].sort().reverse()).toEqual(seen);
  });

  it("are not written when a mutation fails", async () => {
    const caller = callerFor(db, user, ctx.orgId);
    const existing = await createContact(ctx, { phone: phone() });
    const before = await db.auditLog.count();
    await expectTRPCError(caller.contacts.create({ phone: existing.phone }), "CONFLICT");
    await expectTRPCError(caller.lists.rename({ id: "lst_missing", name: "X" }), "NOT_FOUND");
    await expectTRPCError(caller.contacts.create({ phone: "12" }), "BAD_REQUEST");
    expect(await db.auditLog.count()).toBe(before);
  });
});
