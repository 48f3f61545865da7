import { describe, expect, it } from "vitest";
import {
  createCustomFieldInput,
  validateCustomValues,
  type CustomValuesResult,
  type FieldDefinition,
} from "@/lib/custom-fields/custom-field-input";

const DEFINITIONS: FieldDefinition[] = [
  { key: "nickname", label: "Nickname", type: "TEXT" },
  { key: "visits", label: "Visits", type: "NUMBER" },
  { key: "birthday", label: "Birthday", type: "DATE" },
  { key: "vip", label: "VIP customer", type: "BOOLEAN" },
];

function valuesOf(result: CustomValuesResult) {
  if (!result.ok) throw new Error(`expected success, got ${result.field}: ${result.message}`);
  return result.values;
}

function errorOf(result: CustomValuesResult) {
  if (result.ok) throw new Error(`expected an error, got ${JSON.stringify(result.values)}`);
  return result;
}

const one = (key: string, value: unknown) => validateCustomValues(DEFINITIONS, { [key]: value });

describe("validateCustomValues", () => {
  it("keeps text, trimmed, and turns numbers into text", () => {
    expect(valuesOf(one("nickname", "  Annie "))).toEqual({ nickname: "Annie" });
    expect(valuesOf(one("nickname", 42))).toEqual({ nickname: "42" });
  });

  it("refuses text that is not text or is too long, naming the label and key", () => {
    expect(errorOf(one("nickname", true))).toEqual({ ok: false, field: "customFields.nickname", message: "Nickname must be text" });
    expect(errorOf(one("nickname", "x".repeat(1001))).message).toBe("Nickname must be at most 1000 characters");
    expect(valuesOf(one("nickname", "x".repeat(1000))).nickname).toHaveLength(1000);
  });

  it("reads numbers from numbers and from text with thousands separators", () => {
    expect(valuesOf(one("visits", 3))).toEqual({ visits: 3 });
    expect(valuesOf(one("visits", " 1,234.5 "))).toEqual({ visits: 1234.5 });
    expect(valuesOf(one("visits", "-7"))).toEqual({ visits: -7 });
  });

  it.each([["many"], ["12abc"], [true], [Number.NaN], [Number.POSITIVE_INFINITY]])("refuses %s as a number", (raw) => {
    const error = errorOf(one("visits", raw));
    expect(error.field).toBe("customFields.visits");
    expect(error.message).toBe(`Visits must be a number, got "${String(raw)}"`);
  });

  it("accepts real calendar dates as YYYY-MM-DD", () => {
    expect(valuesOf(one("birthday", "1990-02-28"))).toEqual({ birthday: "1990-02-28" });
    expect(valuesOf(one("birthday", " 2024-02-29 "))).toEqual({ birthday: "2024-02-29" });
  });

  it.each([["2023-02-29"], ["1990-13-01"], ["1990-04-31"], ["28/02/1990"], ["1990-2-28"], [19900228]])(
    "refuses %s as a date",
    (raw) => {
      const error = errorOf(one("birthday", raw));
      expect(error.field).toBe("customFields.birthday");
      expect(error.message).toBe(`Birthday must be a date as YYYY-MM-DD, got "${String(raw)}"`);
    },
  );

  it.each([
    [true, true],
    [false, false],
    ["yes", true],
    ["Y", true],
    ["TRUE", true],
    ["1", true],
    [1, true],
    ["no", false],
    ["n", false],
    [" False ", false],
    ["0", false],
    [0, false],
  ])("reads %s as the boolean %s", (raw, expected) => {
    expect(valuesOf(one("vip", raw))).toEqual({ vip: expected });
  });

  it("refuses words that are not yes or no", () => {
    expect(errorOf(one("vip", "maybe"))).toEqual({
      ok: false,
      field: "customFields.vip",
      message: 'VIP customer must be yes or no, got "maybe"',
    });
  });

  it("refuses a field that is not defined, naming it", () => {
    expect(errorOf(one("shoe_size", "42"))).toEqual({
      ok: false,
      field: "customFields.shoe_size",
      message: 'Unknown custom field "shoe_size"',
    });
  });

  it("starts from the base values and changes only what is given", () => {
    const base = { nickname: "Annie", visits: 3 };
    expect(valuesOf(validateCustomValues(DEFINITIONS, { visits: "4" }, base))).toEqual({ nickname: "Annie", visits: 4 });
    // The base object itself is not modified.
    expect(base).toEqual({ nickname: "Annie", visits: 3 });
  });

  it("removes a key when its value is empty", () => {
    const base = { nickname: "Annie", visits: 3, vip: true };
    expect(valuesOf(validateCustomValues(DEFINITIONS, { nickname: "", visits: null }, base))).toEqual({ vip: true });
  });

  it("treats a value of only spaces as empty, for every type", () => {
    const base = { nickname: "Annie", visits: 3, birthday: "1990-02-28", vip: true };
    expect(valuesOf(validateCustomValues(DEFINITIONS, { nickname: "  ", visits: " ", birthday: "\t", vip: " " }, base))).toEqual({});
  });

  it("does not read text without digits as the number 0", () => {
    expect(errorOf(one("visits", ",")).message).toBe('Visits must be a number, got ","');
  });

  it("fails as a whole on the first bad value", () => {
    const result = validateCustomValues(DEFINITIONS, { nickname: "ok", visits: "lots" }, { vip: true });
    expect(errorOf(result).field).toBe("customFields.visits");
  });
});

describe("createCustomFieldInput", () => {
  const parse = (key: string) => createCustomFieldInput.safeParse({ label: "A field", key, type: "TEXT" });

  it.each([["birthday"], ["a"], ["loyalty_points_2"], ["  padded  "], ["a".repeat(40)]])("accepts the key %s", (key) => {
    expect(parse(key).success).toBe(true);
  });

  it.each([["Birthday"], ["2nd_visit"], ["_hidden"], ["has-dash"], ["has space"], [""], ["a".repeat(41)], ["émoji"]])(
    "refuses the key %s",
    (key) => {
      const result = parse(key);
      expect(result.success).toBe(false);
      expect(result.error?.issues[0]?.path).toEqual(["key"]);
      expect(result.error?.issues[0]?.message).toMatch(/lower-case letters/);
    },
  );

  it("trims the key and label, and requires a label and a known type", () => {
    expect(createCustomFieldInput.parse({ label: " Birthday ", key: " birthday ", type: "DATE" })).toEqual({
      label: "Birthday",
      key: "birthday",
      type: "DATE",
    });
    expect(createCustomFieldInput.safeParse({ label: "  ", key: "k", type: "TEXT" }).error?.issues[0]?.path).toEqual(["label"]);
    expect(createCustomFieldInput.safeParse({ label: "K", key: "k", type: "COLOR" }).success).toBe(false);
    expect(createCustomFieldInput.safeParse({ label: "K", key: "k", type: "TEXT", extra: 1 }).success).toBe(false);
  });
});
