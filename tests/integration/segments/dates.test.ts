// Date rules: timestamps read as local days in the segment's zone (DST days of 23 and 25 hours),
// date custom fields as calendar days, "in the last N days" / "more than N days ago" around local
// midnight, and anniversaries across year end and Feb 29.
import { beforeAll, describe, expect, it } from "vitest";
import { setupTestDatabase } from "../helpers/db";
import { all, buildFixture, rule, type SegmentFixture } from "./segment-fixture";

const { db } = await setupTestDatabase();
// 10:00 in New York on 2026-12-30; already 2026-12-31 in Auckland.
const NOW = new Date("2026-12-30T15:00:00Z");
let f: SegmentFixture;

beforeAll(async () => {
  f = await buildFixture(db, {
    now: NOW,
    customFields: [{ key: "birthday", type: "DATE" }],
    lists: [],
    contacts: {
      // New York springs forward on 2026-03-08 (a 23-hour day: 05:00Z to 04:00Z).
      lateOnSpringDay: { phone: "+12125550101", createdAt: "2026-03-09T03:30:00Z", customFields: { birthday: "1990-12-30" } }, // 23:30 EDT on 03-08
      earlyAfterSpringDay: { phone: "+12125550102", createdAt: "2026-03-09T04:30:00Z", customFields: { birthday: "2000-02-29" } }, // 00:30 EDT on 03-09
      lateBeforeSpringDay: { phone: "+12125550103", createdAt: "2026-03-08T04:59:00Z", customFields: { birthday: "1985-01-04" } }, // 23:59 EST on 03-07
      // It falls back on 2026-11-01 (a 25-hour day: 04:00Z to 05:00Z).
      lateOnFallDay: { phone: "+12125550104", createdAt: "2026-11-02T04:30:00Z", customFields: { birthday: "1970-01-05" } }, // 23:30 EST on 11-01
      // Yesterday evening in New York (2026-12-29 21:00 EST), today and local midnight of 12-23.
      yesterday: { phone: "+12125550105", createdAt: "2026-12-30T02:00:00Z", customFields: { birthday: "2026-12-29" } },
      today: { phone: "+12125550106", createdAt: "2026-12-30T14:00:00Z", customFields: { birthday: "2026-12-30" } },
      sevenDaysAgoMidnight: { phone: "+12125550107", createdAt: "2026-12-23T05:00:00Z", customFields: { birthday: "2026-12-23" } },
      justBefore: { phone: "+12125550108", createdAt: "2026-12-23T04:59:59Z", customFields: { birthday: "2026-12-22" } },
      noBirthday: { phone: "+12125550109", createdAt: "2026-06-01T12:00:00Z", customFields: { birthday: "not a date" } },
    },
  });
});

const ny = (...rules: Parameters<typeof all>) => ({ timeZone: "America/New_York", root: all(...rules) });

