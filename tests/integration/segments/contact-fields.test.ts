// Text, number, boolean, tags, lists, consent and nesting rules against hand-built contacts:
// every operator, with NULLs, empty and missing custom fields, asserting the exact set matched.
import { beforeAll, describe, expect, it } from "vitest";
import { setupTestDatabase } from "../helpers/db";
import { all, any, buildFixture, rule, type SegmentFixture } from "./segment-fixture";

const { db } = await setupTestDatabase();
const NOW = new Date("2026-06-15T15:00:00Z");
let f: SegmentFixture;

beforeAll(async () => {
  f = await buildFixture(db, {
    now: NOW,
    customFields: [
      { key: "plan", type: "TEXT" },
      { key: "points", type: "NUMBER" },
      { key: "barista", type: "BOOLEAN" },
      { key: "birthday", type: "DATE" },
    ],
    lists: ["Newsletter", "VIP"],
    contacts: {
      ann: {
        phone: "+12125550101",
        firstName: "Ann",
        lastName: "Lee",
        email: "ann@example.com",
        tags: ["vip", "espresso"],
        customFields: { plan: "Pro", points: 120, barista: true },
        lists: ["Newsletter", "VIP"],
        consent: [
          { action: "OPT_IN", source: "import", at: "2026-01-01T00:00:00Z" },
          { action: "OPT_IN", source: "ui", at: "2026-02-01T00:00:00Z" },
        ],
      },
      bob: {
        phone: "+14155550102",
        firstName: "bob",
        email: "BOB@Example.com",
        tags: ["vip"],
        customFields: { plan: "basic", points: 5, barista: false },
        lists: ["Newsletter"],
        consent: [{ action: "OPT_IN", source: "api", at: "2026-01-05T00:00:00Z" }],
      },
      cy: {
        phone: "+19075550103",
        lastName: "100%_sure",
        consentStatus: "OPTED_OUT",
        consent: [{ action: "OPT_OUT", source: "keyword", at: "2026-03-01T00:00:00Z" }],
      },
      // Spaces for a first name, and custom values of the wrong JSON type: they count as missing.
      dee: { phone: "+14165550104", firstName: "  ", customFields: { points: "12", barista: "yes", plan: "" } },
      eve: { phone: "+447700900105", firstName: "Ann-Marie", lastName: "100 percent", tags: ["espresso", "beans"], customFields: { plan: "Pro plan", points: 0 } },
    },
  });
});

const only = (...rules: Parameters<typeof all>) => ({ root: all(...rules) });

describe("text", () => {
  it.each([
    ["is (case-insensitive)", rule("firstName", "is", "ANN"), ["ann"]],
    ["is not: includes contacts without a first name", rule("firstName", "is_not", "ann"), ["bob", "cy", "dee", "eve"]],
    ["contains", rule("firstName", "contains", "nn"), ["ann", "eve"]],
    ["does not contain: includes no first name", rule("firstName", "not_contains", "ann"), ["bob", "cy", "dee"]],
    ["starts with", rule("firstName", "starts_with", "ann-"), ["eve"]],
    ["ends with", rule("firstName", "ends_with", "OB"), ["bob"]],
    ["is empty: NULL and only spaces", rule("firstName", "is_empty"), ["cy", "dee"]],
    ["is not empty", rule("firstName", "is_not_empty"), ["ann", "bob", "eve"]],
    ["contains % literally", rule("lastName", "contains", "0%"), ["cy"]],
    ["contains _ literally", rule("lastName", "contains", "%_s"), ["cy"]],
    ["email is, any case", rule("email", "is", "bob@example.COM"), ["bob"]],
    ["phone starts with", rule("phone", "starts_with", "+44"), ["eve"]],
    ["custom text is", rule("custom.plan", "is", "pro"), ["ann"]],
    ["custom text is not: includes missing and empty", rule("custom.plan", "is_not", "pro"), ["bob", "cy", "dee", "eve"]],
    ["custom text contains", rule("custom.plan", "contains", "PRO"), ["ann", "eve"]],
    ["custom text is empty: missing or empty text", rule("custom.plan", "is_empty"), ["cy", "dee"]],
  ])("%s", async (_, r, expected) => {
    expect(await f.match(only(r))).toEqual(expected);
  });
});

