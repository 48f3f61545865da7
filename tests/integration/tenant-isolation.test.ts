// Tenant isolation: user B, a member of org B only, tries every procedure against org A, first by
// asking for org A outright, then from inside org B with org A's IDs as input. Neither may reach
// org A's rows. The case map must name every procedure of appRouter, so a new procedure fails this
// file until someone decides how it must treat another org's IDs.
import { TRPCError } from "@trpc/server";
import { beforeAll, describe, expect, it, vi } from "vitest";
import { createApiKey } from "@/lib/api-keys/create-api-key";
import { createConnection } from "@/lib/carriers/manage-connections";
import { createContact } from "@/lib/contacts/create-contact";
import { createCustomField } from "@/lib/custom-fields/manage-custom-fields";
import { scopedDb } from "@/lib/db/scoped";
import { newId } from "@/lib/ids";
import { addToList } from "@/lib/lists/list-membership";
import { createList } from "@/lib/lists/manage-lists";
import { createInvitation } from "@/lib/members/invitations";
import { createSender } from "@/lib/senders/manage-senders";
import { createEndpoint } from "@/lib/webhooks/manage-endpoints";
import { setupTestDatabase } from "./helpers/db";
import { callProcedure as call, PROCEDURE_PATHS } from "./helpers/procedures";
import { addMember, callerFor, createOrgWithOwner, createUser, orgContextFor, type TestUser } from "./helpers/factories";

const { db } = await setupTestDatabase();

interface Fixture {
  orgA: string;
  orgB: string;
  contactA: string;
  contactAPhone: string;
  listA: string;
  fieldA: string;
  fieldAKey: string;
  listAName: string;
  ownerMembershipA: string;
  memberMembershipA: string;
  invitationA: string;
  memberAEmail: string;
  auditA: string;
  listB: string;
  contactB: string;
  connectionA: string;
  senderA: string;
  senderAAddress: string;
  connectionB: string;
  senderB: string;
  messageA: string;
  scheduledA: string;
  apiKeyA: string;
  endpointA: string;
  deliveryA: string;
}

type Outcome = "ok" | "NOT_FOUND" | "FORBIDDEN" | "BAD_REQUEST";
interface Case {
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
const NOT_ORG_SCOPED = new Set(["org.mine", "org.create"]);

// The first case of each entry is a valid call in org A; the others probe org B with org A's IDs.
const CASES: Record<string, (f: Fixture) => Case[]> = {
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
    ok({ listId: f.listA }, (r) => expect(itemsOf(r)).toEqual([])),
    ok({ search: "secretalice" }, (r) => expect(itemsOf(r)).toEqual([])),
    ok({ cursor: "ct_zzzzzzzzzzzzzzzzzzzzzzzz" }, (r) => expect(itemsOf(r).length).toBeGreaterThan(0)),
  ],
  "contacts.count": (f) => [
    ok({ listId: f.listA }, (r) => expect(r).toBe(0)),
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
  "contacts.tag": (f) => [ok({ ids: [f.contactA], add: ["pwned"], remove: ["a-only"] }, (r) => expect(r).toEqual({ updated: 0 }))],

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

  "phones.list": () => [ok({}, (r) => expect((r as { phones: unknown[] }).phones).toEqual([]))],
  "phones.thread": (f) => [ok({ phone: f.contactAPhone }, (r) => expect((r as { messages: unknown[] }).messages).toEqual([]))],
  "phones.reply": (f) => [notFound({ phone: f.contactAPhone, senderId: f.senderA, body: "Hi from B" })],
  // Org-wide credentials: in B, B's own (asking for A is refused like every org procedure).
  "twilioApi.credentials": () => [ok(undefined, (r) => expect((r as { accountSid: string }).accountSid).toMatch(/^AC[0-9a-f]{32}$/))],

  "messages.list": () => [
    ok({}),
    ok({ status: "SCHEDULED" }, (r) => expect(itemsOf(r)).toEqual([])),
    ok({ cursor: "msg_zzzzzzzzzzzzzzzzzzzzzzzz" }),
  ],
  "messages.get": (f) => [notFound({ id: f.messageA }), notFound({ id: f.scheduledA })],
  "messages.senders": (f) => [ok(undefined, (r) => expect((r as { id: string }[]).map((s) => s.id)).toContain(f.senderB))],
  // Only refusals: a message B sends would give B a virtual phone, which phones.list expects none of.
  "messages.send": (f) => [
    badRequest({ to: f.contactAPhone, from: f.senderA, body: "From A's sender" }),
    badRequest({ to: f.contactAPhone, from: f.senderAAddress, body: "From A's number" }),
  ],
  "messages.cancel": (f) => [notFound({ id: f.scheduledA })],

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
    // (lists.removeContacts records the contactIds asked for), so the scan skips `changes`.
    const onlyB = (r: unknown) => expect(itemsOf(r).every((row) => (row as { orgId: string }).orgId === f.orgB)).toBe(true);
    const rows = (r: unknown) => itemsOf(r).map((row) => ({ ...(row as object), changes: null }));
    return [
      ok({}, onlyB, rows),
      ok({ targetId: f.contactA }, (r) => expect(itemsOf(r)).toEqual([])),
      ok({ targetId: f.listA }, (r) => expect(itemsOf(r)).toEqual([])),
      ok({ cursor: "aud_zzzzzzzzzzzzzzzzzzzzzzzz" }, onlyB, rows),
    ];
  },
};

