// Saved segments and their checks: errors name the rule's path, a list of another org is refused,
// create / update / delete write the audit log, count and preview evaluate at use.
import { beforeAll, describe, expect, it } from "vitest";
import { DomainError } from "@/lib/errors";
import type { OrgContext } from "@/lib/org-context";
import { contactWhere } from "@/lib/contacts/contact-where";
import { countSegment, pageSegmentContacts, previewSegment, SEGMENT_WORK_MEM, withSegmentMemory } from "@/lib/segments/evaluate-segment";
import { createSegment, deleteSegment, getSegment, listSegments, updateSegment } from "@/lib/segments/manage-segments";
import { setupTestDatabase } from "../helpers/db";
import { expectTRPCError } from "../helpers/expect-error";
import { callerFor } from "../helpers/factories";
import { all, any, buildFixture, rule, type SegmentFixture } from "./segment-fixture";

const { db } = await setupTestDatabase();
let f: SegmentFixture;
let other: SegmentFixture;
let ctx: OrgContext;

beforeAll(async () => {
  f = await buildFixture(db, {
    now: new Date(),
    customFields: [{ key: "points", type: "NUMBER" }],
    lists: ["VIP"],
    contacts: {
      ann: { phone: "+12125550101", firstName: "Ann", createdAt: "2026-01-01T00:00:00Z", lists: ["VIP"] },
      bob: { phone: "+12125550102", firstName: "Bob", createdAt: "2026-02-01T00:00:00Z" },
      cy: { phone: "+12125550103", firstName: "Cy", createdAt: "2026-03-01T00:00:00Z", lists: ["VIP"] },
    },
  });
  other = await buildFixture(db, { now: new Date(), customFields: [], lists: ["Theirs"], contacts: {} });
  ctx = f.ctx;
});

async function refusal(work: Promise<unknown>) {
  const error = await work.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(DomainError);
  const { code, field, message } = error as DomainError;
  return { code, field, message };
}

const definition = (...rules: Parameters<typeof all>) => ({ root: all(...rules) });

describe("errors name the rule", () => {
  it.each([
    ["an unknown field", definition(rule("nickname", "is", "x")), "definition.root.rules.0.field", /Unknown field "nickname"/],
    ["an unknown custom field", definition(rule("custom.shoe_size", "eq", 3)), "definition.root.rules.0.field", /no custom field "shoe_size"/],
    ["an operator the type does not take", definition(rule("firstName", "gt", 3)), "definition.root.rules.0.operator", /First name cannot use ">"/],
    ["a custom field's type", definition(rule("custom.points", "contains", "3")), "definition.root.rules.0.operator", /Points cannot use "contains"/],
    ["a state that is not one, nested", definition(rule("firstName", "is", "Ann"), any(rule("location.state", "is_any_of", ["TX", "XX"]))), "definition.root.rules.1.rules.0.value.1", /"XX" is not a US state/],
    ["a country sharing its calling code", definition(rule("location.country", "is_any_of", ["JE"])), "definition.root.rules.0.value.0", /JE shares \+44 with GB/],
    ["an area code that is not one", definition(rule("location.areaCode", "is_any_of", ["123"])), "definition.root.rules.0.value.0", /"123" is not a North American area code/],
    ["a zone that is not one", definition(rule("location.timeZone", "is_any_of", ["Mars/Base"])), "definition.root.rules.0.value.0", /not a time zone/],
    ["a consent state that is not one", definition(rule("consent.status", "is_any_of", ["maybe"])), "definition.root.rules.0.value.0", /"maybe" is not a subscription state/],
    ["an empty text", definition(rule("firstName", "is", " ")), "definition.root.rules.0.value", /Enter a value/],
    ["a day that does not exist", definition(rule("createdAt", "on", "2026-02-30")), "definition.root.rules.0.value", /"2026-02-30" is not a date/],
    ["a source on another field", definition({ ...rule("engagement.replied", "never"), source: "any" }), "definition.root.rules.0.source", /Only "Received a message"/],
  ])("%s", async (_, def, field, message) => {
    const error = await refusal(countSegment(ctx, def));
    expect(error).toMatchObject({ code: "BAD_REQUEST", field });
    expect(error.message).toMatch(message);
  });

  it("refuses a list of another org, naming it, as it refuses an id that does not exist", async () => {
    const theirs = other.lists.Theirs!;
    const error = await refusal(countSegment(ctx, definition(rule("lists", "in", [f.lists.VIP!, theirs, "lst_nope"]))));
    expect(error).toEqual({ code: "BAD_REQUEST", field: "definition.root.rules.0.value", message: `No such list: ${theirs}, lst_nope` });
  });
});

