// What each procedure must do when user B calls it (tenant-isolation.test.ts). The first case of
// each entry is a valid call in org A; the others probe org B with org A's IDs.
import { expect } from "vitest";
import { lastDays } from "@/lib/analytics/dashboard-input";
import type { Fixture } from "./tenant-fixture";

export type Outcome = "ok" | "NOT_FOUND" | "FORBIDDEN" | "BAD_REQUEST";
export interface Case {
  input: unknown;
  outcome: Outcome;
  /** Extra checks on a successful result (counts cannot be scanned for org A's IDs). */
  check?: (result: unknown) => void;
  /** What to scan for org A's IDs; the whole result unless given. */
  scanned?: (result: unknown) => unknown;
}

const ok = (input: unknown, check?: Case["check"], scanned?: Case["scanned"]): Case => ({ input, outcome: "ok", check, scanned });
const notFound = (input: unknown): Case => ({ input, outcome: "NOT_FOUND" });
const forbidden = (input: unknown): Case => ({ input, outcome: "FORBIDDEN" });
const badRequest = (input: unknown): Case => ({ input, outcome: "BAD_REQUEST" });
const itemsOf = (result: unknown) => (result as { items: unknown[] }).items;

// Procedures that act on the user rather than an org; they ignore requestedOrgId.
export const NOT_ORG_SCOPED = new Set(["org.mine", "org.create"]);