const PATHS = PROCEDURE_PATHS;

async function outcomeOf(promise: Promise<unknown>): Promise<{ ok: true; result: unknown } | { ok: false; error: unknown }> {
  try {
    return { ok: true, result: await promise };
  } catch (error) {
    return { ok: false, error };
  }
}

let f: Fixture;
let userB: TestUser;
let secrets: string[];

/** Every row of org A, in a stable order, to compare before and after. */
async function snapshotOrgA() {
  const where = { orgId: f.orgA };
  const byId = { orderBy: { id: "asc" as const } };
  return {
    org: await db.organization.findUniqueOrThrow({ where: { id: f.orgA } }),
    memberships: await db.membership.findMany({ where, ...byId }),
    invitations: await db.invitation.findMany({ where, ...byId }),
    contacts: await db.contact.findMany({ where, ...byId }),
    lists: await db.contactList.findMany({ where, ...byId }),
    listMemberships: await db.listMembership.findMany({ where, orderBy: [{ listId: "asc" }, { contactId: "asc" }] }),
    customFields: await db.customFieldDefinition.findMany({ where, ...byId }),
    audit: await db.auditLog.findMany({ where, ...byId }),
    connections: await db.carrierConnection.findMany({ where, ...byId }),
    senders: await db.senderNumber.findMany({ where, ...byId }),
    messages: await db.message.findMany({ where, ...byId }),
    apiKeys: await db.apiKey.findMany({ where, ...byId }),
    webhookEndpoints: await db.webhookEndpoint.findMany({ where, ...byId }),
    webhookDeliveries: await db.webhookDelivery.findMany({ where, ...byId }),
  };
}

function expectNoOrgAData(path: string, result: unknown) {
  const text = JSON.stringify(result) ?? "";
  for (const secret of secrets) expect(text, `${path} returned org A's ${secret}`).not.toContain(secret);
}

