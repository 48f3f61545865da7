// The SMPP adapter submitting over real TCP on 127.0.0.1 to a stub SMSC (the `smpp` package's
// server): the bind, the window and throughput it keeps, the octets of every submit_sm, and what
// it does when the SMSC throttles, drops the link, goes silent or is not there at all.
import { describe, expect, it, vi } from "vitest";
import { STATUS } from "@/lib/carriers/smpp/smpp-library";
import { outbound, recordingSink, smppAdapter, stubSmsc } from "../helpers/smpp";

const hex = (bytes: Buffer) => bytes.toString("hex");

describe("bind", () => {
  it("binds as a transceiver (SMPP 3.4) with system_id, password and system_type, and submits", async () => {
    const stub = await stubSmsc();
    const adapter = smppAdapter(stub, recordingSink(), { systemType: "tsms" });
    const [outcome] = await adapter.submit([outbound("+14155550101", "Your order is ready")]);

    expect(stub.binds).toEqual([{ systemId: "textstack", password: "secret", systemType: "tsms", interfaceVersion: 0x34, accepted: true }]);
    expect(stub.submits).toHaveLength(1);
    const [submit] = stub.submits;
    expect(submit).toMatchObject({ sourceAddr: "15005550006", sourceTon: 1, sourceNpi: 1, destinationAddr: "14155550101", esmClass: 0, registeredDelivery: 1, dataCoding: 0 });
    expect(outcome).toEqual({ ok: true, carrierMessageId: submit!.messageId, partIds: [submit!.messageId] });
  });

  it("sends an alphanumeric sender ID as TON 5 / NPI 0", async () => {
    const stub = await stubSmsc();
    await smppAdapter(stub, recordingSink()).submit([outbound("+14155550101", "Hi", { from: "Textstack" })]);
    expect(stub.submits[0]).toMatchObject({ sourceAddr: "Textstack", sourceTon: 5, sourceNpi: 0 });
  });

  it("returns a refused bind as a retryable outcome naming the SMSC's status, having submitted nothing", async () => {
    const stub = await stubSmsc();
    const [outcome] = await smppAdapter(stub, recordingSink(), { password: "wrong" }, { connectWaitMs: 500 }).submit([outbound("+14155550101", "Hi")]);
    expect(outcome).toEqual({ ok: false, retryable: true, code: "ESME_RINVPASWD", message: 'Not sent: The SMSC refused the bind of system_id "textstack": ESME_RINVPASWD' });
    expect(stub.binds.length).toBeGreaterThanOrEqual(1);
    expect(stub.binds.every((bind) => !bind.accepted)).toBe(true);
    expect(stub.submits).toHaveLength(0);
  });

  it("unbinds on close, and then sends nothing", async () => {
    const stub = await stubSmsc();
    const adapter = smppAdapter(stub, recordingSink());
    await adapter.submit([outbound("+14155550101", "Hi")]);
    await adapter.close();
    expect(stub.unbinds).toBe(1);
    const [outcome] = await adapter.submit([outbound("+14155550102", "Hi")]);
    expect(outcome).toMatchObject({ ok: false, retryable: true });
    expect(stub.submits).toHaveLength(1);
  });

  it("refuses MMS without touching the SMSC", async () => {
    const stub = await stubSmsc();
    const media = [{ url: "https://media.example.test/a.jpg", contentType: "image/jpeg", size: 1000 }];
    const outcomes = await smppAdapter(stub, recordingSink()).submit([outbound("+14155550101", "Look", { media })]);
    expect(outcomes).toEqual([{ ok: false, retryable: false, code: "mms_not_supported", message: "MMS is not supported on this sender (SMPP)" }]);
    expect(stub.submits).toHaveLength(0);
  });
});

describe("window and throughput", () => {
  it("never has more than `window` submit_sm unanswered", async () => {
    const stub = await stubSmsc({ responseDelayMs: 30 });
    const messages = Array.from({ length: 40 }, (_, i) => outbound(`+1415555${2000 + i}`, `Message ${i}`));
    const outcomes = await smppAdapter(stub, recordingSink(), { window: 5 }).submit(messages);
    expect(outcomes.every((o) => o.ok)).toBe(true);
    expect(stub.submits).toHaveLength(40);
    expect(stub.maxInFlight).toBe(5);
  });

  it("paces submits to the throughput limit instead of sending them in a burst", async () => {
    const stub = await stubSmsc();
    const messages = Array.from({ length: 30 }, (_, i) => outbound(`+1415555${3000 + i}`, `Message ${i}`));
    const outcomes = await smppAdapter(stub, recordingSink(), { window: 50, throughput: 20 }).submit(messages);
    expect(outcomes.every((o) => o.ok)).toBe(true);
    // In any one second the SMSC sees at most the limit (plus the bucket's single token).
    const at = stub.submits.map((s) => s.at);
    const mostInASecond = Math.max(...at.map((start) => at.filter((t) => t >= start && t < start + 1000).length));
    expect(mostInASecond).toBeLessThanOrEqual(21);
    expect(mostInASecond).toBeGreaterThanOrEqual(15);
  });
});

