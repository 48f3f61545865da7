// Announcing triggers (lib/events/announce-triggers.ts): grouped into events of one org, kind, key,
// data and workflow, each within the schema's maximum of contacts, every contact once.
import { describe, expect, it, vi } from "vitest";
import type { SqlClient } from "@/lib/db/sql";

const sent = vi.hoisted(() => [] as { name: string; data: Record<string, unknown> }[][]);
vi.mock("@/lib/events/emit", () => ({
  emitEvents: async (events: { name: string; data: Record<string, unknown> }[]) => {
    sent.push(events);
  },
}));
// Which announcements some workflow hears is a database read, tested in tests/integration/workflows/trigger-emitters.test.ts; here all are.
vi.mock("@/lib/events/listened-triggers", () => ({ listenedTriggers: async <A>(_client: unknown, announcements: readonly A[]) => [...announcements] }));
const { emitTriggers, announceTriggers, MAX_TRIGGER_CONTACTS } = await import("@/lib/events/announce-triggers");

/** A client that is no transaction (the listening read is mocked above). */
const sql = { $queryRaw: async () => [], $executeRaw: async () => 0 } as unknown as SqlClient;
const ids = (n: number, prefix = "ct_") => Array.from({ length: n }, (_, i) => `${prefix}${i}`);

describe("emitTriggers", () => {
  it("groups by org, kind, key, data and workflow, drops repeats, and splits past the maximum", async () => {
    sent.length = 0;
    await emitTriggers(sql, [
      { orgId: "org_a", kind: "tag_added", key: "vip", contactIds: ids(MAX_TRIGGER_CONTACTS + 5), data: { tag: "vip" } },
      { orgId: "org_a", kind: "tag_added", key: "vip", contactIds: ["ct_0", "ct_x"], data: { tag: "vip" } },
      { orgId: "org_a", kind: "tag_added", key: "gold", contactIds: ["ct_1"], data: { tag: "gold" } },
      { orgId: "org_b", kind: "tag_added", key: "vip", contactIds: ["ct_1"], data: { tag: "vip" } },
      { orgId: "org_a", kind: "segment_entered", key: "seg_1", contactIds: ["ct_1"], data: {}, workflowId: "wf_1" },
      { orgId: "org_a", kind: "segment_entered", key: "seg_1", contactIds: ["ct_2"], data: {}, workflowId: "wf_2" },
    ]);
    expect(sent).toHaveLength(1);
    const events = sent[0]!;
    expect(events.every((e) => e.name === "workflows/trigger.fired")).toBe(true);
    const vip = events.filter((e) => e.data.orgId === "org_a" && e.data.key === "vip");
    expect(vip.map((e) => (e.data.contactIds as string[]).length)).toEqual([MAX_TRIGGER_CONTACTS, 6]);
    expect(new Set(vip.flatMap((e) => e.data.contactIds as string[])).size).toBe(MAX_TRIGGER_CONTACTS + 6);
    expect(events.map((e) => [e.data.orgId, e.data.key, e.data.workflowId])).toEqual([
      ["org_a", "vip", undefined],
      ["org_a", "vip", undefined],
      ["org_a", "gold", undefined],
      ["org_b", "vip", undefined],
      ["org_a", "seg_1", "wf_1"],
      ["org_a", "seg_1", "wf_2"],
    ]);
  });

  it("sends many events a megabyte at a time", async () => {
    sent.length = 0;
    await emitTriggers(sql, [{ orgId: "org_a", kind: "segment_entered", key: "seg_1", contactIds: ids(60_000, "ct_01jf00000000000000000"), workflowId: "wf_1" }]);
    expect(sent.flat()).toHaveLength(12);
    expect(sent.length).toBeGreaterThan(1);
    for (const request of sent) expect(JSON.stringify(request.map((e) => e.data)).length).toBeLessThanOrEqual(1024 * 1024 + 100);
  });
});

describe("announceTriggers", () => {
  it("outside a transaction sends at once, and nothing for no contacts", async () => {
    sent.length = 0;
    await announceTriggers(sql, [{ orgId: "org_a", kind: "contact_created", key: null, contactIds: [] }]);
    expect(sent).toEqual([]);
    await announceTriggers(sql, [{ orgId: "org_a", kind: "contact_created", key: null, contactIds: ["ct_1"] }]);
    expect(sent).toMatchObject([[{ name: "workflows/trigger.fired", data: { orgId: "org_a", kind: "contact_created", key: null, contactIds: ["ct_1"], data: {} } }]]);
  });
});