export const CASES: Record<string, (f: Fixture) => Case[]> = {
  "org.mine": () => [ok(undefined)],
  // Installation-wide (the job executor's runs): user B is not the installation's administrator
  // (org A's owner, created first, is), so every one is refused wherever B works.
  "jobs.functions": () => [forbidden(undefined)],
  "jobs.runs": () => [forbidden({})],
  "jobs.run": () => [forbidden({ runId: "run_x" })],
  "jobs.events": () => [forbidden({})],
  "jobs.cancel": () => [forbidden({ runId: "run_x" })],
  "jobs.replay": () => [forbidden({ runId: "run_x" })],
  "org.create": () => [ok({ name: "Created by B", defaultCountry: "US" })],
  "org.current": (f) => [ok(undefined, (r) => expect((r as { id: string }).id).toBe(f.orgB))],
  "org.update": () => [ok({ name: "Renamed by B", defaultCountry: "GB" })],

  "contacts.list": (f) => [
    ok({}, (r) => expect(itemsOf(r).length).toBeGreaterThan(0)),
    // The list filter is a segment rule: another org's list is an unknown list.
    badRequest({ listId: f.listA }),
    ok({ search: "secretalice" }, (r) => expect(itemsOf(r)).toEqual([])),
    ok({ definition: { root: { type: "group", match: "all", rules: [{ type: "condition", field: "firstName", operator: "is", value: "SecretAlice" }] } } }, (r) =>
      expect(itemsOf(r)).toEqual([]),
    ),
    ok({ sort: "name", dir: "asc" }, (r) => expect(itemsOf(r).length).toBeGreaterThan(0)),
    ok({ cursor: "ct_zzzzzzzzzzzzzzzzzzzzzzzz" }, (r) => expect(itemsOf(r).length).toBeGreaterThan(0)),
  ],
  "contacts.count": (f) => [
    badRequest({ listId: f.listA }),
    ok({ search: "secretalice" }, (r) => expect(r).toBe(0)),
    ok({ tag: "a-only" }, (r) => expect(r).toBe(0)),
  ],
  "contacts.get": (f) => [notFound({ id: f.contactA })],
  "contacts.create": (f) => [ok({ phone: f.contactAPhone, firstName: "B's own" })],
  "contacts.update": (f) => [
    notFound({ id: f.contactA, firstName: "Mallory" }),
    notFound({ id: f.contactA, phone: "+1 646 736 2000" }),
  ],
  "contacts.delete": (f) => [
    ok({ ids: [f.contactA] }, (r) => expect(r).toEqual({ deleted: 0 })),
    ok({ ids: [f.contactA, f.contactB] }, (r) => expect(r).toEqual({ deleted: 1 })),
  ],
  "contacts.bulk": (f) => [
    ok({ filter: { search: "secretalice" }, action: { kind: "tag", add: ["pwned"] } }, (r) => expect(r).toEqual({ matched: 0, changed: 0 })),
    ok({ filter: { tag: "a-only" }, action: { kind: "delete" } }, (r) => expect(r).toEqual({ matched: 0, changed: 0 })),
    badRequest({ filter: { listId: f.listA }, action: { kind: "delete" } }),
    notFound({ filter: { search: "secretalice" }, action: { kind: "add_to_list", listId: f.listA } }),
  ],
  "contactImports.list": () => [ok(undefined, (r) => expect(r).toEqual([]))],
  "contactImports.active": () => [ok(undefined, (r) => expect(r).toEqual([]))],
  "contactImports.get": (f) => [notFound({ id: f.importA })],
  "contactImports.stage": (f) => [notFound({ id: f.importA, columns: [{ target: "phone" }, { target: "firstName" }] })],
  "contactImports.start": (f) => [notFound({ id: f.importA, consentStatement: "Opted in on the web form of B" }), badRequest({ id: f.importA, consentStatement: "" })],
  "contactImports.cancel": (f) => [notFound({ id: f.importA })],
  "contacts.tag": (f) => [ok({ ids: [f.contactA], add: ["pwned"], remove: ["a-only"] }, (r) => expect(r).toEqual({ updated: 0 }))],
  "contacts.changeConsent": (f) => [notFound({ id: f.contactA, kind: "OPT_OUT" }), notFound({ id: f.contactA, kind: "OPT_IN" })],

  // B asks for A's attachment by id: nothing comes back (no thumbnail URL, no file name).
  "media.items": (f) => [ok({ ids: [f.mediaA] }, (r) => expect(r).toEqual([]))],
  "workflows.list": () => [ok({}, (r) => expect(r).toEqual([]))],
  "workflows.get": (f) => [notFound({ id: f.workflowA })],
  "workflows.options": () => [ok(undefined)],
  "workflows.create": () => [ok({ name: "B's own flow" })],
  "workflows.rename": (f) => [notFound({ id: f.workflowA, name: "Renamed by B" })],
  "workflows.saveDraft": (f) => [notFound({ id: f.workflowA, revision: 0, graph: { nodes: [], edges: [] }, settings: {} })],
  "workflows.duplicate": (f) => [notFound({ id: f.workflowA })],
  "workflows.delete": (f) => [notFound({ id: f.workflowA })],
  "workflows.publish": (f) => [notFound({ id: f.workflowA })],
  "workflows.pause": (f) => [notFound({ id: f.workflowA })],
  "workflows.resume": (f) => [notFound({ id: f.workflowA })],
  "campaigns.list": () => [ok({}, (r) => expect(itemsOf(r)).toEqual([]))],
  "campaigns.get": (f) => [notFound({ id: f.campaignA })],
  "campaigns.create": (f) => {
    const draft = (listId: string, senderId: string, segmentIds: string[] = []) => ({
      name: "Campaign of B",
      body: "Hello",
      audience: { include: { listIds: [listId], segmentIds } },
      senderIds: [senderId],
    });
    // Org A's list, sender or segment is one B does not have: refused as an unknown one.
    return [badRequest(draft(f.listA, f.senderB)), badRequest(draft(f.listB, f.senderA)), badRequest(draft(f.listB, f.senderB, [f.segmentA]))];
  },
  "campaigns.update": (f) => [notFound({ id: f.campaignA, name: "Renamed by B" })],
  "campaigns.plan": (f) => [notFound({ id: f.campaignA })],
  "campaigns.schedule": (f) => [notFound({ id: f.campaignA })],
  "campaigns.pause": (f) => [notFound({ id: f.campaignA })],
  "campaigns.resume": (f) => [notFound({ id: f.campaignA })],
  "campaigns.cancel": (f) => [notFound({ id: f.campaignA })],
  "campaigns.progress": (f) => [notFound({ id: f.campaignA })],
  "campaigns.stats": (f) => [notFound({ id: f.campaignA })],
  "campaigns.media": (f) => [notFound({ id: f.campaignA })],
  "campaigns.timeline": (f) => [notFound({ id: f.campaignA })],
  "campaigns.failures": (f) => [notFound({ id: f.campaignA })],
  "campaigns.clicks": (f) => [notFound({ id: f.campaignA })],
  "campaigns.recipients": (f) => [
    notFound({ id: f.campaignA }),
    notFound({ id: f.campaignA, outcome: "OPTED_OUT" }),
    notFound({ id: f.campaignA, outcome: "clicked" }),
  ],

  "segments.list": () => [ok(undefined, (r) => expect(r).toEqual([]))],
  "segments.get": (f) => [notFound({ id: f.segmentA })],
  "segments.create": (f) => [
    ok({ name: f.segmentAName, definition: { root: { type: "group", match: "all", rules: [] } } }),
    // A rule naming org A's list is refused as an unknown list, as any id B does not have.
    badRequest({ name: "With A's list", definition: { root: { type: "group", match: "all", rules: [{ type: "condition", field: "lists", operator: "in", value: [f.listA] }] } } }),
  ],
  "segments.explain": (f) => [
    notFound({ contactId: f.contactA, segmentId: f.segmentA }),
    // B's own contact against A's segment, and A's contact against a definition of B's.
    notFound({ contactId: f.contactB, segmentId: f.segmentA }),
    notFound({ contactId: f.contactA, definition: { root: { type: "group", match: "all", rules: [] } } }),
  ],
  "segments.forContact": (f) => [notFound({ contactId: f.contactA })],
  "segments.update": (f) => [notFound({ id: f.segmentA, name: "Renamed by B" })],
  "segments.delete": (f) => [notFound({ id: f.segmentA })],
  "segments.preview": (f) => [
    // Everyone in B: B's own contacts only.
    ok({ definition: { root: { type: "group", match: "all", rules: [] } } }, (r) => {
      const { count, contacts } = r as { count: number; contacts: { id: string }[] };
      expect(count).toBeGreaterThan(0);
      expect(count).toBe(contacts.length);
    }),
    ok({ definition: { root: { type: "group", match: "all", rules: [{ type: "condition", field: "firstName", operator: "is", value: "SecretAlice" }] } } }, (r) =>
      expect(r).toEqual({ count: 0, contacts: [] }),
    ),
    badRequest({ definition: { root: { type: "group", match: "all", rules: [{ type: "condition", field: "lists", operator: "not_in", value: [f.listA] }] } } }),
  ],
  "workflowRuns.enroll": (f) => [notFound({ workflowId: f.workflowA, listIds: [f.listB] })],
  "workflowRuns.testRun": (f) => [notFound({ workflowId: f.workflowA, contactId: f.contactB }), notFound({ workflowId: f.workflowA, phone: "+1 312 555 0199" })],
  "workflowRuns.cancel": (f) => [notFound({ runId: f.workflowRunA })],
  "workflowRuns.list": (f) => [notFound({ workflowId: f.workflowA }), notFound({ workflowId: f.workflowA, status: "ACTIVE" })],
  "workflowRuns.get": (f) => [notFound({ runId: f.workflowRunA })],
  "workflowRuns.counters": (f) => [notFound({ versionId: f.workflowVersionA })],
  "workflowRuns.version": (f) => [notFound({ versionId: f.workflowVersionA })],
  "workflowRuns.byContact": (f) => [notFound({ contactId: f.contactA })],
  "workflowRuns.migrate": (f) => [notFound({ workflowId: f.workflowA, fromVersionId: f.workflowVersionA, toVersionId: f.workflowVersionA, mapping: { start: "start" } })],
  "keywords.rules": () => [ok(undefined, (r) => expect(r).toEqual([]))],
  "keywords.create": (f) => [
    ok({ name: "Rule of B", keywords: ["SECRETJOIN"], matchOn: "whole", reply: "Welcome to B" }),
    notFound({ name: "Rule of B 2", keywords: ["JOINB"], matchOn: "whole", reply: "Hi", senderIds: [f.senderA] }),
    notFound({ name: "Rule of B 3", keywords: ["JOINC"], matchOn: "whole", addListIds: [f.listA] }),
  ],
  "keywords.update": (f) => [notFound({ id: f.keywordRuleA, rule: { name: "Taken by B", keywords: ["TAKEN"], matchOn: "whole", reply: "Hi" } })],
  "keywords.setEnabled": (f) => [notFound({ id: f.keywordRuleA, enabled: false })],
  "keywords.delete": (f) => [notFound({ id: f.keywordRuleA })],
  "keywords.stats": () => [ok({ days: 30 }, (r) => expect((r as { rules: unknown[] }).rules).toEqual([]))],
  "keywords.ruleContacts": (f) => [notFound({ ruleId: f.keywordRuleA })],
  "keywords.phraseOptOuts": () => [ok(undefined, (r) => expect(r).toEqual([]))],
  "lists.list": () => [ok(undefined, (r) => expect((r as unknown[]).length).toBeGreaterThan(0))],
  "lists.get": (f) => [notFound({ id: f.listA })],
  "lists.create": (f) => [ok({ name: f.listAName })],
  "lists.rename": (f) => [notFound({ id: f.listA, name: "Renamed by B" })],
  "lists.delete": (f) => [notFound({ id: f.listA })],
  "lists.addContacts": (f) => [
    notFound({ listId: f.listA, contactIds: [f.contactA] }),
    // B's own list with A's contact: the contact must not be found either.
    notFound({ listId: f.listB, contactIds: [f.contactA] }),
  ],
  "lists.removeContacts": (f) => [
    notFound({ listId: f.listA, contactIds: [f.contactA] }),
    ok({ listId: f.listB, contactIds: [f.contactA] }, (r) => expect(r).toEqual({ removed: 0 })),
  ],

  "customFields.list": () => [ok(undefined)],
  "customFields.create": (f) => [ok({ key: f.fieldAKey, label: "B's field", type: "NUMBER" })],
  "customFields.delete": (f) => [notFound({ id: f.fieldA })],

  "members.list": () => [ok(undefined, (r) => expect((r as unknown[]).length).toBe(1))],
  "members.changeRole": (f) => [
    notFound({ membershipId: f.memberMembershipA, role: "ADMIN" }),
    notFound({ membershipId: f.ownerMembershipA, role: "MEMBER" }),
  ],
  "members.remove": (f) => [notFound({ membershipId: f.memberMembershipA }), notFound({ membershipId: f.ownerMembershipA })],
  // A's member is not a member of B, so B may invite them: the check must not look across orgs.
  "members.invite": (f) => [ok({ email: f.memberAEmail, role: "MEMBER" })],
  "members.invitations": () => [ok(undefined, (r) => expect((r as unknown[]).length).toBeLessThanOrEqual(1))],
  "members.revokeInvite": (f) => [notFound({ id: f.invitationA })],

  "carriers.connections.list": () => [ok(undefined, (r) => expect((r as unknown[]).length).toBeGreaterThan(0))],
  "carriers.connections.create": () => [ok({ name: "B's simulator", kind: "SIMULATOR" })],
  "carriers.connections.update": (f) => [notFound({ id: f.connectionA, name: "Renamed by B" })],
  "carriers.connections.delete": (f) => [notFound({ id: f.connectionA })],
  "carriers.senders.list": () => [ok(undefined, (r) => expect((r as unknown[]).length).toBeGreaterThan(0))],
  "carriers.senders.create": (f) => [
    notFound({ kind: "SHORT_CODE", address: "72001", connectionId: f.connectionA }),
    // Numbers are unique per org: B may register the same number on its own connection.
    ok({ kind: "LONG_CODE", address: f.senderAAddress, connectionId: f.connectionB }),
  ],
  "carriers.senders.update": (f) => [notFound({ id: f.senderA, label: "B's now" }), notFound({ id: f.senderB, connectionId: f.connectionA })],
  "carriers.senders.delete": (f) => [notFound({ id: f.senderA })],
  "org.updateKeywordReplies": () => [ok({ helpReply: "B's help" })],
  // That org A's rules are untouched is checked in sending-rules.test.ts.
  "org.updateSendingRules": () => [ok({ quietStart: 540, quietEnd: 1200, marketingCapPer24h: 2, optOutLanguage: "B: text STOP to end" })],

  // Org A's rollup is filled (tenant-fixture.ts): none of its figures may show in B.
  "analytics.overview": () => [ok(lastDays(30), (r) => expect((r as { current: { sent: number; received: number } }).current).toMatchObject({ sent: 0, received: 0 }))],
  "analytics.deliverability": () => [ok(lastDays(30), (r) => expect((r as { bySender: unknown[] }).bySender).toEqual([]))],
  "analytics.topCampaigns": () => [ok(lastDays(30), (r) => expect(r).toEqual([]))],
  "analytics.alerts": () => [ok(undefined, (r) => expect((r as { sent: number }).sent).toBe(0))],
  "analytics.updateAlertThresholds": () => [ok({ failureAlertBps: 700, optOutAlertBps: 200 })],

  "phones.list": () => [ok({}, (r) => expect((r as { phones: unknown[] }).phones).toEqual([]))],
  "phones.thread": (f) => [ok({ phone: f.contactAPhone }, (r) => expect((r as { messages: unknown[] }).messages).toEqual([]))],
  "phones.reply": (f) => [notFound({ phone: f.contactAPhone, senderId: f.senderA, body: "Hi from B" })],
  // Org-wide credentials: in B, B's own (asking for A is refused like every org procedure).
  "twilioApi.credentials": () => [ok(undefined, (r) => expect((r as { accountSid: string }).accountSid).toMatch(/^AC[0-9a-f]{32}$/))],

  "inbox.list": (f) => [
    ok({}, (r) => expect((r as { conversations: { id: string }[] }).conversations.map((c) => c.id)).toEqual([f.conversationB])),
    ok({ search: "secretalice" }, (r) => expect((r as { conversations: unknown[] }).conversations).toEqual([])),
    ok({ campaignId: f.campaignA }, (r) => expect((r as { conversations: unknown[] }).conversations).toEqual([])),
    ok({ senderId: f.senderA }, (r) => expect((r as { conversations: unknown[] }).conversations).toEqual([])),
  ],
  "inbox.counts": () => [ok(undefined, (r) => expect(r).toMatchObject({ all: 1, unassigned: 1 }))],
  "inbox.thread": (f) => [notFound({ id: f.conversationA })],
  "inbox.labels": () => [ok(undefined)],
  "inbox.teammates": (f) => [ok(undefined, (r) => expect((r as { id: string }[]).map((t) => t.id)).not.toContain(f.userA))],
  "inbox.markRead": (f) => [notFound({ id: f.conversationA })],
  "inbox.assign": (f) => [notFound({ id: f.conversationA, userId: null }), badRequest({ id: f.conversationB, userId: f.userA })],
  "inbox.setStatus": (f) => [notFound({ id: f.conversationA, status: "CLOSED" })],
  "inbox.setLabels": (f) => [notFound({ id: f.conversationA, labels: ["b"] })],
  "inbox.addNote": (f) => [notFound({ id: f.conversationA, body: "from B" })],
  "inbox.reply": (f) => [notFound({ id: f.conversationA, body: "from B" })],
  "inbox.undoReply": (f) => [notFound({ id: f.conversationA, messageId: f.scheduledA }), notFound({ id: f.conversationB, messageId: f.scheduledA })],
  "inbox.start": (f) => [notFound({ contactId: f.contactA })],
  "inbox.savedReplies": () => [ok(undefined, (r) => expect(r).toEqual([]))],
  "inbox.createSavedReply": () => [ok({ name: "Reply of A", body: "B's own" })],
  "inbox.updateSavedReply": (f) => [notFound({ id: f.savedReplyA, name: "x", body: "y" })],
  "inbox.deleteSavedReply": (f) => [notFound({ id: f.savedReplyA })],
  "inbox.setAutoAssign": (f) => [badRequest({ teammates: [{ userId: f.userA, cap: 5 }] })],
  "messages.list": (f) => [
    ok({}),
    ok({ status: "SCHEDULED" }, (r) => expect(itemsOf(r)).toEqual([])),
    ok({ cursor: "msg_zzzzzzzzzzzzzzzzzzzzzzzz" }),
    // A's contact has a message in A: B asking for that contact's messages gets none.
    ok({ contactId: f.contactA }, (r) => expect(itemsOf(r)).toEqual([])),
  ],
  "messages.get": (f) => [notFound({ id: f.messageA }), notFound({ id: f.scheduledA })],
  "messages.links": (f) => [notFound({ id: f.messageA })],
  "messages.senders": (f) => [ok(undefined, (r) => expect((r as { id: string }[]).map((s) => s.id)).toContain(f.senderB))],
  // Only refusals: a message B sends would give B a virtual phone, which phones.list expects none of.
  "messages.send": (f) => [
    badRequest({ to: f.contactAPhone, from: f.senderA, body: "From A's sender" }),
    badRequest({ to: f.contactAPhone, from: f.senderAAddress, body: "From A's number" }),
  ],
  "messages.cancel": (f) => [notFound({ id: f.scheduledA })],
  // A's contact's number, previewed in B: B's own contact of that number (contacts.create makes one)
  // or a stranger, never A's values.
  "messages.preview": (f) => [
    ok({ to: f.contactAPhone, body: "Hi {{first_name|there}}" }, (r) =>
      expect((r as { text: { body: string } }).text.body).toMatch(/^Hi (there|B's own)$/),
    ),
    notFound({ to: f.contactAPhone, asContactId: f.contactA, body: "Hi {{first_name|there}}" }),
  ],

  // B's own keys only; the token B gets back is B's.
  "apiKeys.list": () => [ok(undefined)],
  "apiKeys.create": () => [ok({ name: "B's key", scopes: ["messages:read"] })],
  "apiKeys.revoke": (f) => [notFound({ id: f.apiKeyA })],

  // A public IP literal: saved without a DNS lookup, and nothing is ever sent to it here.
  "webhooks.endpoints.list": () => [ok(undefined)],
  "webhooks.endpoints.get": (f) => [notFound({ id: f.endpointA })],
  "webhooks.endpoints.create": () => [ok({ url: "https://93.184.216.34/b-hooks", eventTypes: ["message.sent"] })],
  "webhooks.endpoints.update": (f) => [notFound({ id: f.endpointA, enabled: false }), notFound({ id: f.endpointA, url: "https://93.184.216.34/taken" })],
  "webhooks.endpoints.rotateSecret": (f) => [notFound({ id: f.endpointA })],
  "webhooks.endpoints.delete": (f) => [notFound({ id: f.endpointA })],
  "webhooks.endpoints.sendTest": (f) => [notFound({ id: f.endpointA })],
  "webhooks.deliveries.list": (f) => [notFound({ endpointId: f.endpointA })],
  "webhooks.deliveries.get": (f) => [notFound({ id: f.deliveryA })],
  "webhooks.deliveries.replay": (f) => [notFound({ id: f.deliveryA })],

  "audit.list": (f) => {
    // Every row is B's. B's own rows may quote org A's IDs that B itself typed into a request
    // (lists.removeContacts records the contactIds asked for), so the scan skips `changes` and the
    // ids `refs` names, but not the names: none of org A's objects may be named.
    const onlyB = (r: unknown) => expect(itemsOf(r).every((row) => (row as { orgId: string }).orgId === f.orgB)).toBe(true);
    const rows = (r: unknown) => ({
      items: itemsOf(r).map((row) => ({ ...(row as object), changes: null })),
      names: Object.values((r as { refs: object }).refs),
    });
    return [
      ok({}, onlyB, rows),
      ok({ targetId: f.contactA }, (r) => expect(itemsOf(r)).toEqual([])),
      ok({ targetId: f.listA }, (r) => expect(itemsOf(r)).toEqual([])),
      ok({ cursor: "aud_zzzzzzzzzzzzzzzzzzzzzzzz" }, onlyB, rows),
    ];
  },
  // B's members and keys only: org A's emails and key names are among the scanned secrets.
  "audit.actors": () => [ok(undefined)],
};