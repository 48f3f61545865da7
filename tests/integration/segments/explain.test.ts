// Why a contact is in or out of a segment (each rule and group met or missed), and the saved
// segments a contact is in.
import { beforeAll, describe, expect, it } from "vitest";
import { DomainError } from "@/lib/errors";
import { explainContact } from "@/lib/segments/explain-segment";
import { createSegment } from "@/lib/segments/manage-segments";
import { segmentsOfContact } from "@/lib/segments/segments-of-contact";
import { setupTestDatabase } from "../helpers/db";
import { all, any, buildFixture, rule, type SegmentFixture } from "./segment-fixture";

const { db } = await setupTestDatabase();
let f: SegmentFixture;
let other: SegmentFixture;

beforeAll(async () => {
  f = await buildFixture(db, {
    now: new Date(),
    customFields: [{ key: "points", type: "NUMBER" }],
    lists: ["VIP"],
    contacts: {
      ann: { phone: "+12125550101", firstName: "Ann", tags: ["vip"], customFields: { points: 50 }, lists: ["VIP"] },
      bob: { phone: "+19075550102", firstName: "Bob" },
    },
  });
  other = await buildFixture(db, { now: new Date(), customFields: [], lists: [], contacts: { zed: { phone: "+12125550101", firstName: "Ann" } } });
});

// tags has vip AND (points > 100 OR (state is AK AND first name is not empty))
const definition = {
  timeZone: "America/Chicago",
  root: all(rule("tags", "has_any", ["vip"]), any(rule("custom.points", "gt", 100), all(rule("location.state", "is_any_of", ["AK"]), rule("firstName", "is_not_empty")))),
};

describe("explainContact", () => {
  it("marks each rule and group met or missed, with its path", async () => {
    const ann = await explainContact(f.ctx, { contactId: f.ids.ann!, definition });
    expect(ann).toMatchObject({ contactId: f.ids.ann, timeZone: "America/Chicago", met: false });
    expect(ann.root).toMatchObject({
      path: "definition.root",
      met: false,
      rules: [
        { path: "definition.root.rules.0", field: "tags", met: true },
        {
          path: "definition.root.rules.1",
          match: "any",
          met: false,
          rules: [
            { path: "definition.root.rules.1.rules.0", field: "custom.points", met: false },
            { met: false, rules: [{ field: "location.state", met: false }, { field: "firstName", met: true }] },
          ],
        },
      ],
    });

    const bob = await explainContact(f.ctx, { contactId: f.ids.bob!, definition });
    expect(bob.met).toBe(false);
    expect(bob.root.rules.map((r) => r.met)).toEqual([false, true]);
  });

  it("says met for a contact in the segment, and explains a saved one by id", async () => {
    const saved = await createSegment(f.ctx, { name: "VIP or Alaska", definition: { root: any(rule("tags", "has_any", ["vip"]), rule("location.state", "is_any_of", ["AK"])) } });
    const ann = await explainContact(f.ctx, { contactId: f.ids.ann!, segmentId: saved.id });
    expect(ann.met).toBe(true);
    expect(ann.root.rules.map((r) => r.met)).toEqual([true, false]);
    expect((await explainContact(f.ctx, { contactId: f.ids.bob!, segmentId: saved.id })).root.rules.map((r) => r.met)).toEqual([false, true]);
  });

  it("explains an empty segment as met by everyone", async () => {
    expect(await explainContact(f.ctx, { contactId: f.ids.bob!, definition: { root: all() } })).toMatchObject({ met: true, root: { met: true, rules: [] } });
  });

  it("does not explain another org's contact or segment", async () => {
    const valid = { root: all(rule("firstName", "is", "Ann")) };
    await expect(explainContact(other.ctx, { contactId: f.ids.ann!, definition: valid })).rejects.toMatchObject({ code: "NOT_FOUND", field: "contactId" });
    const saved = await createSegment(f.ctx, { name: "Everyone", definition: { root: all() } });
    await expect(explainContact(other.ctx, { contactId: other.ids.zed!, segmentId: saved.id })).rejects.toMatchObject({ code: "NOT_FOUND", field: "segmentId" });
  });
});

describe("segmentsOfContact", () => {
  it("lists the saved segments the contact is in, by name, and leaves out one that no longer compiles", async () => {
    const g = await buildFixture(db, {
      now: new Date(),
      customFields: [{ key: "points", type: "NUMBER" }],
      lists: [],
      contacts: { ann: { phone: "+12125550101", tags: ["vip"], customFields: { points: 5 } }, bob: { phone: "+19075550102" } },
    });
    await createSegment(g.ctx, { name: "Vips", definition: { root: all(rule("tags", "has_any", ["vip"])) } });
    await createSegment(g.ctx, { name: "Alaska", definition: { root: all(rule("location.state", "is_any_of", ["AK"])) } });
    await createSegment(g.ctx, { name: "All", definition: { root: all() } });
    await createSegment(g.ctx, { name: "Pointy", definition: { root: all(rule("custom.points", "gt", 1)) } });
    expect((await segmentsOfContact(g.ctx, { contactId: g.ids.ann! })).map((s) => s.name)).toEqual(["All", "Pointy", "Vips"]);
    expect((await segmentsOfContact(g.ctx, { contactId: g.ids.bob! })).map((s) => s.name)).toEqual(["Alaska", "All"]);

    await db.customFieldDefinition.deleteMany({ where: { orgId: g.ctx.orgId, key: "points" } });
    expect((await segmentsOfContact(g.ctx, { contactId: g.ids.ann! })).map((s) => s.name)).toEqual(["All", "Vips"]);
  });

  it("answers an org without segments, and refuses another org's contact", async () => {
    expect(await segmentsOfContact(other.ctx, { contactId: other.ids.zed! })).toEqual([]);
    const error = await segmentsOfContact(other.ctx, { contactId: f.ids.ann! }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(DomainError);
    expect(error).toMatchObject({ code: "NOT_FOUND", field: "contactId" });
  });
});