describe("message octets", () => {
  it("sends GSM-7 as data_coding 0 in the GSM 03.38 alphabet, extension characters escaped", async () => {
    const stub = await stubSmsc();
    await smppAdapter(stub, recordingSink()).submit([outbound("+14155550101", "Price: €5 @ [store]_1 ñ")]);
    expect(stub.submits[0]!.dataCoding).toBe(0);
    const expected = ["507269636" + "53a20", "1b65", "35", "20", "00", "20", "1b3c", "73746f7265", "1b3e", "11", "31", "20", "7d"];
    expect(hex(stub.submits[0]!.shortMessage)).toBe(expected.join(""));
  });

  it("sends UCS-2 as data_coding 8, big-endian", async () => {
    const stub = await stubSmsc();
    await smppAdapter(stub, recordingSink()).submit([outbound("+14155550101", "Привет 😀")]);
    expect(stub.submits[0]!.dataCoding).toBe(8);
    expect(hex(stub.submits[0]!.shortMessage)).toBe("041f04400438043204350442" + "0020" + "d83dde00");
  });

  it("sends each part of a long message with the concatenation UDH and esm_class 0x40; the part ids in order", async () => {
    const stub = await stubSmsc();
    const body = "a".repeat(153) + "b".repeat(153) + "c€";
    const [outcome] = await smppAdapter(stub, recordingSink()).submit([outbound("+14155550101", body)]);

    expect(stub.submits).toHaveLength(3);
    const reference = stub.submits[0]!.shortMessage[3]!;
    stub.submits.forEach((submit, i) => {
      expect(submit).toMatchObject({ esmClass: 0x40, dataCoding: 0, registeredDelivery: 1 });
      expect(hex(submit.shortMessage.subarray(0, 6))).toBe(hex(Buffer.from([0x05, 0x00, 0x03, reference, 3, i + 1])));
    });
    expect(hex(stub.submits[0]!.shortMessage.subarray(6))).toBe("61".repeat(153));
    expect(hex(stub.submits[1]!.shortMessage.subarray(6))).toBe("62".repeat(153));
    expect(hex(stub.submits[2]!.shortMessage.subarray(6))).toBe("631b65");
    const ids = stub.submits.map((s) => s.messageId!);
    expect(outcome).toEqual({ ok: true, carrierMessageId: ids[0], partIds: ids });
  });

  it("gives two long messages different references, UCS-2 parts included", async () => {
    const stub = await stubSmsc();
    await smppAdapter(stub, recordingSink()).submit([outbound("+14155550101", "ж".repeat(100)), outbound("+14155550102", "ж".repeat(100))]);
    expect(stub.submits).toHaveLength(4);
    for (const submit of stub.submits) expect(submit).toMatchObject({ esmClass: 0x40, dataCoding: 8 });
    const referenceTo = (to: string) => new Set(stub.submits.filter((s) => s.destinationAddr === to).map((s) => s.shortMessage[3]));
    expect(referenceTo("14155550101").size).toBe(1);
    expect([...referenceTo("14155550101")][0]).not.toBe([...referenceTo("14155550102")][0]);
    expect(hex(stub.submits[0]!.shortMessage.subarray(6, 8))).toBe("0436");
  });
});