describe("number (custom)", () => {
  it.each([
    ["=", rule("custom.points", "eq", 5), ["bob"]],
    ["≠ includes contacts without points", rule("custom.points", "neq", 5), ["ann", "cy", "dee", "eve"]],
    [">", rule("custom.points", "gt", 5), ["ann"]],
    ["≥", rule("custom.points", "gte", 5), ["ann", "bob"]],
    ["<", rule("custom.points", "lt", 5), ["eve"]],
    ["≤ with a fraction", rule("custom.points", "lte", 5.5), ["bob", "eve"]],
    ["between, inclusive", rule("custom.points", "between", [0, 5]), ["bob", "eve"]],
    ["is empty: missing, or text where a number belongs", rule("custom.points", "is_empty"), ["cy", "dee"]],
    ["is not empty (0 is a value)", rule("custom.points", "is_not_empty"), ["ann", "bob", "eve"]],
  ])("%s", async (_, r, expected) => {
    expect(await f.match(only(r))).toEqual(expected);
  });
});

describe("boolean (custom)", () => {
  it.each([
    ["is yes", rule("custom.barista", "is_true"), ["ann"]],
    ["is no: a stored false only", rule("custom.barista", "is_false"), ["bob"]],
    ["is empty: missing, or text", rule("custom.barista", "is_empty"), ["cy", "dee", "eve"]],
    ["is not empty", rule("custom.barista", "is_not_empty"), ["ann", "bob"]],
  ])("%s", async (_, r, expected) => {
    expect(await f.match(only(r))).toEqual(expected);
  });
});

describe("tags and lists", () => {
  it.each([
    ["has any of (any case)", rule("tags", "has_any", ["VIP", "beans"]), ["ann", "bob", "eve"]],
    ["has all of", rule("tags", "has_all", ["vip", "espresso"]), ["ann"]],
    ["has none of: includes contacts without tags", rule("tags", "has_none", ["vip"]), ["cy", "dee", "eve"]],
  ])("%s", async (_, r, expected) => {
    expect(await f.match(only(r))).toEqual(expected);
  });

  it("is in any of / none of the lists", async () => {
    expect(await f.match(only(rule("lists", "in", [f.lists.VIP!])))).toEqual(["ann"]);
    expect(await f.match(only(rule("lists", "in", [f.lists.VIP!, f.lists.Newsletter!])))).toEqual(["ann", "bob"]);
    expect(await f.match(only(rule("lists", "not_in", [f.lists.Newsletter!])))).toEqual(["cy", "dee", "eve"]);
  });
});

describe("consent", () => {
  it.each([
    ["subscription is opted in", rule("consent.status", "is_any_of", ["opted_in"]), ["ann", "bob", "dee", "eve"]],
    ["subscription is none of opted in", rule("consent.status", "is_none_of", ["opted_in"]), ["cy"]],
    ["source of the latest consent event", rule("consent.source", "is_any_of", ["ui", "keyword"]), ["ann", "cy"]],
    ["an earlier source does not count", rule("consent.source", "is_any_of", ["import"]), []],
    ["source is none of: includes contacts without events", rule("consent.source", "is_none_of", ["ui"]), ["bob", "cy", "dee", "eve"]],
  ])("%s", async (_, r, expected) => {
    expect(await f.match(only(r))).toEqual(expected);
  });
});

describe("groups", () => {
  it("matches everyone with an empty group, of either kind", async () => {
    const everyone = ["ann", "bob", "cy", "dee", "eve"];
    expect(await f.match({ root: all() })).toEqual(everyone);
    expect(await f.match({ root: any() })).toEqual(everyone);
    expect(await f.match({ root: all(rule("firstName", "is", "bob"), any()) })).toEqual(["bob"]);
  });

  it("nests any and all three levels and more", async () => {
    // (tag vip AND (points > 100 OR (first name is empty AND opted out))) OR last name contains "percent"
    const definition = {
      root: any(
        all(rule("tags", "has_any", ["vip"]), any(rule("custom.points", "gt", 100), all(rule("firstName", "is_empty"), rule("consent.status", "is_any_of", ["opted_out"])))),
        rule("lastName", "contains", "percent"),
      ),
    };
    expect(await f.match(definition)).toEqual(["ann", "eve"]);
    // Moving the opted-out branch up a level brings cy in.
    const wider = { root: any(all(rule("tags", "has_any", ["vip"]), rule("custom.points", "gt", 100)), all(any(rule("firstName", "is_empty")), rule("consent.status", "is_any_of", ["opted_out"]))) };
    expect(await f.match(wider)).toEqual(["ann", "cy"]);
    const deep = { root: all(all(all(all(any(rule("firstName", "is", "ann"), rule("firstName", "is", "bob")))))) };
    expect(await f.match(deep)).toEqual(["ann", "bob"]);
  });
});