describe("count and preview", () => {
  it("counts and shows the newest matching contacts first", async () => {
    const vip = definition(rule("lists", "in", [f.lists.VIP!]));
    expect(await countSegment(ctx, vip)).toBe(2);
    const preview = await previewSegment(ctx, vip, 1);
    expect(preview.count).toBe(2);
    expect(preview.contacts.map((c) => c.firstName)).toEqual(["Cy"]);
    expect(preview.contacts[0]).toMatchObject({ id: f.ids.cy, phone: "+12125550103", consentStatus: "OPTED_IN", tags: [] });
    expect(preview.contacts[0]!.createdAt).toEqual(new Date("2026-03-01T00:00:00Z"));
  });

  it("counts, previews and pages a list rule under an OR (run with more work_mem, in a transaction of its own)", async () => {
    const vipOrBob = definition(any(rule("lists", "in", [f.lists.VIP!]), rule("firstName", "is", "Bob")));
    expect(await countSegment(ctx, vipOrBob)).toBe(3);
    const notVipOrAnn = definition(any(rule("lists", "not_in", [f.lists.VIP!]), rule("firstName", "is", "Ann")));
    const preview = await previewSegment(ctx, notVipOrAnn, 10);
    expect([preview.count, preview.contacts.map((c) => c.firstName)]).toEqual([2, ["Bob", "Ann"]]);
    expect((await pageSegmentContacts(ctx, notVipOrAnn, { limit: 1 })).items.map((c) => c.firstName)).toEqual(["Bob"]);
    expect(await countSegment(other.ctx, vipOrBob).catch((e: Error) => e.message)).toMatch(/No such list/);
  });

  it("raises work_mem exactly for conditions with a list or message rule under an OR, the Contacts view's included", async () => {
    const workMem = async (hashMemory: boolean) =>
      (await withSegmentMemory(ctx, { hashMemory }, (sql) => sql.$queryRaw<{ m: string }[]>`SELECT current_setting('work_mem') AS m, ${ctx.orgId}::text AS org`))[0]!.m;
    expect(await workMem(true)).toBe(SEGMENT_WORK_MEM);
    expect(await workMem(false)).not.toBe(SEGMENT_WORK_MEM);
    const orList = definition(any(rule("lists", "in", [f.lists.VIP!]), rule("firstName", "is", "Bob")));
    expect((await contactWhere(ctx, { definition: orList })).hashMemory).toBe(true);
    expect((await contactWhere(ctx, { listId: f.lists.VIP!, search: "bob", definition: definition(all(rule("lists", "in", [f.lists.VIP!]))) })).hashMemory).toBe(false);
  });

  it("sees only the org's contacts", async () => {
    expect(await countSegment(other.ctx, definition())).toBe(0);
    expect(await countSegment(ctx, definition())).toBe(3);
  });
});

