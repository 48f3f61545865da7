// SMPP delivery receipts: the receipt text, the TLVs that override it, the status each stat means,
// and finding the submitted id a receipt names when the SMSC writes it in another notation.
import { describe, expect, it } from "vitest";
import { parseReceipt, parseReceiptText } from "@/lib/carriers/smpp/delivery-receipt";
import { SubmittedIds } from "@/lib/carriers/smpp/submitted-ids";
import { findConcatenation } from "@/lib/carriers/smpp/udh";

const receivedAt = new Date("2026-11-22T10:00:00Z");

describe("receipt text", () => {
  it("reads every field of the SMPP 3.4 Appendix B format", () => {
    const text = "id:0A1B2C3D sub:001 dlvrd:001 submit date:2611220955 done date:2611220959 stat:DELIVRD err:000 text:Your order is ready";
    expect(parseReceiptText(text)).toEqual({
      id: "0A1B2C3D",
      stat: "DELIVRD",
      err: "000",
      submitDate: new Date("2026-11-22T09:55:00Z"),
      doneDate: new Date("2026-11-22T09:59:00Z"),
    });
  });

  it("takes keys in any case, dates with seconds, and stops at the free text", () => {
    const text = "ID:42 SUB:001 DLVRD:000 SUBMIT DATE:261122095501 DONE DATE:261122095930 STAT:undeliv ERR:005 Text:id:99 stat:DELIVRD";
    expect(parseReceiptText(text)).toEqual({
      id: "42",
      stat: "UNDELIV",
      err: "005",
      submitDate: new Date("2026-11-22T09:55:01Z"),
      doneDate: new Date("2026-11-22T09:59:30Z"),
    });
  });

  it("leaves out what is missing or not a date", () => {
    expect(parseReceiptText("id:7 stat:ENROUTE done date:2602311200")).toEqual({ id: "7", stat: "ENROUTE" });
  });
});

describe("receipt status", () => {
  const receipt = (stat: string, err = "000") => parseReceipt({ text: `id:1 sub:001 dlvrd:000 submit date:2611220955 done date:2611220959 stat:${stat} err:${err} text:` }, receivedAt);

  it("maps each stat to the message status it means", () => {
    const statuses = Object.fromEntries(
      ["DELIVRD", "ENROUTE", "ACCEPTD", "UNDELIV", "EXPIRED", "REJECTD", "DELETED", "UNKNOWN"].map((stat) => [stat, receipt(stat)?.status]),
    );
    expect(statuses).toEqual({
      DELIVRD: "DELIVERED",
      ENROUTE: "SENT",
      ACCEPTD: "SENT",
      UNDELIV: "UNDELIVERED",
      EXPIRED: "UNDELIVERED",
      REJECTD: "FAILED",
      DELETED: "FAILED",
      UNKNOWN: "FAILED",
    });
  });

  it("carries the SMSC's error on a failure only, and the done date as the time", () => {
    expect(receipt("UNDELIV", "034")).toEqual({
      id: "1",
      status: "UNDELIVERED",
      stat: "UNDELIV",
      errorCode: "034",
      errorMessage: "SMSC receipt: UNDELIV, error 034",
      occurredAt: new Date("2026-11-22T09:59:00Z"),
    });
    expect(receipt("DELIVRD", "000")).toEqual({ id: "1", status: "DELIVERED", stat: "DELIVRD", occurredAt: new Date("2026-11-22T09:59:00Z") });
  });

  it("uses the arrival time when the done date is in the future", () => {
    const text = "id:1 done date:2611221200 stat:DELIVRD err:000";
    expect(parseReceipt({ text }, receivedAt)?.occurredAt).toEqual(receivedAt);
  });

  it("lets receipted_message_id and message_state override the text", () => {
    const parsed = parseReceipt({ text: "id:999 stat:ENROUTE err:000", receiptedMessageId: "abc123", messageState: 2 }, receivedAt);
    expect(parsed).toMatchObject({ id: "abc123", status: "DELIVERED" });
    expect(parseReceipt({ text: "", receiptedMessageId: "abc123", messageState: 5 }, receivedAt)).toMatchObject({ id: "abc123", status: "UNDELIVERED" });
  });

  it("is null without an id or a known stat", () => {
    expect(parseReceipt({ text: "stat:DELIVRD" }, receivedAt)).toBeNull();
    expect(parseReceipt({ text: "id:5 stat:WHATEVER" }, receivedAt)).toBeNull();
  });
});

describe("receipt ids against submitted ids", () => {
  const ids = new SubmittedIds();
  ids.add("0A1B2C3D"); // answered in hex
  ids.add("20261122"); // answered in decimal
  ids.add("msg-xyz"); // neither

  it("finds the same id, whatever the case or leading zeros", () => {
    expect(ids.find("0A1B2C3D")).toBe("0A1B2C3D");
    expect(ids.find("a1b2c3d")).toBe("0A1B2C3D");
    expect(ids.find("0020261122")).toBe("20261122");
    expect(ids.find("msg-xyz")).toBe("msg-xyz");
  });

  it("finds a hex submit id from its decimal receipt id, and the other way round", () => {
    expect(ids.find(String(0x0a1b2c3d))).toBe("0A1B2C3D");
    expect(ids.find((20261122).toString(16))).toBe("20261122");
  });

  it("gives back an id never submitted as it is, and forgets the oldest past its capacity", () => {
    expect(ids.find("ffff")).toBe("ffff");
    const small = new SubmittedIds(2);
    for (const id of ["0001", "0002", "0003", "0004", "0005", "0006", "0007"]) small.add(id);
    expect(small.find("1")).toBe("1");
    expect(small.find("7")).toBe("0007");
    expect(small.find("6")).toBe("0006");
  });
});

describe("concatenation header", () => {
  it("reads 8-bit and 16-bit references, and refuses a part number beyond the total", () => {
    expect(findConcatenation([Buffer.from("0a0100", "hex"), Buffer.from("0003a50302", "hex")])).toEqual({ reference: 0xa5, total: 3, sequence: 2 });
    expect(findConcatenation([Buffer.from("080412340201", "hex")])).toEqual({ reference: 0x1234, total: 2, sequence: 1 });
    expect(findConcatenation([Buffer.from("0003a50204", "hex")])).toBeNull();
    expect(findConcatenation([])).toBeNull();
  });
});