beforeAll(async () => {
  vi.spyOn(console, "info").mockImplementation(() => {});
  const ownerA = await createUser(db);
  const { org: orgA } = await createOrgWithOwner(db, { owner: ownerA, name: "Org A secret name" });
  const ctxA = await orgContextFor(db, ownerA, orgA.id);
  const contactA = await createContact(ctxA, { phone: "+1 212 736 2000", firstName: "SecretAlice", tags: ["a-only"] });
  const listA = await createList(ctxA, { name: "List of A" });
  await addToList(ctxA, { listId: listA.id, contactIds: [contactA.id] });
  const fieldA = await createCustomField(ctxA, { key: "secret_a", label: "Secret A", type: "TEXT" });
  const memberA = await addMember(db, orgA.id, "MEMBER");
  const invitationA = await createInvitation(ctxA, { email: "invitee-of-a@example.test", role: "ADMIN" });
  const connectionA = await createConnection(ctxA, { name: "Simulator of A", kind: "SIMULATOR" });
  await createConnection(ctxA, { name: "Twilio of A", kind: "TWILIO", config: { accountSid: `AC${"a".repeat(32)}`, authToken: "authtoken-of-a" } });
  const senderA = await createSender(ctxA, { kind: "LONG_CODE", address: "+1 212 736 2001", connectionId: connectionA.id });
  // A virtual phone of A's: A's simulator sender texted A's contact.
  const messageA = await db.message.create({
    data: {
      id: newId("message"),
      orgId: orgA.id,
      direction: "OUTBOUND",
      status: "DELIVERED",
      senderId: senderA.id,
      contactId: contactA.id,
      from: senderA.address,
      to: contactA.phone,
      body: "SecretAlice, your order",
      encoding: "GSM-7",
      segments: 1,
    },
  });

  const scheduledA = await db.message.create({
    data: {
      id: newId("message"),
      orgId: orgA.id,
      direction: "OUTBOUND",
      status: "SCHEDULED",
      senderId: senderA.id,
      from: senderA.address,
      to: contactA.phone,
      body: "SecretAlice, tomorrow",
      encoding: "GSM-7",
      segments: 1,
      sendAt: new Date(Date.now() + 86_400_000),
    },
  });

  const apiKeyA = await createApiKey(ctxA, { name: "Key of A", scopes: ["messages:send"] });
  const endpointA = await createEndpoint(ctxA, { url: "https://93.184.216.34/hooks-of-a", eventTypes: ["message.delivered"] });
  const deliveryA = await db.webhookDelivery.create({
    data: { id: newId("webhookDelivery"), orgId: orgA.id, endpointId: endpointA.id, eventType: "message.delivered", eventId: newId("event"), payload: { data: { id: messageA.id } }, orderingKey: messageA.id },
  });

  userB = await createUser(db);
  const { org: orgB } = await createOrgWithOwner(db, { owner: userB, name: "Org B" });
  const ctxB = await orgContextFor(db, userB, orgB.id);
  const listB = await createList(ctxB, { name: "List of B" });
  const contactB = await createContact(ctxB, { phone: "+1 312 555 0100", firstName: "Bea" });
  await addToList(ctxB, { listId: listB.id, contactIds: [contactB.id] });
  // Kept so list/count reads in B have something to return after contacts.delete runs.
  await createContact(ctxB, { phone: "+1 312 555 0101", firstName: "Ben" });
  const connectionB = await createConnection(ctxB, { name: "Simulator of B", kind: "SIMULATOR" });
  const senderB = await createSender(ctxB, { kind: "SHORT_CODE", address: "72002", connectionId: connectionB.id });

  const membershipsA = await db.membership.findMany({ where: { orgId: orgA.id } });
  f = {
    orgA: orgA.id,
    orgB: orgB.id,
    contactA: contactA.id,
    contactAPhone: contactA.phone,
    listA: listA.id,
    listAName: listA.name,
    fieldA: fieldA.id,
    fieldAKey: fieldA.key,
    ownerMembershipA: membershipsA.find((m) => m.role === "OWNER")!.id,
    memberMembershipA: memberA.membership.id,
    invitationA: invitationA.id,
    memberAEmail: memberA.user.email,
    auditA: (await db.auditLog.findFirstOrThrow({ where: { orgId: orgA.id } })).id,
    listB: listB.id,
    contactB: contactB.id,
    connectionA: connectionA.id,
    senderA: senderA.id,
    senderAAddress: senderA.address,
    connectionB: connectionB.id,
    senderB: senderB.id,
    messageA: messageA.id,
    scheduledA: scheduledA.id,
    apiKeyA: apiKeyA.key.id,
    endpointA: endpointA.id,
    deliveryA: deliveryA.id,
  };
  const snapshot = await snapshotOrgA();
  // Every ID in org A (rows and the users in it), and two strings only org A's rows hold.
  const rows: { id: string }[] = [snapshot.org, ...snapshot.memberships, ...snapshot.invitations, ...snapshot.contacts];
  rows.push(...snapshot.lists, ...snapshot.customFields, ...snapshot.audit, ...snapshot.connections, ...snapshot.senders, ...snapshot.messages);
  rows.push(...snapshot.apiKeys, ...snapshot.webhookEndpoints, ...snapshot.webhookDeliveries);
  secrets = [...rows.map((row) => row.id), ...snapshot.memberships.map((m) => m.userId), "Org A secret name", "SecretAlice", "authtoken-of-a", apiKeyA.key.preview];
  secrets.push("hooks-of-a", endpointA.secret);
});

describe("the case map", () => {
  it("has an entry for every procedure of appRouter, and none for procedures that are gone", () => {
    expect(PATHS.length).toBeGreaterThan(20);
    expect(PATHS).toContain("contacts.list");
    expect(PATHS.filter((p) => !(p in CASES)), "procedures without an isolation case").toEqual([]);
    expect(Object.keys(CASES).filter((p) => !PATHS.includes(p)), "cases for procedures that no longer exist").toEqual([]);
  });
});

