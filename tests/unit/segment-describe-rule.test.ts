// Rules as the contact page's "why in / out" reads them.
import { describe, expect, it } from "vitest";
import { describeRule } from "@/components/segments/describe-rule";
import { segmentFieldOptions } from "@/components/segments/segment-fields";

const fields = segmentFieldOptions([{ key: "points", label: "Loyalty points", type: "NUMBER" }]);
const labelOf = (_field: string, value: string) => (value === "lst_1" ? "VIP customers" : value);

describe("describeRule", () => {
  it("reads every kind of value the way the builder shows it", () => {
    expect(describeRule({ type: "condition", field: "firstName", operator: "is", value: "Ann" }, fields, labelOf)).toBe("First name is “Ann”");
    expect(describeRule({ type: "condition", field: "email", operator: "is_empty" }, fields, labelOf)).toBe("Email is empty");
    expect(describeRule({ type: "condition", field: "custom.points", operator: "between", value: [10, 20] }, fields, labelOf)).toBe("Loyalty points is between 10 and 20");
    expect(describeRule({ type: "condition", field: "createdAt", operator: "in_last_days", value: 30 }, fields, labelOf)).toBe("Created in the last 30 days");
    expect(describeRule({ type: "condition", field: "lists", operator: "in", value: ["lst_1", "lst_gone"] }, fields, labelOf)).toBe("Lists is in any of VIP customers, lst_gone");
    expect(describeRule({ type: "condition", field: "custom.gone", operator: "gt", value: 3 }, fields, labelOf)).toBe("custom.gone > 3");
  });
});
