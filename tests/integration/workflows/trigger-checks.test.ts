// The workflows' own trigger checks against a real PostgreSQL: segment entered (the first check only
// takes the snapshot; a contact entering is announced once; leaving and coming back announces again;
// a paused workflow's snapshot moves on silently) and date anniversaries (the contact's local day
// and time, Tokyo and Los Angeles at one instant, the area code's zone, February 29, once a year).
import { beforeAll, beforeEach, describe, expect, it, vi } from "vitest";

type Sent = { name: string; data: Record<string, unknown> };
const emitted = vi.hoisted(() => [] as { events: Sent[]; inTransaction: boolean }[]);
vi.mock("@/lib/events/emit", async () => {
  const { inTransaction } = await import("@/lib/db/after-commit");
  return {
    emitEvents: async (events: Sent | Sent[]) => {
      emitted.push({ events: Array.isArray(events) ? events : [events], inTransaction: inTransaction() });
    },
  };
});

const { setupApiDatabase } = await import("../helpers/api");
const { db } = await setupApiDatabase();
const { createOrgWithOwner, orgContextFor } = await import("../helpers/factories");
const { createContact } = await import("@/lib/contacts/create-contact");
const { tagContacts } = await import("@/lib/contacts/tag-contacts");
const { createSegment } = await import("@/lib/segments/manage-segments");
const { createCustomField } = await import("@/lib/custom-fields/manage-custom-fields");
const { checkSegmentTriggers } = await import("@/lib/workflows/check-segment-triggers");
const { checkAnniversaryTriggers } = await import("@/lib/workflows/check-anniversary-triggers");
const { newId } = await import("@/lib/ids");
type OrgContext = import("@/lib/org-context").OrgContext;
type TriggerConfig = import("@/lib/workflows/graph-model").TriggerConfig;

let ctx: OrgContext;

beforeAll(async () => {
  const { org, owner } = await createOrgWithOwner(db, { name: "Checks Deli" });
  ctx = await orgContextFor(db, owner, org.id);
});
beforeEach(() => {
  emitted.length = 0;
});

function triggers() {
  for (const e of emitted) expect(e.inTransaction).toBe(false);
  return emitted.flatMap((e) => e.events.filter((ev) => ev.name === "workflows/trigger.fired").map((ev) => ev.data));
}
const sorted = (ids: unknown) => [...(ids as string[])].sort();

/** A workflow published with this trigger, as the publisher leaves it: ACTIVE, its version's trigger in the columns. */
async function publish(name: string, trigger: TriggerConfig, key: string | null) {
  const graph = { nodes: [{ id: "start", type: "trigger", position: { x: 0, y: 0 }, data: { trigger } }], edges: [] };
  const workflowId = newId("workflow");
  const versionId = newId("workflowVersion");
  await db.workflow.create({ data: { id: workflowId, orgId: ctx.orgId, name, draft: graph, settings: {}, draftChanged: false } });
  await db.workflowVersion.create({ data: { id: versionId, orgId: ctx.orgId, workflowId, version: 1, graph, settings: {}, triggerKind: trigger.kind, triggerKey: key } });
  await db.workflow.update({ where: { id: workflowId }, data: { status: "ACTIVE", publishedVersionId: versionId } });
  return workflowId;
}

