// An A/B test's winner: the best rate wins, ties are broken by the other metric then the first
// variant and say so, thin results still pick but warn, nothing delivered falls back to A.
import { describe, expect, it } from "vitest";
import { MIN_DELIVERED_PER_VARIANT, pickWinner } from "@/lib/campaigns/pick-winner";

const r = (delivered: number, clicked: number, replied = 0) => ({ delivered, clicked, replied });

describe("pickWinner", () => {
  it("picks the highest click rate and explains it with the counts behind it", () => {
    const d = pickWinner([r(1000, 29), r(1000, 41)], "clicks");
    expect(d.winner).toBe(1);
    expect(d.tie).toBe(false);
    expect(d.tooFew).toBe(false);
    expect(d.explanation).toBe("B has the highest click rate. B: 4.1% click rate, 41 of 1,000 delivered; A: 2.9% click rate, 29 of 1,000 delivered.");
    expect(d.variants).toEqual([
      { variant: "A", delivered: 1000, clicked: 29, replied: 0 },
      { variant: "B", delivered: 1000, clicked: 41, replied: 0 },
    ]);
  });

  it("compares rates, not counts: fewer clicks of fewer delivered can win", () => {
    expect(pickWinner([r(1000, 50), r(500, 30), r(800, 10)], "clicks").winner).toBe(1);
  });

  it("picks by reply rate when that is the metric, clicks not counting", () => {
    const d = pickWinner([r(200, 90, 4), r(200, 10, 12)], "replies");
    expect(d.winner).toBe(1);
    expect(d.explanation).toContain("B: 6.0% reply rate, 12 of 200 delivered; A: 2.0% reply rate, 4 of 200 delivered");
  });

  it("breaks a tie on the metric by the other metric, and says so", () => {
    const d = pickWinner([r(300, 30, 1), r(600, 60, 9), r(300, 3, 50)], "clicks");
    expect(d.winner).toBe(1);
    expect(d.tie).toBe(true);
    expect(d.explanation).toMatch(/^A and B tie on click rate: B wins on reply rate \(B 1\.5%, A 0\.3%\)\./);
  });

  it("breaks a tie on both metrics by the first variant", () => {
    const d = pickWinner([r(200, 5, 2), r(400, 10, 4), r(400, 10, 4)], "clicks");
    expect(d.winner).toBe(0);
    expect(d.tie).toBe(true);
    expect(d.explanation).toMatch(/^A and B and C tie on click rate and on reply rate: A, the first of them, wins\./);
  });

  it("still picks with too few delivered, saying it may be chance", () => {
    const d = pickWinner([r(MIN_DELIVERED_PER_VARIANT, 5), r(MIN_DELIVERED_PER_VARIANT - 1, 9)], "clicks");
    expect(d.winner).toBe(1);
    expect(d.tooFew).toBe(true);
    expect(d.explanation).toContain(`Too few to be sure: fewer than ${MIN_DELIVERED_PER_VARIANT} delivered for B`);
  });

  it("with nothing delivered anywhere, sends A and says there is no rate", () => {
    const d = pickWinner([r(0, 0), r(0, 0)], "replies");
    expect(d.winner).toBe(0);
    expect(d.tooFew).toBe(true);
    expect(d.explanation).toMatch(/^No message of the test was delivered, so there is no reply rate: A, the first variant, goes to the rest\./);
    expect(d.explanation).toContain("B: no rate reply rate");
  });

  it("never lets a variant with nothing delivered beat one with a rate of zero", () => {
    expect(pickWinner([r(0, 0), r(150, 0)], "clicks").winner).toBe(1);
  });
});
