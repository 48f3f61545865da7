import { describe, expect, it } from "vitest";
import { compileSegment } from "@/lib/segments/compile-segment";
import { areaCodeChoices, countryChoices, stateChoices } from "@/lib/segments/location-choices";
import { segmentDefinition } from "@/lib/segments/rule-model";

const compile = (field: string, value: string[]) =>
  compileSegment(segmentDefinition.parse({ root: { type: "group", match: "all", rules: [{ type: "condition", field, operator: "is_any_of", value }] } }), {
    orgId: "org_1",
    customFields: [],
    listIds: [],
    now: new Date(),
  });

describe("location choices", () => {
  it("names every state, province and territory an area code has, and the compiler takes each", () => {
    const states = stateChoices();
    expect(states.find((s) => s.value === "AK")).toEqual({ value: "AK", label: "Alaska", country: "US" });
    expect(states.find((s) => s.value === "ON")).toMatchObject({ label: "Ontario", country: "CA" });
    expect(states.find((s) => s.value === "PR")).toMatchObject({ label: "Puerto Rico", country: "PR" });
    for (const s of states) expect(s.label, s.value).not.toBe(s.value);
    expect(states.length).toBe(51 + 10 + 5);
    expect(() => compile("location.state", states.map((s) => s.value))).not.toThrow();
  });

  it("offers one country per calling code outside the NANP, each of them compilable", () => {
    const countries = countryChoices().map((c) => c.value);
    expect(countries).toEqual(expect.arrayContaining(["US", "CA", "PR", "JM", "GB", "DE", "AU", "RU"]));
    expect(countries).not.toContain("JE");
    expect(countries).not.toContain("KZ");
    expect(countryChoices().find((c) => c.value === "DE")!.label).toBe("Germany");
    expect(() => compile("location.country", countries)).not.toThrow();
  });

  it("labels area codes with where they are", () => {
    expect(areaCodeChoices().find((c) => c.value === "907")!.label).toBe("907 · Alaska");
    expect(areaCodeChoices().find((c) => c.value === "876")!.label).toBe("876 · Jamaica");
  });
});