describe("timestamps in the segment's zone", () => {
  it("reads 'on' the spring-forward day as its 23 local hours", async () => {
    expect(await f.match(ny(rule("createdAt", "on", "2026-03-08")))).toEqual(["lateOnSpringDay"]);
    expect(await f.match(ny(rule("createdAt", "on", "2026-03-09")))).toEqual(["earlyAfterSpringDay"]);
    expect(await f.match(ny(rule("createdAt", "on", "2026-03-07")))).toEqual(["lateBeforeSpringDay"]);
  });

  it("reads 'on' the fall-back day as its 25 local hours", async () => {
    expect(await f.match(ny(rule("createdAt", "on", "2026-11-01")))).toEqual(["lateOnFallDay"]);
    // The same instant is 11-02 in UTC.
    expect(await f.match({ timeZone: "UTC", root: all(rule("createdAt", "on", "2026-11-02")) })).toEqual(["lateOnFallDay"]);
  });

  it("reads before, after and between as whole local days", async () => {
    expect(await f.match(ny(rule("createdAt", "before", "2026-03-08")))).toEqual(["lateBeforeSpringDay"]);
    expect(await f.match(ny(rule("createdAt", "after", "2026-12-29")))).toEqual(["today"]);
    expect(await f.match(ny(rule("createdAt", "between_days", ["2026-03-08", "2026-03-09"])))).toEqual(["earlyAfterSpringDay", "lateOnSpringDay"]);
  });

  it("counts 'in the last N days' from local midnight N days ago, today included", async () => {
    expect(await f.match(ny(rule("createdAt", "in_last_days", 0)))).toEqual(["today"]);
    expect(await f.match(ny(rule("createdAt", "in_last_days", 1)))).toEqual(["today", "yesterday"]);
    expect(await f.match(ny(rule("createdAt", "in_last_days", 7)))).toEqual(["sevenDaysAgoMidnight", "today", "yesterday"]);
    expect(await f.match(ny(rule("createdAt", "more_than_days_ago", 7)))).toEqual([
      "earlyAfterSpringDay",
      "justBefore",
      "lateBeforeSpringDay",
      "lateOnFallDay",
      "lateOnSpringDay",
      "noBirthday",
    ]);
  });

  it("moves 'today' with the zone: in Auckland it is already the 31st", async () => {
    const auckland = (days: number) => f.match({ timeZone: "Pacific/Auckland", root: all(rule("createdAt", "in_last_days", days)) });
    // "today" (14:00Z) is 03:00 on the 31st there; 12-23 05:00Z is 18:00 on the 23rd, before the 24th.
    expect(await auckland(0)).toEqual(["today"]);
    expect(await auckland(7)).toEqual(["today", "yesterday"]);
    expect(await f.match({ timeZone: "Pacific/Auckland", root: all(rule("createdAt", "on", "2026-12-31")) })).toEqual(["today"]);
  });

  it("gives the anniversary of a timestamp by its local date", async () => {
    // From 12-30, 03-07 is 67 days on and 03-08 is 68 (2027 has no Feb 29).
    const within = (timeZone: string, days: number) => f.match({ timeZone, root: all(rule("createdAt", "anniversary_within_days", days)) });
    expect(await within("America/New_York", 0)).toEqual(["today"]);
    // lateBeforeSpringDay is 03-07 in New York (03-08 in UTC); lateOnSpringDay 03-08 (03-09 in UTC).
    expect(await within("America/New_York", 67)).toEqual(expect.arrayContaining(["lateBeforeSpringDay"]));
    expect(await within("America/New_York", 67)).not.toContain("lateOnSpringDay");
    expect(await within("America/New_York", 68)).toEqual(expect.arrayContaining(["lateBeforeSpringDay", "lateOnSpringDay"]));
    expect(await within("UTC", 67)).not.toContain("lateBeforeSpringDay");
    expect(await within("UTC", 68)).toContain("lateBeforeSpringDay");
    expect(await within("UTC", 68)).not.toContain("lateOnSpringDay");
  });
});

describe("date custom fields", () => {
  it("compares calendar days; a value that is not a date is empty", async () => {
    expect(await f.match(ny(rule("custom.birthday", "on", "2026-12-30")))).toEqual(["today"]);
    expect(await f.match(ny(rule("custom.birthday", "before", "1980-01-01")))).toEqual(["lateOnFallDay"]);
    expect(await f.match(ny(rule("custom.birthday", "after", "2026-12-23")))).toEqual(["today", "yesterday"]);
    expect(await f.match(ny(rule("custom.birthday", "between_days", ["1985-01-04", "1990-12-30"])))).toEqual(["lateBeforeSpringDay", "lateOnSpringDay"]);
    expect(await f.match(ny(rule("custom.birthday", "in_last_days", 7)))).toEqual(["sevenDaysAgoMidnight", "today", "yesterday"]);
    expect(await f.match(ny(rule("custom.birthday", "more_than_days_ago", 7)))).toEqual([
      "earlyAfterSpringDay",
      "justBefore",
      "lateBeforeSpringDay",
      "lateOnFallDay",
      "lateOnSpringDay",
    ]);
    expect(await f.match(ny(rule("custom.birthday", "is_empty")))).toEqual(["noBirthday"]);
  });

  it("finds anniversaries across the year end", async () => {
    // Today 12-30 and the 5 days after: 12-30, 12-31, 01-01 ... 01-04.
    expect(await f.match(ny(rule("custom.birthday", "anniversary_within_days", 5)))).toEqual(["lateBeforeSpringDay", "lateOnSpringDay", "today"]);
    expect(await f.match(ny(rule("custom.birthday", "anniversary_within_days", 6)))).toEqual(["lateBeforeSpringDay", "lateOnFallDay", "lateOnSpringDay", "today"]);
    expect(await f.match(ny(rule("custom.birthday", "anniversary_within_days", 400)))).toHaveLength(8);
  });

  it("celebrates Feb 29 on Feb 28 in other years, and on Feb 29 in leap years", async () => {
    const on = (iso: string, days: number) => f.match(ny(rule("custom.birthday", "anniversary_within_days", days)), new Date(iso));
    expect(await on("2027-02-27T15:00:00Z", 1)).toContain("earlyAfterSpringDay"); // 02-28-2027
    expect(await on("2027-02-27T15:00:00Z", 0)).not.toContain("earlyAfterSpringDay");
    expect(await on("2028-02-27T15:00:00Z", 1)).not.toContain("earlyAfterSpringDay"); // 2028 has a Feb 29
    expect(await on("2028-02-27T15:00:00Z", 2)).toContain("earlyAfterSpringDay");
  });
});
