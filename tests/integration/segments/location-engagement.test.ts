// Location rules (from the number, with the contact's own zone first) and engagement rules (from
// Message rows), against hand-built contacts; exact sets.
import { beforeAll, describe, expect, it } from "vitest";
import { newId } from "@/lib/ids";
import { setupTestDatabase } from "../helpers/db";
import { all, buildFixture, rule, type SegmentFixture } from "./segment-fixture";

const { db } = await setupTestDatabase();
const NOW = new Date("2026-06-15T15:00:00Z");
let loc: SegmentFixture;
let eng: SegmentFixture;

beforeAll(async () => {
  loc = await buildFixture(db, {
    now: NOW,
    customFields: [],
    lists: [],
    contacts: {
      ny: { phone: "+12125550101", timeZone: "America/New_York" },
      ak: { phone: "+19075550102" },
      toronto: { phone: "+14165550103" },
      pr: { phone: "+17875550104" },
      jm: { phone: "+18765550105" },
      uk: { phone: "+447700900106", timeZone: "Europe/London" },
      ukNoZone: { phone: "+447700900109" },
      de: { phone: "+4915112345678" },
      au: { phone: "+61491570107" },
      // Its own zone wins over the one its number suggests.
      movedToChicago: { phone: "+14155550108", timeZone: "America/Chicago" },
    },
  });
  eng = await buildFixture(db, {
    now: NOW,
    customFields: [],
    lists: [],
    contacts: {
      ann: {
        phone: "+12125550201",
        messages: [
          { direction: "OUTBOUND", status: "DELIVERED", at: "2026-06-13T12:00:00Z" },
          { direction: "INBOUND", status: "RECEIVED", at: "2026-06-14T12:00:00Z" },
        ],
      },
      bob: {
        phone: "+12125550202",
        messages: [
          { direction: "OUTBOUND", status: "DELIVERED", at: "2026-06-01T12:00:00Z" },
          { direction: "OUTBOUND", status: "FAILED", at: "2026-06-10T12:00:00Z", errorCode: "30007" },
        ],
      },
      cy: {
        phone: "+12125550203",
        messages: [
          { direction: "INBOUND", status: "RECEIVED", at: "2026-03-01T12:00:00Z" },
          { direction: "OUTBOUND", status: "DELIVERED", at: "2026-05-01T12:00:00Z" },
          { direction: "OUTBOUND", status: "UNDELIVERED", at: "2026-06-05T12:00:00Z", errorCode: "30003" },
          // Queued now: no outcome yet, so the last delivery is still the undelivered one; not "received" either.
          { direction: "OUTBOUND", status: "QUEUED", at: "2026-06-14T12:00:00Z" },
        ],
      },
      dee: { phone: "+12125550204" },
      eve: { phone: "+12125550205", messages: [{ direction: "OUTBOUND", status: "SENT", at: "2026-06-15T10:00:00Z" }] },
      fred: {
        phone: "+12125550206",
        messages: [
          { direction: "OUTBOUND", status: "FAILED", at: "2026-06-01T12:00:00Z", errorCode: "30007" },
          { direction: "OUTBOUND", status: "DELIVERED", at: "2026-06-12T12:00:00Z" },
        ],
      },
    },
  });
  // Messages of a deleted contact (contactId set to NULL) of every kind the rules read: were a rule
  // a set of contact ids (`NOT (c.id IN set)`), a NULL in it would make its negation match no one.
  for (const [direction, status] of [["INBOUND", "RECEIVED"], ["OUTBOUND", "FAILED"], ["OUTBOUND", "DELIVERED"]] as const) {
    const at = new Date("2026-06-15T11:00:00Z");
    await db.message.create({
      data: {
        ...{ id: newId("message", at), orgId: eng.ctx.orgId, contactId: null, direction, status, from: "+12125550000", to: "+12125550299" },
        ...{ body: "Hello", encoding: "GSM-7", segments: 1, errorCode: status === "FAILED" ? "30007" : null, createdAt: at, sentAt: at },
      },
    });
  }
});

const only = (...rules: Parameters<typeof all>) => ({ root: all(...rules) });

