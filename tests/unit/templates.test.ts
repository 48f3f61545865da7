import { describe, expect, it } from "vitest";
import { emptyFields, hasMergeFields, parseTemplate, renderTemplate, renderTemplateForEach, validateTemplate } from "@/lib/sms/templates";

const ada = { firstName: "Ada", lastName: null, phone: "+14155550123", email: null, customFields: { birthday: "1990-12-10", points: 42, vip: true } };
const blank = { firstName: "  ", lastName: null, phone: "+14155550124", email: null, customFields: {} };

describe("templates", () => {
  it("parses text and fields with fallbacks, spaces allowed inside the braces", () => {
    expect(parseTemplate("Hi {{ first_name | there }}! {{custom.points}} pts")).toEqual([
      "Hi ",
      { name: "first_name", fallback: "there", raw: "{{ first_name | there }}" },
      "! ",
      { name: "custom.points", fallback: null, raw: "{{custom.points}}" },
      " pts",
    ]);
  });

  it("renders values, fallbacks for missing or blank values, and nothing without a fallback", () => {
    const body = "Hi {{first_name|there}} {{last_name}}- {{custom.points}} points, VIP: {{custom.vip}}, born {{custom.birthday|?}}";
    expect(renderTemplate(body, ada)).toBe("Hi Ada - 42 points, VIP: yes, born 1990-12-10");
    expect(renderTemplate(body, blank)).toBe("Hi there -  points, VIP: , born ?");
    expect(renderTemplate("No fields at all", ada)).toBe("No fields at all");
  });

  it("refuses unknown fields by name, custom fields the org does not have, and unbalanced braces", () => {
    expect(validateTemplate("Hi {{first_name}}, {{custom.points|0}}", ["points"])).toMatchObject({ ok: true });
    const typo = validateTemplate("Hi {{frist_name}}", ["points"]);
    expect(typo).toMatchObject({ ok: false, message: expect.stringContaining("Unknown merge field {{frist_name}}") });
    expect(typo.ok ? "" : typo.message).toContain("{{custom.points}}");
    expect(validateTemplate("{{custom.birthday}}", ["points"])).toMatchObject({ ok: false, message: expect.stringContaining("{{custom.birthday}}") });
    expect(validateTemplate("Hi {{first_name}", [])).toMatchObject({ ok: false, message: expect.stringContaining("Unbalanced") });
    expect(validateTemplate("Hi {{ }}", [])).toMatchObject({ ok: false, message: "Empty merge field {{ }}" });
  });

  it("renders one template for many contacts, each their own values", () => {
    expect(renderTemplateForEach("Hi {{first_name|there}}, {{custom.points|0}} points", [ada, blank])).toEqual(["Hi Ada, 42 points", "Hi there, 0 points"]);
    expect(renderTemplateForEach("Hi", [])).toEqual([]);
  });

  it("names the fields that would come out empty: no value and no fallback", () => {
    const check = validateTemplate("{{first_name}} {{last_name|x}} {{phone}} {{email}}", []);
    if (!check.ok) throw new Error(check.message);
    expect(emptyFields(check.fields, ada).map((f) => f.name)).toEqual(["email"]);
    expect(emptyFields(check.fields, blank).map((f) => f.name)).toEqual(["first_name", "email"]);
  });

  it("takes any braces as a template, so a typo in them is checked rather than sent", () => {
    expect(hasMergeFields("Hi {{first_name}}")).toBe(true);
    expect(hasMergeFields("Hi {first_name}}")).toBe(true);
    expect(hasMergeFields("Hi {first_name}")).toBe(false);
  });
});