describe("asking for org A as a member of org B only", () => {
  it.each(PATHS)("%s is refused with FORBIDDEN", async (path) => {
    const build = CASES[path];
    expect(build, `no isolation case for ${path}`).toBeDefined();
    const before = await snapshotOrgA();
    const outcome = await outcomeOf(call(callerFor(db, userB, f.orgA), path, build!(f)[0]!.input));
    if (NOT_ORG_SCOPED.has(path)) {
      // These act on the signed-in user, whatever org is asked for; they must still show nothing of A.
      expect(outcome.ok, `${path} failed: ${outcome.ok ? "" : String(outcome.error)}`).toBe(true);
      if (outcome.ok) expectNoOrgAData(path, outcome.result);
    } else {
      expect(outcome.ok, `${path} succeeded in another org`).toBe(false);
      if (!outcome.ok) {
        expect(outcome.error).toBeInstanceOf(TRPCError);
        expect((outcome.error as TRPCError).code).toBe("FORBIDDEN");
      }
    }
    expect(await snapshotOrgA()).toEqual(before);
  });

  it("refuses every procedure without a signed-in user", async () => {
    for (const path of PATHS) {
      const outcome = await outcomeOf(call(callerFor(db, null, f.orgA), path, CASES[path]!(f)[0]!.input));
      expect(outcome.ok, path).toBe(false);
      if (!outcome.ok) expect((outcome.error as TRPCError).code, path).toBe("UNAUTHORIZED");
    }
  });
});

describe("working in org B with org A's IDs", () => {
  it.each(PATHS)("%s does not reach org A", async (path) => {
    const build = CASES[path];
    expect(build, `no isolation case for ${path}`).toBeDefined();
    for (const c of build!(f)) {
      const label = `${path}(${JSON.stringify(c.input)})`;
      const before = await snapshotOrgA();
      const outcome = await outcomeOf(call(callerFor(db, userB, f.orgB), path, c.input));
      if (c.outcome === "ok") {
        expect(outcome.ok, `${label} failed: ${outcome.ok ? "" : String(outcome.error)}`).toBe(true);
        if (outcome.ok) {
          expectNoOrgAData(label, c.scanned ? c.scanned(outcome.result) : outcome.result);
          c.check?.(outcome.result);
        }
      } else {
        expect(outcome.ok, `${label} should be ${c.outcome}`).toBe(false);
        if (!outcome.ok) {
          expect(outcome.error).toBeInstanceOf(TRPCError);
          expect((outcome.error as TRPCError).code, label).toBe(c.outcome);
        }
      }
      expect(await snapshotOrgA(), `${label} changed org A`).toEqual(before);
    }
  });
});

