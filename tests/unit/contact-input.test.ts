import { describe, expect, it } from "vitest";
import { z } from "zod";
import { createContactInput, listContactsInput, tagContactsInput, updateContactInput } from "@/lib/contacts/contact-input";

function fieldErrors(result: { success: boolean; error?: z.ZodError }) {
  if (result.success || !result.error) throw new Error("expected the input to be refused");
  return z.flattenError(result.error).fieldErrors as Record<string, string[] | undefined>;
}

describe("createContactInput", () => {
  it("normalises tags: trimmed, lower case, without duplicates, in first-seen order", () => {
    const parsed = createContactInput.parse({ phone: "+12127362000", tags: [" VIP ", "vip", "Gold", "gold ", "new"] });
    expect(parsed.tags).toEqual(["vip", "gold", "new"]);
  });

  it("turns empty optional strings into null and lower-cases the email", () => {
    const parsed = createContactInput.parse({
      phone: " +12127362000 ",
      firstName: "  ",
      lastName: "",
      email: "Ann@Example.COM",
      timeZone: "",
    });
    expect(parsed).toEqual({
      phone: "+12127362000",
      firstName: null,
      lastName: null,
      email: "ann@example.com",
      timeZone: null,
      tags: [],
      customFields: {},
    });
    expect(createContactInput.parse({ phone: "1", email: "" }).email).toBeNull();
  });

  it("trims names and keeps valid time zones", () => {
    const parsed = createContactInput.parse({ phone: "1", firstName: " Ann ", timeZone: " America/Chicago " });
    expect(parsed.firstName).toBe("Ann");
    expect(parsed.timeZone).toBe("America/Chicago");
  });

  it("names a bad email and an unknown time zone", () => {
    const errors = fieldErrors(createContactInput.safeParse({ phone: "1", email: "ann@", timeZone: "Mars/Olympus_Mons" }));
    expect(errors.email).toEqual(["Enter a valid email address"]);
    expect(errors.timeZone?.[0]).toMatch(/^Unknown time zone/);
  });

  it("requires a phone and refuses bad tags and unknown keys", () => {
    expect(fieldErrors(createContactInput.safeParse({ phone: "  " })).phone).toEqual(["Phone number is required"]);
    expect(fieldErrors(createContactInput.safeParse({ phone: "1", tags: ["ok", "no/slash"] })).tags?.[0]).toMatch(/Tags use/);
    expect(fieldErrors(createContactInput.safeParse({ phone: "1", tags: [" "] })).tags?.[0]).toBe("Tags cannot be empty");
    expect(createContactInput.safeParse({ phone: "1", orgId: "org_x" }).success).toBe(false);
  });

  it("refuses more than 50 tags and names longer than 100 characters", () => {
    const tags = Array.from({ length: 51 }, (_, i) => `t${i}`);
    expect(fieldErrors(createContactInput.safeParse({ phone: "1", tags })).tags).toEqual(["At most 50 tags"]);
    expect(fieldErrors(createContactInput.safeParse({ phone: "1", firstName: "x".repeat(101) })).firstName).toEqual([
      "Use at most 100 characters",
    ]);
  });
});

describe("updateContactInput", () => {
  it("needs only the id, and leaves out what is not given", () => {
    expect(updateContactInput.parse({ id: "ct_1" })).toEqual({ id: "ct_1" });
  });

  it("turns cleared fields into null, so the update clears them", () => {
    expect(updateContactInput.parse({ id: "ct_1", email: "", firstName: " " })).toEqual({ id: "ct_1", email: null, firstName: null });
  });

  it("normalises tags the same way as create", () => {
    expect(updateContactInput.parse({ id: "ct_1", tags: ["A", "a "] }).tags).toEqual(["a"]);
  });
});

describe("the other contact inputs", () => {
  it("normalises tags in bulk tagging and search limits", () => {
    expect(tagContactsInput.parse({ ids: ["ct_1"], add: [" VIP "] })).toEqual({ ids: ["ct_1"], add: ["vip"], remove: [] });
    expect(tagContactsInput.safeParse({ ids: [], add: ["vip"] }).success).toBe(false);
    expect(listContactsInput.parse({}).limit).toBe(50);
    expect(listContactsInput.safeParse({ limit: 201 }).success).toBe(false);
  });
});