describe("refusals and throttling", () => {
  it("backs the bind off after ESME_RTHROTTLED and resubmits the part once the SMSC takes it", async () => {
    const stub = await stubSmsc({ submitStatus: (i) => (i < 2 ? STATUS.THROTTLED : STATUS.OK) });
    const [outcome] = await smppAdapter(stub, recordingSink()).submit([outbound("+14155550101", "Hi")]);
    expect(stub.submits.map((s) => s.status)).toEqual([STATUS.THROTTLED, STATUS.THROTTLED, STATUS.OK]);
    expect(outcome).toEqual({ ok: true, carrierMessageId: stub.submits[2]!.messageId, partIds: [stub.submits[2]!.messageId] });
    // Back-offs of 100 ms, then 200 ms (throttleBackoffMs doubling): nothing goes out before.
    expect(stub.submits[1]!.at - stub.submits[0]!.at).toBeGreaterThanOrEqual(99);
    expect(stub.submits[2]!.at - stub.submits[1]!.at).toBeGreaterThanOrEqual(199);
  });

  it.each(["ESME_RTHROTTLED", "ESME_RMSGQFUL"])("gives a part the SMSC keeps refusing with %s back as retryable", async (code) => {
    const status = code === "ESME_RTHROTTLED" ? STATUS.THROTTLED : STATUS.QUEUE_FULL;
    const stub = await stubSmsc({ submitStatus: () => status });
    const [outcome] = await smppAdapter(stub, recordingSink(), {}, { throttleBackoffMs: 20, throttleRetries: 2 }).submit([outbound("+14155550101", "Hi")]);
    expect(outcome).toEqual({ ok: false, retryable: true, code, message: `The SMSC is refusing submits for now: ${code}`, retryAfterMs: 80 });
    expect(stub.submits).toHaveLength(3);
  });

  it("backs off once for a window of submits refused together, not once per submit", async () => {
    const stub = await stubSmsc({ submitStatus: () => STATUS.THROTTLED, responseDelayMs: 20 });
    const messages = Array.from({ length: 10 }, (_, i) => outbound(`+1415555${5000 + i}`, "Hi"));
    const outcomes = await smppAdapter(stub, recordingSink(), { window: 10 }, { throttleRetries: 0 }).submit(messages);
    expect(stub.submits).toHaveLength(10);
    for (const outcome of outcomes) {
      expect(outcome).toMatchObject({ ok: false, retryable: true, code: "ESME_RTHROTTLED" });
      expect(outcome.ok ? 0 : outcome.retryAfterMs).toBeLessThanOrEqual(100);
    }
  });

  it("returns any other refusal as final, with the status name", async () => {
    const stub = await stubSmsc({ submitStatus: () => 0x0b });
    const [outcome] = await smppAdapter(stub, recordingSink()).submit([outbound("+14155550101", "Hi")]);
    expect(outcome).toEqual({ ok: false, retryable: false, code: "ESME_RINVDSTADR", message: "The SMSC refused the submit_sm: ESME_RINVDSTADR" });
  });

  it("does not offer a message for resubmission once one of its parts was accepted", async () => {
    const stub = await stubSmsc({ submitStatus: (i) => (i === 1 ? 0x0b : STATUS.OK) });
    const [outcome] = await smppAdapter(stub, recordingSink()).submit([outbound("+14155550101", "x".repeat(200))]);
    expect(outcome).toMatchObject({ ok: false, retryable: false, code: "ESME_RINVDSTADR", message: expect.stringContaining("Part 2 of 2 not accepted after 1 were") });
  });
});

describe("the link", () => {
  it("reconnects after the SMSC drops the connection; a message sent meanwhile waits and goes once", async () => {
    const stub = await stubSmsc();
    const adapter = smppAdapter(stub, recordingSink());
    expect((await adapter.submit([outbound("+14155550101", "First")]))[0]).toMatchObject({ ok: true });
    const releaseBinds = stub.holdBinds();
    stub.drop();
    // The adapter has noticed and is binding again: not bound, so the next message must wait.
    await vi.waitFor(() => expect(stub.binds).toHaveLength(2));
    const pending = adapter.submit([outbound("+14155550102", "Second")]);
    releaseBinds();
    const [outcome] = await pending;
    expect(outcome).toMatchObject({ ok: true });
    expect(stub.binds.filter((b) => b.accepted)).toHaveLength(2);
    expect(stub.submits.map((s) => s.destinationAddr)).toEqual(["14155550101", "14155550102"]);
  });

  it("gives a message back as retryable when the SMSC stays unreachable", async () => {
    const stub = await stubSmsc();
    await stub.stop();
    const [outcome] = await smppAdapter(stub, recordingSink(), {}, { connectWaitMs: 300 }).submit([outbound("+14155550101", "Hi")]);
    expect(outcome).toMatchObject({ ok: false, retryable: true, code: "connection_error" });
  });

  it("never offers a submit for resubmission when the link dropped after it was written", async () => {
    const stub = await stubSmsc({ responseDelayMs: 10_000 });
    const pending = smppAdapter(stub, recordingSink()).submit([outbound("+14155550101", "Hi")]);
    await vi.waitFor(() => expect(stub.submits).toHaveLength(1));
    stub.drop();
    expect(await pending).toEqual([
      { ok: false, retryable: false, code: "connection_lost", message: "submit_sm written but the link dropped: the SMSC may have accepted it" },
    ]);
  });

  it("sends enquire_link every period, and rebinds when the SMSC stops answering it", async () => {
    const stub = await stubSmsc();
    smppAdapter(stub, recordingSink(), {}, { enquireLinkMs: 50 });
    await vi.waitFor(() => expect(stub.enquireLinks).toBeGreaterThanOrEqual(3));
    expect(stub.binds).toHaveLength(1);

    const silent = await stubSmsc({ answerEnquireLink: false });
    smppAdapter(silent, recordingSink(), {}, { enquireLinkMs: 50, responseTimeoutMs: 100 });
    await vi.waitFor(() => expect(silent.binds.length).toBeGreaterThanOrEqual(2), { timeout: 5_000 });
  });
});