describe("the scoped client", () => {
  it("does not read another org's rows, by ID or otherwise", async () => {
    const scopedB = scopedDb(db, f.orgB);
    expect(await scopedB.contact.findUnique({ where: { id: f.contactA } })).toBeNull();
    expect(await scopedB.contact.findFirst({ where: { phone: f.contactAPhone, firstName: "SecretAlice" } })).toBeNull();
    expect(await scopedB.contactList.findUnique({ where: { id: f.listA } })).toBeNull();
    expect(await scopedB.customFieldDefinition.findUnique({ where: { id: f.fieldA } })).toBeNull();
    expect(await scopedB.membership.findUnique({ where: { id: f.memberMembershipA } })).toBeNull();
    expect(await scopedB.invitation.findUnique({ where: { id: f.invitationA } })).toBeNull();
    expect(await scopedB.auditLog.findUnique({ where: { id: f.auditA } })).toBeNull();
    await expect(scopedB.contact.findUniqueOrThrow({ where: { id: f.contactA } })).rejects.toThrow();

    const everything = [
      ...(await scopedB.contact.findMany()),
      ...(await scopedB.contactList.findMany()),
      ...(await scopedB.listMembership.findMany()),
      ...(await scopedB.membership.findMany()),
      ...(await scopedB.auditLog.findMany()),
    ];
    expect(everything.length).toBeGreaterThan(0);
    expect(everything.every((row) => row.orgId === f.orgB)).toBe(true);
    expect(await scopedB.contact.count({ where: { id: f.contactA } })).toBe(0);
    // A filter naming org A narrows B's scope to nothing; it does not replace it.
    expect(await scopedB.contact.count({ where: { orgId: f.orgA } })).toBe(0);
    expect((await scopedB.contact.aggregate({ _count: { _all: true }, where: { orgId: f.orgA } }))._count._all).toBe(0);
    expect(await scopedB.contact.findMany({ where: { OR: [{ orgId: f.orgA }, { id: f.contactA }] } })).toEqual([]);
    expect(await scopedB.contact.findMany({ where: { AND: [{ id: f.contactA }] } })).toEqual([]);
    expect(await scopedB.contact.count()).toBe(await db.contact.count({ where: { orgId: f.orgB } }));
  });

  it("does not read another organisation's own row", async () => {
    const scopedB = scopedDb(db, f.orgB);
    expect(await scopedB.organization.findUnique({ where: { id: f.orgA } })).toBeNull();
    expect((await scopedB.organization.findMany()).map((o) => o.id)).toEqual([f.orgB]);
    await expect(scopedB.organization.update({ where: { id: f.orgA }, data: { name: "Taken over" } })).rejects.toThrow();
    expect((await db.organization.findUniqueOrThrow({ where: { id: f.orgA } })).name).toBe("Org A secret name");
  });

  it("cannot change or delete another org's rows", async () => {
    const scopedB = scopedDb(db, f.orgB);
    const before = await snapshotOrgA();
    await expect(scopedB.contact.update({ where: { id: f.contactA }, data: { firstName: "Mallory" } })).rejects.toThrow();
    await expect(scopedB.contact.delete({ where: { id: f.contactA } })).rejects.toThrow();
    expect(await scopedB.contact.updateMany({ where: { id: f.contactA }, data: { firstName: "Mallory" } })).toEqual({ count: 0 });
    expect(await scopedB.contact.deleteMany({ where: { id: f.contactA } })).toEqual({ count: 0 });
    const listsOfB = await db.contactList.count({ where: { orgId: f.orgB } });
    expect(await scopedB.contactList.deleteMany({ where: { orgId: f.orgA } })).toEqual({ count: 0 });
    expect(await db.contactList.count({ where: { orgId: f.orgB } })).toBe(listsOfB);
    expect(await scopedB.listMembership.deleteMany({ where: { listId: f.listA } })).toEqual({ count: 0 });
    expect(await scopedB.membership.updateMany({ data: { role: "MEMBER" }, where: { orgId: f.orgA } })).toEqual({ count: 0 });
    expect(await db.membership.findFirst({ where: { orgId: f.orgB, userId: userB.id } })).toMatchObject({ role: "OWNER" });
    await expect(scopedB.customFieldDefinition.delete({ where: { id: f.fieldA } })).rejects.toThrow();
    expect(await snapshotOrgA()).toEqual(before);
  });

  it("writes new rows into its own org even when told otherwise", async () => {
    const scopedB = scopedDb(db, f.orgB);
    const created = await scopedB.contactList.create({ data: { id: newId("list"), orgId: f.orgA, name: "Smuggled" } });
    expect(created.orgId).toBe(f.orgB);
    await scopedB.contactList.createMany({ data: [{ id: newId("list"), orgId: f.orgA, name: "Smuggled 2" }] });
    expect(await db.contactList.count({ where: { orgId: f.orgA, name: { startsWith: "Smuggled" } } })).toBe(0);
    expect(await db.contactList.count({ where: { orgId: f.orgB, name: { startsWith: "Smuggled" } } })).toBe(2);

    // An upsert keyed on A's row does not find it, so it creates in B instead of updating A.
    const upserted = await scopedB.contactList.upsert({
      where: { id: f.listA },
      create: { id: newId("list"), orgId: f.orgA, name: "Upserted" },
      update: { name: "Hijacked" },
    });
    expect(upserted.orgId).toBe(f.orgB);
    expect((await db.contactList.findUniqueOrThrow({ where: { id: f.listA } })).name).toBe("List of A");
  });

  it("stays scoped inside an interactive transaction", async () => {
    const scopedB = scopedDb(db, f.orgB);
    await scopedB.$transaction(async (tx) => {
      expect(await tx.contact.findUnique({ where: { id: f.contactA } })).toBeNull();
      expect(await tx.contact.updateMany({ where: { id: f.contactA }, data: { firstName: "Mallory" } })).toEqual({ count: 0 });
      expect((await tx.contact.findMany()).every((c) => c.orgId === f.orgB)).toBe(true);
    });
    expect((await db.contact.findUniqueOrThrow({ where: { id: f.contactA } })).firstName).toBe("SecretAlice");
  });
});
