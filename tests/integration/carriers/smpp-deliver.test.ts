// What the stub SMSC delivers to the SMPP adapter over TCP: receipts, under the ids the submits
// were answered with whatever notation the SMSC writes them in, and texts from handsets, joined
// when long; then the whole way into the database through startSmppBinds and the registry's sink.
import { afterAll, describe, expect, it, vi } from "vitest";
import { createConnection, deleteConnection, updateConnection } from "@/lib/delivery/manage-connections";
import { closeAdapters } from "@/lib/delivery/carrier-registry";
import { encodeGsm7 } from "@/lib/carriers/smpp/gsm7";
import { encodeUcs2 } from "@/lib/carriers/smpp/short-message";
import { STATUS } from "@/lib/carriers/smpp/smpp-library";
import { startSmppBinds } from "@/lib/delivery/start-smpp-binds";
import { newId } from "@/lib/ids";
import { setupTestDatabase } from "../helpers/db";
import { createOrgWithOwner, orgContextFor } from "../helpers/factories";
import { outbound, recordingSink, smppAdapter, stubSmsc } from "../helpers/smpp";

const handset = { source_addr_ton: 1, source_addr_npi: 1, source_addr: "14155550123", dest_addr_ton: 1, dest_addr_npi: 1, destination_addr: "15005550006" };
const concatenated = (reference: number, total: number, sequence: number, text: string) => ({
  ...handset,
  esm_class: 0x40,
  data_coding: 8,
  short_message: Buffer.concat([Buffer.from([0x05, 0x00, 0x03, reference, total, sequence]), encodeUcs2(text)]),
});

describe("delivery receipts", () => {
  it.each([
    { answered: "hex", written: "decimal" },
    { answered: "decimal", written: "hex" },
    { answered: "hex", written: "as-answered" },
  ] as const)("are reported per part under the id answered in $answered when the receipt writes it $written", async ({ answered, written }) => {
    const stub = await stubSmsc({ messageIds: answered });
    const sink = recordingSink();
    const [single, long] = await smppAdapter(stub, sink).submit([outbound("+14155550101", "Hi"), outbound("+14155550102", "x".repeat(200))]);
    if (!single?.ok || !long?.ok) throw new Error("submits failed");
    expect(long.partIds).toHaveLength(2);

    const statuses = [
      await stub.receipt(single.carrierMessageId, "DELIVRD", { idAs: written }),
      await stub.receipt(long.partIds[0]!, "UNDELIV", { idAs: written, err: "005" }),
      await stub.receipt(long.partIds[1]!, "ENROUTE", { idAs: written }),
    ];
    expect(statuses).toEqual([STATUS.OK, STATUS.OK, STATUS.OK]);
    expect(sink.received).toEqual([
      { carrierMessageId: single.carrierMessageId, status: "DELIVERED", occurredAt: expect.any(Date) },
      { carrierMessageId: long.partIds[0], status: "UNDELIVERED", errorCode: "005", errorMessage: "SMSC receipt: UNDELIV, error 005", occurredAt: expect.any(Date) },
      { carrierMessageId: long.partIds[1], status: "SENT", occurredAt: expect.any(Date) },
    ]);
  });

  it("matches a receipt that comes right behind its submit_sm_resp", async () => {
    const stub = await stubSmsc({ messageIds: "hex", autoReceipt: { stat: "ACCEPTD", idAs: "decimal" } });
    const sink = recordingSink();
    const outcomes = await smppAdapter(stub, sink).submit(Array.from({ length: 20 }, (_, i) => outbound(`+1415555${4000 + i}`, "Hi")));
    await vi.waitFor(() => expect(sink.received).toHaveLength(20));
    expect(new Set(sink.received.map((r) => r.carrierMessageId))).toEqual(new Set(outcomes.map((o) => (o.ok ? o.carrierMessageId : null))));
  });

  it("follows receipted_message_id and message_state when the SMSC sends them", async () => {
    const stub = await stubSmsc();
    const sink = recordingSink();
    const [outcome] = await smppAdapter(stub, sink).submit([outbound("+14155550101", "Hi")]);
    if (!outcome?.ok) throw new Error("submit failed");
    // The text's id and stat are stale; the TLVs say delivered.
    await stub.receipt("1", "ENROUTE", { tlvs: { receiptedMessageId: outcome.carrierMessageId, messageState: 2 } });
    expect(sink.received).toEqual([{ carrierMessageId: outcome.carrierMessageId, status: "DELIVERED", occurredAt: expect.any(Date) }]);
  });

  it("reports a receipt for an id it never submitted as written, and answers ESME_RX_T_APPN while the sink fails", async () => {
    const stub = await stubSmsc();
    const sink = recordingSink();
    smppAdapter(stub, sink);
    await vi.waitFor(() => expect(stub.binds).toHaveLength(1));
    sink.failWith = new Error("database unavailable");
    expect(await stub.receipt("7F00AB", "DELIVRD")).toBe(STATUS.TEMPORARY_APP_ERROR);
    sink.failWith = null;
    expect(await stub.receipt("7F00AB", "DELIVRD")).toBe(STATUS.OK);
    expect(sink.received).toEqual([{ carrierMessageId: "7F00AB", status: "DELIVERED", occurredAt: expect.any(Date) }]);
  });
});

