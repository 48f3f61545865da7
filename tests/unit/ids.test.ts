import { describe, expect, it } from "vitest";
import { firstIdAt, ID_PREFIXES, idTime, newId, type IdKind } from "@/lib/ids";

const SHAPE = /^[a-z]+_[0-9a-hjkmnp-tv-z]{24}$/;

describe("newId", () => {
  it.each(Object.entries(ID_PREFIXES))("starts a %s id with %s_", (kind, prefix) => {
    const id = newId(kind as IdKind);
    expect(id.startsWith(`${prefix}_`)).toBe(true);
    expect(id).toMatch(SHAPE);
  });

  it("uses the documented prefixes", () => {
    expect(newId("contact")).toMatch(/^ct_/);
    expect(newId("list")).toMatch(/^lst_/);
    expect(newId("organization")).toMatch(/^org_/);
  });

  it("sorts by the time given in `at`, whatever the random part", () => {
    const times = [0, 1, 31, 32, 1_000, 1_700_000_000_000, 1_700_000_000_001, Date.UTC(2100, 0, 1)];
    for (let round = 0; round < 20; round++) {
      const ids = times.map((t) => newId("contact", new Date(t)));
      expect([...ids].sort()).toEqual(ids);
    }
  });

  it("shares the time part between ids made at the same moment", () => {
    const at = new Date("2026-01-02T03:04:05.678Z");
    const a = newId("contact", at);
    const b = newId("list", at);
    expect(a.slice(3, 13)).toBe(b.slice(4, 14));
    expect(newId("contact", new Date(at.getTime() + 1)).slice(3, 13) > a.slice(3, 13)).toBe(true);
  });

  it("defaults to now, so a later id sorts after an earlier one", async () => {
    const first = newId("audit");
    await new Promise((r) => setTimeout(r, 3));
    expect(newId("audit") > first).toBe(true);
  });

  it("does not repeat", () => {
    const at = new Date();
    const ids = new Set(Array.from({ length: 10_000 }, () => newId("contact", at)));
    expect(ids.size).toBe(10_000);
  });
});

describe("idTime", () => {
  it("reads back the time an id was made, from the whole id or its time prefix", () => {
    for (const t of [0, 31, 32, 1_700_000_000_123, Date.UTC(2026, 11, 6, 23, 59, 59, 999)]) {
      expect(idTime(newId("messageEvent", new Date(t)))).toBe(t);
      expect(idTime(firstIdAt("message", new Date(t)))).toBe(t);
    }
  });

  it("gives a shortened time part the start of the span it covers", () => {
    const at = Date.UTC(2026, 11, 6, 15, 0, 0);
    const bucket = newId("message", new Date(at)).slice(0, 4 + 6);
    const start = idTime(bucket);
    expect(start).toBeLessThanOrEqual(at);
    expect(at - start).toBeLessThan(32 ** 4);
    expect(start % 32 ** 4).toBe(0);
  });
});
