// The index key a wait is stored with (executor/events/wait-key.ts): it must be implied by the
// expression, or an event the expression matches would never load the wait.
import { describe, expect, it } from "vitest";
import { incomingValue, waitKey } from "@/executor/events/wait-key";

const run = { name: "contact/enrolled", id: "e1", ts: 0, data: { contactId: "ct_1", n: 7, nested: { id: "x" }, obj: { a: 1 }, nil: null } };
const path = (...names: string[]) => JSON.stringify(names);

describe("waitKey", () => {
  it("keys a literal equality on either side, through && conjuncts", () => {
    expect(waitKey('async.data.contactId == "ct_9"', run)).toEqual({ path: path("data", "contactId"), value: '"ct_9"' });
    expect(waitKey('"ct_9" == async.data.contactId', run)).toEqual({ path: path("data", "contactId"), value: '"ct_9"' });
    expect(waitKey('async.data.body != "STOP" && (async.data.n > 1 && async.data["contactId"] == 3)', run)).toEqual({
      path: path("data", "contactId"),
      value: "3",
    });
    expect(waitKey("async.data.ok == true", run)).toEqual({ path: path("data", "ok"), value: "true" });
  });

  it("keys an equality with the run's event by the run's value (what match: generates)", () => {
    expect(waitKey("event.data.contactId == async.data.contactId", run)).toEqual({ path: path("data", "contactId"), value: '"ct_1"' });
    expect(waitKey("async.data.ref == event.data.nested.id", run)).toEqual({ path: path("data", "ref"), value: '"x"' });
    expect(waitKey("event.data.n == async.data.n", run)).toEqual({ path: path("data", "n"), value: "7" });
  });

  it("leaves unkeyed what an indexed lookup could miss", () => {
    // Disjunctions, negations and ternaries do not imply their parts.
    expect(waitKey('async.data.a == "x" || async.data.b == "y"', run)).toBeNull();
    expect(waitKey('!(async.data.a == "x")', run)).toBeNull();
    expect(waitKey('async.data.a == "x" ? true : true', run)).toBeNull();
    // A missing, null or object value on the run's side could equal an incoming null or object.
    expect(waitKey("event.data.missing == async.data.x", run)).toBeNull();
    expect(waitKey("event.data.nil == async.data.x", run)).toBeNull();
    expect(waitKey("event.data.obj == async.data.x", run)).toBeNull();
    expect(waitKey("async.data.x == null", run)).toBeNull();
    expect(waitKey("event.data.contactId == async.data.x", null)).toBeNull();
    // Not the incoming event's field, a numeric index, a computed value, a bad expression, none at all.
    expect(waitKey('event.data.contactId == "ct_1"', run)).toBeNull();
    expect(waitKey('async.data.items[0] == "x"', run)).toBeNull();
    expect(waitKey('async.data.a == "x" + "y"', run)).toBeNull();
    expect(waitKey("async == 1", run)).toBeNull();
    expect(waitKey("async.data.a == (", run)).toBeNull();
    expect(waitKey(null, run)).toBeNull();
    // Too long for an index entry: the next conjunct's key, else none.
    const long = "x".repeat(1_000);
    expect(waitKey(`async.data.a == "${long}"`, run)).toBeNull();
    expect(waitKey(`async.data.a == "${long}" && async.data.b == 1`, run)).toEqual({ path: path("data", "b"), value: "1" });
    expect(waitKey("  ", run)).toBeNull();
  });
});

describe("incomingValue", () => {
  it("reads scalars as the key's JSON text and nothing else", () => {
    const incoming = { name: "reply/received", id: "e2", ts: 0, data: { contactId: "ct_1", n: 7, list: [1], obj: {}, nil: null } };
    expect(incomingValue(incoming, path("data", "contactId"))).toBe('"ct_1"');
    expect(incomingValue(incoming, path("data", "n"))).toBe("7");
    expect(incomingValue(incoming, path("data", "list"))).toBeNull();
    expect(incomingValue(incoming, path("data", "obj"))).toBeNull();
    expect(incomingValue(incoming, path("data", "nil"))).toBeNull();
    expect(incomingValue(incoming, path("data", "missing", "deeper"))).toBeNull();
    expect(incomingValue(incoming, path("data", "toString"))).toBeNull();
  });
});
