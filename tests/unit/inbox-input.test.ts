// The inbox's pure pieces: the list's compact times, and the inputs' refusals naming the field.
import { describe, expect, it } from "vitest";
import { relativeTime } from "@/components/inbox/relative-time";
import { changeStatusInput, replyInput, setLabelsInput } from "@/lib/inbox/inbox-input";

const id = "cnv_01m960000000000000000000";

describe("relativeTime", () => {
  const now = Date.UTC(2026, 11, 6, 12, 0, 0);
  it.each([
    [now - 30_000, "now"],
    [now - 5 * 60_000, "5m"],
    [now - 3 * 3_600_000, "3h"],
    [now - 2 * 86_400_000, "2d"],
  ])("%s reads %s", (at, expected) => {
    expect(relativeTime(new Date(at), now)).toBe(expected);
  });
  it("gives the date past a week", () => {
    expect(relativeTime(new Date(now - 10 * 86_400_000), now)).not.toMatch(/^\d+[mhd]$/);
  });
});

describe("inbox inputs", () => {
  it("waits an undoable reply 8 s by default, and refuses a wait the pipeline would send at once", () => {
    expect(replyInput.parse({ id, body: "Hi" }).undoSeconds).toBe(8);
    expect(replyInput.parse({ id, body: "Hi", undoSeconds: 0 }).undoSeconds).toBe(0);
    const refused = replyInput.safeParse({ id, body: "Hi", undoSeconds: 3 });
    expect(refused.success).toBe(false);
    expect(refused.error?.issues[0]?.path).toEqual(["undoSeconds"]);
  });
  it("takes a snooze until a time or until the next text, and names a bad id", () => {
    expect(changeStatusInput.parse({ id, status: "SNOOZED", until: null })).toMatchObject({ until: null });
    expect(changeStatusInput.parse({ id, status: "SNOOZED", until: "2026-12-07T09:00:00Z" })).toMatchObject({ until: new Date("2026-12-07T09:00:00Z") });
    expect(changeStatusInput.safeParse({ id: "ct_1", status: "CLOSED" }).error?.issues[0]?.path).toEqual(["id"]);
  });
  it("refuses an empty or overlong label", () => {
    expect(setLabelsInput.safeParse({ id, labels: [" "] }).error?.issues[0]?.message).toBe("Write a label");
    expect(setLabelsInput.safeParse({ id, labels: ["x".repeat(41)] }).error?.issues[0]?.path).toEqual(["labels", 0]);
  });
});