describe("segment entered", () => {
  let segmentId: string;
  let workflowId: string;
  const tagged = (id: string, add: string[], remove: string[] = []) => tagContacts(ctx, { ids: [id], add, remove });
  const vipRule = { timeZone: "UTC", root: { type: "group" as const, match: "all" as const, rules: [{ type: "condition" as const, field: "tags", operator: "has_any" as const, value: ["vip"] }] } };

  beforeAll(async () => {
    segmentId = (await createSegment(ctx, { name: "VIPs", definition: vipRule })).id;
  });

  it("the first check after publishing only takes the snapshot: nobody already in the segment is enrolled", async () => {
    const a = await createContact(ctx, { phone: "+14155558001", tags: ["vip"] });
    await createContact(ctx, { phone: "+14155558002", tags: ["vip"] });
    workflowId = await publish("VIP welcome", { kind: "segment_entered", segmentId }, segmentId);
    emitted.length = 0;
    expect(await checkSegmentTriggers(db)).toEqual([{ workflowId, snapshot: true, entered: 0 }]);
    expect(triggers()).toEqual([]);
    expect(await db.workflowSegmentMember.count({ where: { workflowId } })).toBe(2);
    expect(await db.workflowSegmentMember.findUnique({ where: { workflowId_contactId: { workflowId, contactId: a.id } } })).not.toBeNull();
  });

  it("a contact who enters is announced once, with the workflow; the next check announces nothing", async () => {
    const b = await createContact(ctx, { phone: "+14155558003" });
    const c = await createContact(ctx, { phone: "+14155558004" });
    await tagged(b.id, ["vip"]);
    await tagged(c.id, ["vip"]);
    emitted.length = 0;
    expect(await checkSegmentTriggers(db)).toEqual([{ workflowId, snapshot: false, entered: 2 }]);
    const [entered, ...rest] = triggers();
    expect(rest).toEqual([]);
    expect(entered).toMatchObject({ orgId: ctx.orgId, kind: "segment_entered", key: segmentId, workflowId, data: { segmentId } });
    expect(sorted(entered!.contactIds)).toEqual(sorted([b.id, c.id]));
    emitted.length = 0;
    expect(await checkSegmentTriggers(db)).toEqual([{ workflowId, snapshot: false, entered: 0 }]);
    expect(triggers()).toEqual([]);
  });

  it("leaving is not announced; coming back is, again", async () => {
    const d = await createContact(ctx, { phone: "+14155558005", tags: ["vip"] });
    await checkSegmentTriggers(db);
    await tagged(d.id, [], ["vip"]);
    emitted.length = 0;
    await checkSegmentTriggers(db);
    expect(triggers()).toEqual([]);
    expect(await db.workflowSegmentMember.count({ where: { workflowId, contactId: d.id } })).toBe(0);
    await tagged(d.id, ["vip"]);
    emitted.length = 0;
    await checkSegmentTriggers(db);
    expect(triggers()).toMatchObject([{ kind: "segment_entered", contactIds: [d.id], workflowId }]);
  });

  it("while paused, entries move the snapshot on silently: resuming enrols only who enters afterwards", async () => {
    await db.workflow.update({ where: { id: workflowId }, data: { status: "PAUSED" } });
    const e = await createContact(ctx, { phone: "+14155558006", tags: ["vip"] });
    emitted.length = 0;
    await checkSegmentTriggers(db);
    expect(triggers()).toEqual([]);
    await db.workflow.update({ where: { id: workflowId }, data: { status: "ACTIVE" } });
    await checkSegmentTriggers(db);
    expect(triggers()).toEqual([]);
    expect(await db.workflowSegmentMember.count({ where: { workflowId, contactId: e.id } })).toBe(1);
  });

  it("a new version with another segment starts with a snapshot again; a workflow no longer waiting for a segment loses its snapshot", async () => {
    const other = await createSegment(ctx, { name: "Everyone", definition: { timeZone: "UTC", root: { type: "group", match: "all", rules: [] } } });
    const versionId = newId("workflowVersion");
    const graph = { nodes: [{ id: "start", type: "trigger", position: { x: 0, y: 0 }, data: { trigger: { kind: "segment_entered", segmentId: other.id } } }], edges: [] };
    await db.workflowVersion.create({ data: { id: versionId, orgId: ctx.orgId, workflowId, version: 2, graph, settings: {}, triggerKind: "segment_entered", triggerKey: other.id } });
    await db.workflow.update({ where: { id: workflowId }, data: { publishedVersionId: versionId } });
    emitted.length = 0;
    expect(await checkSegmentTriggers(db)).toEqual([{ workflowId, snapshot: true, entered: 0 }]);
    expect(triggers()).toEqual([]);
    expect(await db.workflowSegmentMember.count({ where: { workflowId } })).toBe(await db.contact.count({ where: { orgId: ctx.orgId } }));

    await db.workflow.update({ where: { id: workflowId }, data: { status: "DRAFT" } });
    expect(await checkSegmentTriggers(db)).toEqual([]);
    expect(await db.workflowSegmentMember.count({ where: { workflowId } })).toBe(0);
    expect(await db.workflowSegmentCheck.count({ where: { workflowId } })).toBe(0);
  });
});