describe("saved segments", () => {
  it("creates, reads, renames, redefines and deletes, each in the audit log", async () => {
    const created = await createSegment(ctx, { name: "  VIPs ", description: "Our best", definition: definition(rule("lists", "in", [f.lists.VIP!])) });
    expect(created).toMatchObject({ name: "VIPs", description: "Our best", orgId: ctx.orgId });
    expect(created.id).toMatch(/^seg_/);
    expect((await getSegment(ctx, { id: created.id })).definition).toEqual({ timeZone: "UTC", root: all(rule("lists", "in", [f.lists.VIP!])) });
    expect((await listSegments(ctx)).map((s) => s.name)).toEqual(["VIPs"]);
    expect(await listSegments(other.ctx)).toEqual([]);

    const updated = await updateSegment(ctx, { id: created.id, name: "Regulars", definition: { timeZone: "America/Chicago", root: all(rule("firstName", "is", "bob")) } });
    expect(updated).toMatchObject({ name: "Regulars", description: "Our best" });
    expect(updated.definition.timeZone).toBe("America/Chicago");
    expect(await countSegment(ctx, updated.definition)).toBe(1);

    await deleteSegment(ctx, { id: created.id });
    expect(await refusal(getSegment(ctx, { id: created.id }))).toMatchObject({ code: "NOT_FOUND", field: "id" });

    const audit = await db.auditLog.findMany({ where: { orgId: ctx.orgId, targetId: created.id }, orderBy: { id: "asc" } });
    expect(audit.map((a) => a.action)).toEqual(["segment.created", "segment.updated", "segment.deleted"]);
    expect(audit[1]!.changes).toMatchObject({ name: { from: "VIPs", to: "Regulars" }, definition: { timeZone: "America/Chicago" } });
    expect(audit[2]!.changes).toEqual({ name: "Regulars" });
  });

  it("validates the definition before saving, with the rule's path", async () => {
    const error = await refusal(createSegment(ctx, { name: "Broken", definition: definition(rule("custom.nope", "is", "x")) }));
    expect(error).toMatchObject({ code: "BAD_REQUEST", field: "definition.root.rules.0.field" });
    expect(await db.segment.count({ where: { orgId: ctx.orgId, name: "Broken" } })).toBe(0);
    const saved = await createSegment(ctx, { name: "Fine", definition: definition() });
    expect(await refusal(updateSegment(ctx, { id: saved.id, definition: definition(rule("location.state", "is_any_of", ["XX"])) }))).toMatchObject({
      field: "definition.root.rules.0.value.0",
    });
  });

  it("refuses a second segment of the same name in the org, not in another org", async () => {
    await createSegment(ctx, { name: "Twice", definition: definition() });
    expect(await refusal(createSegment(ctx, { name: "Twice", definition: definition() }))).toMatchObject({ code: "CONFLICT", field: "name" });
    await expect(createSegment(other.ctx, { name: "Twice", definition: definition() })).resolves.toMatchObject({ name: "Twice" });
  });

  it("does not read, change or delete another org's segment", async () => {
    const mine = await createSegment(ctx, { name: "Mine", definition: definition() });
    expect(await refusal(getSegment(other.ctx, { id: mine.id }))).toMatchObject({ code: "NOT_FOUND" });
    expect(await refusal(updateSegment(other.ctx, { id: mine.id, name: "Taken" }))).toMatchObject({ code: "NOT_FOUND" });
    expect(await refusal(deleteSegment(other.ctx, { id: mine.id }))).toMatchObject({ code: "NOT_FOUND" });
    expect((await getSegment(ctx, { id: mine.id })).name).toBe("Mine");
  });
});

describe("pages of a segment's contacts", () => {
  it("walks the matching contacts newest first, whole, page by page", async () => {
    const everyone = definition(rule("firstName", "is_not_empty"));
    const first = await pageSegmentContacts(ctx, everyone, { limit: 2 });
    expect(first.items.map((c) => c.firstName)).toEqual(["Cy", "Bob"]);
    expect(first.items[0]).toMatchObject({ orgId: ctx.orgId, customFields: {}, consentStatus: "OPTED_IN", optedOutAt: null });
    expect(first.nextCursor).toBe(f.ids.bob);
    const second = await pageSegmentContacts(ctx, everyone, { limit: 2, cursor: first.nextCursor });
    expect(second).toEqual({ items: [expect.objectContaining({ firstName: "Ann" })], nextCursor: null });
    expect(await pageSegmentContacts(other.ctx, everyone, { limit: 2 })).toEqual({ items: [], nextCursor: null });
  });
});

describe("through tRPC", () => {
  it("previews with a count and the first 10, and names the rule of a bad definition", async () => {
    const caller = callerFor(db, f.owner, ctx.orgId);
    const preview = await caller.segments.preview({ definition: definition(rule("firstName", "is_not", "bob")) });
    expect(preview.count).toBe(2);
    expect(preview.contacts.map((c) => c.firstName)).toEqual(["Cy", "Ann"]);

    const bad = await expectTRPCError(caller.segments.preview({ definition: definition(any(rule("location.state", "is_any_of", ["XX"]))) }), "BAD_REQUEST");
    expect((bad.cause as DomainError).field).toBe("definition.root.rules.0.rules.0.value.0");
    // The zod shape's errors come with the same paths.
    const shape = await expectTRPCError(caller.segments.preview({ definition: definition(rule("custom.points", "between", [9, 1])) }), "BAD_REQUEST");
    expect(shape.message).toMatch(/definition\.root\.rules\[0\]\.value|definition\.root\.rules\.0\.value/);
  });
});
