// Dispatch requests per sender coalesce while one is on its way, and every request is answered only
// by a send that left after it was made (so the dispatcher run it starts sees the caller's commit).
// The job server is replaced by emits this test answers by hand.
import { beforeEach, describe, expect, it, vi } from "vitest";

const emits: { senderIds: string[]; done: () => void }[] = [];
vi.mock("@/lib/events/emit", () => ({
  emitEvents: (events: { data: { senderId: string } }[]) =>
    new Promise<void>((resolve) => emits.push({ senderIds: events.map((e) => e.data.senderId), done: resolve })),
}));
const { requestDispatch } = await import("@/lib/messaging/request-dispatch");

const settled = () => new Promise((resolve) => setTimeout(resolve, 0));

function tracked(promise: Promise<void>) {
  const state = { resolved: false };
  void promise.then(() => (state.resolved = true));
  return state;
}

beforeEach(() => {
  emits.length = 0;
});

describe("requestDispatch", () => {
  it("sends one request for a sender and answers once it is sent", async () => {
    const first = tracked(requestDispatch("org_1", "snd_a"));
    await settled();
    expect(emits.map((e) => e.senderIds)).toEqual([["snd_a"]]);
    expect(first.resolved).toBe(false);
    emits[0]!.done();
    await settled();
    expect(first.resolved).toBe(true);
  });

  it("merges the requests made while one is on its way into one more, sent after it", async () => {
    const first = tracked(requestDispatch("org_1", "snd_b"));
    await settled();
    const later = [requestDispatch("org_1", "snd_b"), requestDispatch("org_1", "snd_b"), requestDispatch("org_1", "snd_b")].map(tracked);
    await settled();
    expect(emits).toHaveLength(1); // the second waits: the first may have left before these commits

    emits[0]!.done();
    await settled();
    expect(first.resolved).toBe(true);
    expect(later.some((r) => r.resolved)).toBe(false);
    expect(emits.map((e) => e.senderIds)).toEqual([["snd_b"], ["snd_b"]]);

    emits[1]!.done();
    await settled();
    expect(later.every((r) => r.resolved)).toBe(true);
    expect(emits).toHaveLength(2);
  });

  it("does not hold one sender's request behind another's", async () => {
    void requestDispatch("org_1", "snd_c");
    void requestDispatch("org_1", "snd_d");
    await settled();
    expect(emits.map((e) => e.senderIds)).toEqual([["snd_c"], ["snd_d"]]);
    for (const e of emits) e.done();
  });
});