describe("location", () => {
  it.each([
    ["country US: +1 numbers of US area codes", rule("location.country", "is_any_of", ["US"]), ["ak", "movedToChicago", "ny"]],
    ["country CA", rule("location.country", "is_any_of", ["ca"]), ["toronto"]],
    ["country PR and JM (NANP, not US)", rule("location.country", "is_any_of", ["PR", "JM"]), ["jm", "pr"]],
    ["country GB and DE by calling code", rule("location.country", "is_any_of", ["GB", "DE"]), ["de", "uk", "ukNoZone"]],
    ["country none of US", rule("location.country", "is_none_of", ["US"]), ["au", "de", "jm", "pr", "toronto", "uk", "ukNoZone"]],
    ["state AK and province ON", rule("location.state", "is_any_of", ["AK", "ON"]), ["ak", "toronto"]],
    ["territory PR", rule("location.state", "is_any_of", ["PR"]), ["pr"]],
    ["state none of NY: includes numbers outside North America", rule("location.state", "is_none_of", ["NY"]), ["ak", "au", "de", "jm", "movedToChicago", "pr", "toronto", "uk", "ukNoZone"]],
    ["area code", rule("location.areaCode", "is_any_of", ["907", "212"]), ["ak", "ny"]],
    ["time zone derived from 907 where the contact has none", rule("location.timeZone", "is_any_of", ["America/Anchorage"]), ["ak"]],
    ["time zone derived from the area code and the calling code", rule("location.timeZone", "is_any_of", ["America/Toronto", "Europe/Berlin"]), ["de", "toronto"]],
    ["+44 numbers keep London's clock: derived as Europe/London", rule("location.timeZone", "is_any_of", ["Europe/London"]), ["uk", "ukNoZone"]],
    ["no zone for a country of several clocks (+61)", rule("location.timeZone", "is_any_of", ["Australia/Sydney", "Australia/Perth"]), []],
    ["the contact's own zone first", rule("location.timeZone", "is_any_of", ["America/Chicago"]), ["movedToChicago"]],
    ["its number's zone does not count when it has one", rule("location.timeZone", "is_any_of", ["America/Los_Angeles"]), []],
    ["time zone none of New York: includes contacts whose zone is unknown", rule("location.timeZone", "is_none_of", ["America/New_York"]), ["ak", "au", "de", "jm", "movedToChicago", "pr", "toronto", "uk", "ukNoZone"]],
  ])("%s", async (_, r, expected) => {
    expect(await loc.match(only(r))).toEqual(expected);
  });
});

describe("engagement", () => {
  it.each([
    ["received in the last 7 days (sent or delivered)", rule("engagement.received", "in_last_days", 7), ["ann", "eve", "fred"]],
    ["received today", rule("engagement.received", "in_last_days", 0), ["eve"]],
    ["received in the last 30 days", rule("engagement.received", "in_last_days", 30), ["ann", "bob", "eve", "fred"]],
    ["not received in the last 7 days", rule("engagement.received", "not_in_last_days", 7), ["bob", "cy", "dee"]],
    ["replied in the last 7 days", rule("engagement.replied", "in_last_days", 7), ["ann"]],
    ["not replied in the last 7 days", rule("engagement.replied", "not_in_last_days", 7), ["bob", "cy", "dee", "eve", "fred"]],
    ["never replied", rule("engagement.replied", "never"), ["bob", "dee", "eve", "fred"]],
    ["last delivery failed", rule("engagement.lastDeliveryFailed", "is_true"), ["bob", "cy"]],
    ["last delivery did not fail (or there was none)", rule("engagement.lastDeliveryFailed", "is_false"), ["ann", "dee", "eve", "fred"]],
    ["last delivery failed with code 30007", rule("engagement.lastDeliveryFailed", "with_code", ["30007"]), ["bob"]],
    ["last delivery failed with one of the codes", rule("engagement.lastDeliveryFailed", "with_code", ["30003", "99999"]), ["cy"]],
  ])("%s", async (_, r, expected) => {
    expect(await eng.match(only(r))).toEqual(expected);
  });

  it("counts only the org's own messages", async () => {
    // The same phone number in another org, texted there today: not a message to this org's contact.
    const other = await buildFixture(db, {
      now: NOW,
      customFields: [],
      lists: [],
      contacts: { dee: { phone: "+12125550204", messages: [{ direction: "INBOUND", status: "RECEIVED", at: "2026-06-15T12:00:00Z" }] } },
    });
    expect(await other.match(only(rule("engagement.replied", "in_last_days", 0)))).toEqual(["dee"]);
    expect(await eng.match(only(rule("engagement.replied", "never")))).toContain("dee");
  });
});
