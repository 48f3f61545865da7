// The pure parts of live updates: the SSE frame, repeats dropped by id, the later catch-up point.
import { describe, expect, it } from "vitest";
import { sseFrame } from "@/lib/realtime/live-stream";
import { laterHorizon, RecentIds } from "@/lib/realtime/recent-ids";

describe("sseFrame", () => {
  it("gives a stored event its id line, for Last-Event-ID, and presence none", () => {
    expect(sseFrame({ id: "42", topic: "message.received", data: { messageId: "msg_1" } })).toBe(
      'id: 42\ndata: {"topic":"message.received","data":{"messageId":"msg_1"}}\n\n',
    );
    expect(sseFrame({ topic: "presence", data: { state: "typing" } })).toBe('data: {"topic":"presence","data":{"state":"typing"}}\n\n');
  });

  it("keeps a text's line breaks inside the one data line", () => {
    const frame = sseFrame({ id: "1", topic: "conversation.note", data: { body: "two\nlines" } });
    expect(frame.split("\n").filter((line) => line.startsWith("data: "))).toHaveLength(1);
  });
});

describe("RecentIds", () => {
  it("says whether an id is new, and forgets the oldest past its capacity", () => {
    const ids = new RecentIds(2);
    expect([ids.add("1"), ids.add("1"), ids.add("2"), ids.add("3")]).toEqual([true, false, true, true]);
    expect(ids.add("1")).toBe(true);
    expect(ids.add("3")).toBe(false);
  });
});

describe("laterHorizon", () => {
  it("compares transaction ids as 64-bit numbers, not text", () => {
    expect(laterHorizon("9", "10")).toBe("10");
    expect(laterHorizon("18446744073709551615", "9")).toBe("18446744073709551615");
    expect(laterHorizon(null, "5")).toBe("5");
    expect(laterHorizon("5", null)).toBe("5");
  });
});
