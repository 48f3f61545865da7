// The contacts view's URL: what a link or Back brings back, and that nothing in the address bar
// can break the page; and the quick filters as segment rules.
import { describe, expect, it } from "vitest";
import { DEFAULT_VIEW, viewFromParams, viewQuery, type ContactsView } from "@/components/contacts/contacts-view-params";
import { contactsViewDefinition } from "@/lib/contacts/contact-filters";
import type { SegmentDefinition } from "@/lib/segments/rule-model";

const where: SegmentDefinition = {
  timeZone: "America/Chicago",
  root: { type: "group", match: "any", rules: [{ type: "condition", field: "engagement.replied", operator: "in_last_days", value: 7 }] },
};

describe("contacts view in the URL", () => {
  it("round-trips every part, leaving defaults out", () => {
    const view: ContactsView = { search: "ann b", listId: "lst_1", tag: "vip", status: "OPTED_OUT", sort: "name", dir: "asc", where };
    const query = viewQuery(view);
    expect(viewFromParams(new URLSearchParams(query.slice(1)))).toEqual(view);
    expect(viewQuery(DEFAULT_VIEW)).toBe("");
    expect(viewQuery({ ...DEFAULT_VIEW, sort: "created", dir: "asc" })).toBe("?sort=created&dir=asc");
  });

  it("drops what it cannot read instead of failing", () => {
    const view = viewFromParams(new URLSearchParams("status=maybe&sort=age&dir=up&tag=%25%25&where=%7Bnot-json"));
    expect(view).toEqual(DEFAULT_VIEW);
    const badRule = JSON.stringify({ timeZone: "UTC", root: { type: "group", match: "all", rules: [{ type: "condition", field: "x", operator: "nope" }] } });
    expect(viewFromParams(new URLSearchParams({ where: badRule })).where).toBeNull();
  });
});

describe("quick filters as rules", () => {
  it("puts the quick rules first, then the advanced root (flattened when it is an all group)", () => {
    const def = contactsViewDefinition({ listId: "lst_1", tag: "vip", status: "OPTED_IN" }, where);
    expect(def.timeZone).toBe("America/Chicago");
    expect(def.root.match).toBe("all");
    expect(def.root.rules).toEqual([
      { type: "condition", field: "lists", operator: "in", value: ["lst_1"] },
      { type: "condition", field: "tags", operator: "has_any", value: ["vip"] },
      { type: "condition", field: "consent.status", operator: "is_any_of", value: ["opted_in"] },
      where.root,
    ]);
    const all = contactsViewDefinition({}, { ...where, root: { ...where.root, match: "all" } });
    expect(all.root.rules).toEqual(where.root.rules);
    expect(contactsViewDefinition({}).root.rules).toEqual([]);
  });
});