describe("inbound texts", () => {
  it("are reported with E.164 numbers and the text decoded per data_coding", async () => {
    const stub = await stubSmsc();
    const sink = recordingSink();
    smppAdapter(stub, sink);
    await vi.waitFor(() => expect(stub.binds).toHaveLength(1));
    expect(await stub.deliver({ ...handset, esm_class: 0, data_coding: 0, short_message: encodeGsm7("Yes @ 5€, [ok]") })).toBe(STATUS.OK);
    expect(await stub.deliver({ ...handset, esm_class: 0, data_coding: 8, short_message: encodeUcs2("Да 👍") })).toBe(STATUS.OK);
    expect(sink.texts).toEqual([
      { from: "+14155550123", to: "+15005550006", body: "Yes @ 5€, [ok]", media: [], receivedAt: expect.any(Date) },
      { from: "+14155550123", to: "+15005550006", body: "Да 👍", media: [], receivedAt: expect.any(Date) },
    ]);
  });

  it("are joined from their concatenated parts, in any order, and reported once whole", async () => {
    const stub = await stubSmsc();
    const sink = recordingSink();
    smppAdapter(stub, sink);
    await vi.waitFor(() => expect(stub.binds).toHaveLength(1));
    await stub.deliver(concatenated(0x2c, 3, 2, "second part, "));
    await stub.deliver(concatenated(0x2c, 3, 3, "third 😀"));
    // Another text's part with another reference does not mix in.
    await stub.deliver(concatenated(0x2d, 2, 1, "other"));
    expect(sink.texts).toHaveLength(0);
    await stub.deliver(concatenated(0x2c, 3, 1, "First part, "));
    expect(sink.texts.map((t) => t.body)).toEqual(["First part, second part, third 😀"]);
  });

  it("reports the parts that came when the rest never does", async () => {
    const stub = await stubSmsc();
    const sink = recordingSink();
    smppAdapter(stub, sink, {}, { inboundPartsTimeoutMs: 100 });
    await vi.waitFor(() => expect(stub.binds).toHaveLength(1));
    await stub.deliver(concatenated(0x01, 2, 1, "Only the first half"));
    await vi.waitFor(() => expect(sink.texts.map((t) => t.body)).toEqual(["Only the first half"]));
  });
});

const { db } = await setupTestDatabase();
afterAll(() => closeAdapters());

describe("binds opened at server start, into the database", () => {
  it("binds every SMPP connection; a text from the SMSC is stored, one to an unknown number refused for good", async () => {
    const stub = await stubSmsc();
    const { org } = await createOrgWithOwner(db);
    const connection = await db.carrierConnection.create({ data: { id: newId("connection"), orgId: org.id, name: "SMSC", kind: "SMPP", config: stub.config() } });
    await db.senderNumber.create({ data: { id: newId("sender"), orgId: org.id, connectionId: connection.id, address: "+15005550006" } });

    await startSmppBinds(db);
    await vi.waitFor(() => expect(stub.binds.filter((b) => b.accepted)).toHaveLength(1));
    expect(await stub.deliver({ ...handset, esm_class: 0, data_coding: 0, short_message: encodeGsm7("Is the shop open today?") })).toBe(STATUS.OK);
    const stored = await db.message.findMany({ where: { orgId: org.id, direction: "INBOUND" } });
    expect(stored).toMatchObject([{ from: "+14155550123", to: "+15005550006", body: "Is the shop open today?", status: "RECEIVED" }]);

    const toUnknown = { ...handset, destination_addr: "15005550999", esm_class: 0, data_coding: 0, short_message: encodeGsm7("Hello?") };
    expect(await stub.deliver(toUnknown)).toBe(STATUS.PERMANENT_APP_ERROR);
  });

  it("binds a connection as soon as it is added, rebinds it when its settings change and unbinds it when it is deleted", async () => {
    const stub = await stubSmsc();
    const { org, owner } = await createOrgWithOwner(db);
    const ctx = await orgContextFor(db, owner, org.id);
    await startSmppBinds(db);
    const accepted = () => stub.binds.filter((b) => b.accepted).map((b) => b.systemType);

    const { id } = await createConnection(ctx, { name: "Added later", kind: "SMPP", config: stub.config({ systemType: "first" }) });
    await vi.waitFor(() => expect(accepted()).toEqual(["first"]));

    // The password is write-only: left blank, the stored one is kept.
    await updateConnection(ctx, { id, config: { ...stub.config({ systemType: "second" }), password: "" } });
    await vi.waitFor(() => expect(accepted()).toEqual(["first", "second"]));
    await vi.waitFor(() => expect(stub.unbinds).toBe(1));

    await deleteConnection(ctx, { id });
    await vi.waitFor(() => expect(stub.unbinds).toBe(2));
    expect(accepted()).toEqual(["first", "second"]);
  });
});