describe("date anniversaries", () => {
  let workflowId: string;
  const contactWith = async (phone: string, birthday: string, timeZone: string | null) => {
    const contact = await createContact(ctx, { phone, customFields: { birthday } });
    // null: the zone is the number's (its area code's), or UTC.
    await db.contact.update({ where: { id: contact.id }, data: { timeZone } });
    return contact.id;
  };
  const fired = () => triggers().flatMap((t) => (t.kind === "date_anniversary" ? (t.contactIds as string[]) : []));
  const at = async (iso: string) => {
    emitted.length = 0;
    await checkAnniversaryTriggers(db, new Date(iso));
    return sorted(fired());
  };

  let tokyo: string, la: string, newYork: string, utc: string, leap: string;
  beforeAll(async () => {
    await createCustomField(ctx, { key: "birthday", label: "Birthday", type: "DATE" });
    workflowId = await publish("Birthday", { kind: "date_anniversary", field: "birthday", time: "10:00" }, "birthday");
    tokyo = await contactWith("+819012345678", "1990-03-15", "Asia/Tokyo");
    la = await contactWith("+14155558101", "1985-03-15", "America/Los_Angeles");
    newYork = await contactWith("+12125558102", "1970-03-15", null); // 212: America/New_York by its area code
    utc = await contactWith("+442071234567", "2001-03-15", null);
    leap = await contactWith("+442071234568", "2000-02-29", "UTC");
    await contactWith("+442071234569", "1999-03-16", "UTC");
  });

  it("fires where it is the day and past the time: Tokyo and Los Angeles at one instant", async () => {
    // 01:30 UTC on 15 March 2027: 10:30 on the 15th in Tokyo, 18:30 on the 14th in Los Angeles (PDT).
    expect(await at("2027-03-15T01:30:00Z")).toEqual([tokyo]);
    expect(triggers()).toEqual([{ orgId: ctx.orgId, kind: "date_anniversary", key: "birthday", contactIds: [tokyo], data: { field: "birthday" }, workflowId }]);
    // 09:59 UTC: London's zone is UTC here, a minute short; New York is 05:59.
    expect(await at("2027-03-15T09:59:00Z")).toEqual([]);
    expect(await at("2027-03-15T10:05:00Z")).toEqual([utc]);
    // 14:00 UTC: 10:00 in New York (EDT, by the area code's zone).
    expect(await at("2027-03-15T14:00:00Z")).toEqual([newYork]);
    // 17:15 UTC: 10:15 on the 15th in Los Angeles; Tokyo is on the 16th, and fired already.
    expect(await at("2027-03-15T17:15:00Z")).toEqual([la]);
  });

  it("fires once a year, again the next year", async () => {
    expect(await at("2027-03-15T23:00:00Z")).toEqual([]);
    expect(await db.workflowAnniversaryFired.count({ where: { workflowId, year: 2027 } })).toBe(4);
    expect(await at("2028-03-15T12:00:00Z")).toEqual(sorted([tokyo, utc]));
  });

  it("a February 29 birthday fires on the 28th in a year without one, on the 29th in a leap year", async () => {
    expect(await at("2027-02-28T12:00:00Z")).toEqual([leap]);
    expect(await at("2027-03-01T12:00:00Z")).toEqual([]);
    expect(await at("2028-02-28T12:00:00Z")).toEqual([]);
    expect(await at("2028-02-29T12:00:00Z")).toEqual([leap]);
  });

  it("a paused workflow, or one waiting for another field, fires nothing", async () => {
    await db.workflow.update({ where: { id: workflowId }, data: { status: "PAUSED" } });
    expect(await at("2029-03-15T12:00:00Z")).toEqual([]);
    await db.workflow.update({ where: { id: workflowId }, data: { status: "ACTIVE" } });
    const other = await publish("Anniversary", { kind: "date_anniversary", field: "joined", time: "09:00" }, "joined");
    emitted.length = 0;
    const results = await checkAnniversaryTriggers(db, new Date("2029-03-15T12:00:00Z"));
    expect(results).toContainEqual({ workflowId: other, fired: 0 });
    expect(sorted(fired())).toEqual(sorted([tokyo, utc]));
  });
});
