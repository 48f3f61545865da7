import { describe, expect, it } from "vitest";
import { autoMapColumns } from "@/lib/contacts/import/auto-map";
import { normalizeRow, type NormalizeContext } from "@/lib/contacts/import/normalize-row";
import { sniffDelimiter } from "@/lib/contacts/import/sniff-csv";

describe("sniffDelimiter", () => {
  it("picks the delimiter that splits the lines consistently, ignoring ones inside quotes", () => {
    expect(sniffDelimiter("phone,name\n+1,Ann\n")).toBe(",");
    expect(sniffDelimiter("phone;name;city\n+1;\"Lee, Ann\";Paris\n")).toBe(";");
    expect(sniffDelimiter("phone\tname\n+1\t\"a;b,c\"\n")).toBe("\t");
    // A comma in every quoted name would fool a plain count.
    expect(sniffDelimiter('phone;name\n+1;"Lee, Ann"\n+2;"Ray, Bob"\n')).toBe(";");
    expect(sniffDelimiter("phone\n+1\n")).toBe(",");
  });
});

describe("autoMapColumns", () => {
  it("matches headers by the words people use, custom fields by key or label, each field once", () => {
    const fields = [{ key: "loyalty_tier", label: "Loyalty tier" }, { key: "birthday", label: "Date of birth" }];
    expect(
      autoMapColumns(["Cell Phone", "First Name", "Surname", "E-mail", "Tags", "Time Zone", "Loyalty Tier", "date_of_birth", "Mobile", "Notes", "Unsubscribed"], fields),
    ).toEqual([
      { target: "phone" },
      { target: "firstName" },
      { target: "lastName" },
      { target: "email" },
      { target: "tags" },
      { target: "timeZone" },
      { target: "custom", customFieldKey: "loyalty_tier" },
      { target: "custom", customFieldKey: "birthday" },
      { target: "ignore" },
      { target: "ignore" },
      { target: "unsubscribed" },
    ]);
  });
});

describe("normalizeRow", () => {
  const ctx: NormalizeContext = {
    headers: ["phone", "first", "tags", "unsub", "score"],
    columns: [{ target: "phone" }, { target: "firstName" }, { target: "tags" }, { target: "unsubscribed" }, { target: "custom", customFieldKey: "score" }],
    defaultCountry: "US",
    customFields: [{ key: "score", label: "Score", type: "NUMBER" }],
  };

  it("stores E.164, trims, splits and lower-cases tags, types custom values, reads unsubscribed", () => {
    expect(normalizeRow(["(212) 736-2000", "  Ann ", "VIP; Early|vip", "Yes", "1,200"], ctx)).toMatchObject({
      phone: "+12127362000",
      firstName: "Ann",
      tags: ["vip", "early"],
      optedOut: true,
      customFields: { score: 1200 },
      guessedTimeZone: "America/New_York",
      error: null,
    });
  });

  it("names the first thing wrong and its column", () => {
    expect(normalizeRow(["", "Ann", "", "", ""], ctx).error).toEqual({ reason: "missing_phone", column: "phone", value: null });
    expect(normalizeRow(["+1212", "Ann", "", "", ""], ctx).error).toEqual({ reason: "invalid_phone", column: "phone", value: "+1212" });
    expect(normalizeRow(["+12127362000", "Ann", "a*b", "", ""], ctx).error).toEqual({ reason: "invalid_tag", column: "tags", value: "a*b" });
    expect(normalizeRow(["+12127362000", "Ann", "", "perhaps", ""], ctx).error).toEqual({ reason: "invalid_unsubscribed", column: "unsub", value: "perhaps" });
    expect(normalizeRow(["+12127362000", "Ann", "", "", "lots"], ctx).error).toEqual({ reason: "invalid_custom_field", column: "score", value: "lots" });
    expect(normalizeRow(["+12127362000", "Ann"], ctx).error).toMatchObject({ reason: "column_count", column: null });
  });
});
