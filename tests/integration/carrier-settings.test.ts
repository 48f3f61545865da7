// Carrier connections and sender numbers as admins manage them in settings: settings checked per
// kind with errors naming the setting, secrets never returned, deletes refused while in use, audit
// rows that never hold a secret, and members kept out.
import { beforeAll, describe, expect, it } from "vitest";
import { createConnection, deleteConnection, listConnections, updateConnection } from "@/lib/delivery/manage-connections";
import { newId } from "@/lib/ids";
import type { OrgContext } from "@/lib/org-context";
import { createSender, deleteSender, listSenders, updateSender } from "@/lib/senders/manage-senders";
import { setupTestDatabase } from "./helpers/db";
import { expectDomainError, expectTRPCError } from "./helpers/expect-error";
import { addMember, callerFor, createOrgWithOwner, orgContextFor } from "./helpers/factories";

const { db } = await setupTestDatabase();

const SID = `AC${"0123456789abcdef".repeat(2)}`;
const TOKEN = "twilio-token-sekrit-42";
const SMPP_PASSWORD = "pw-smpp";

let ctx: OrgContext;
let simulatorId: string;

beforeAll(async () => {
  const { owner, org } = await createOrgWithOwner(db, { defaultCountry: "GB" });
  ctx = await orgContextFor(db, owner, org.id);
  simulatorId = (await createConnection(ctx, { name: "Simulator", kind: "SIMULATOR" })).id;
});

const smppConfig = { host: "smsc.example.test", systemId: "textstack", password: SMPP_PASSWORD };

describe("carrier connections", () => {
  it("stores each kind's settings with their defaults and prices in micro-units", async () => {
    const sim = await createConnection(ctx, { name: "Sim 2", kind: "SIMULATOR", config: { undeliveredRate: 0 }, smsPriceMicros: 7900 });
    expect(sim).toMatchObject({
      kind: "SIMULATOR",
      config: { deliveryDelayMs: 1500, undeliveredRate: 0, failedRate: 0.01 },
      smsPriceMicros: 7900,
      mmsPriceMicros: 0,
      webhookUrls: null,
    });
    expect(sim.id).toMatch(/^conn_/);
    const smpp = await createConnection(ctx, { name: "SMSC", kind: "SMPP", config: smppConfig });
    expect(smpp.config).toMatchObject({ host: "smsc.example.test", port: 2775, window: 50, tls: false });
  });

  it("refuses bad settings, naming the setting", async () => {
    const bad = [
      [{ kind: "SMPP", config: { ...smppConfig, host: "" } }, "config.host", /^Host is required$/],
      [{ kind: "SMPP", config: { ...smppConfig, port: 70_000 } }, "config.port", /^Port must be at most 65535$/],
      [{ kind: "SMPP", config: { ...smppConfig, password: "much-too-long" } }, "config.password", /^Password must be at most 8 characters$/],
      [{ kind: "SMPP", config: { host: "h", password: "" } }, "config.systemId", /^System ID is required$/],
      [{ kind: "TWILIO", config: { accountSid: "nope", authToken: "x" } }, "config.accountSid", /^Account SID must be AC followed by 32/],
      [{ kind: "TWILIO", config: { accountSid: SID } }, "config.authToken", /^Auth token is required$/],
      [{ kind: "SIMULATOR", config: { failedRate: 2 } }, "config.failedRate", /^Failed rate must be at most 1$/],
      [{ kind: "SIMULATOR", config: { deliveryDelayMs: 1.5 } }, "config.deliveryDelayMs", /whole number/],
      [{ kind: "SIMULATOR", config: { speed: 3 } }, "config", /speed is not a setting/],
    ] as const;
    for (const [input, field, message] of bad) {
      const error = await expectDomainError(createConnection(ctx, { name: "Bad", ...input }), "BAD_REQUEST", field);
      expect(error.message).toMatch(message);
    }
    expect(await db.carrierConnection.count({ where: { orgId: ctx.orgId, name: "Bad" } })).toBe(0);
  });

  it("never returns a secret, keeps it when an edit leaves it blank, and replaces it when given", async () => {
    const created = await createConnection(ctx, { name: "Twilio", kind: "TWILIO", config: { accountSid: SID, authToken: TOKEN } });
    expect(created.config).toEqual({ accountSid: SID });
    expect(created.secretsSet).toEqual(["authToken"]);
    expect(created.webhookUrls).toEqual({
      inbound: `http://localhost:3000/api/carriers/twilio/${created.id}/inbound`,
      status: `http://localhost:3000/api/carriers/twilio/${created.id}/status`,
    });

    const edited = await updateConnection(ctx, { id: created.id, name: "Twilio US", config: { accountSid: SID, authToken: "" } });
    expect(edited.name).toBe("Twilio US");
    const stored = await db.carrierConnection.findUniqueOrThrow({ where: { id: created.id } });
    expect(stored.config).toEqual({ accountSid: SID, authToken: TOKEN });

    await updateConnection(ctx, { id: created.id, config: { accountSid: SID, authToken: "rotated-token" } });
    expect((await db.carrierConnection.findUniqueOrThrow({ where: { id: created.id } })).config).toMatchObject({ authToken: "rotated-token" });

    const listed = JSON.stringify(await listConnections(ctx));
    for (const secret of [TOKEN, "rotated-token", SMPP_PASSWORD]) expect(listed).not.toContain(secret);
    const audit = JSON.stringify(await db.auditLog.findMany({ where: { targetId: created.id } }));
    for (const secret of [TOKEN, "rotated-token"]) expect(audit).not.toContain(secret);
    expect(audit).toContain("(changed)");
  });

  it("audits create, edit and delete; the kind cannot change", async () => {
    const created = await createConnection(ctx, { name: "Temp", kind: "SIMULATOR" });
    await updateConnection(ctx, { id: created.id, smsPriceMicros: 5000, config: { deliveryDelayMs: 10 } });
    await expect(updateConnection(ctx, { id: created.id, kind: "SMPP" } as never)).rejects.toThrow(/kind/);
    await deleteConnection(ctx, { id: created.id });
    const audit = await db.auditLog.findMany({ where: { targetId: created.id }, orderBy: { id: "asc" } });
    expect(audit.map((a) => a.action)).toEqual(["carrier_connection.created", "carrier_connection.updated", "carrier_connection.deleted"]);
    expect(audit[1]!.changes).toMatchObject({
      smsPriceMicros: { from: 0, to: 5000 },
      config: { from: { deliveryDelayMs: 1500 }, to: { deliveryDelayMs: 10 } },
    });
    await expectDomainError(updateConnection(ctx, { id: created.id, name: "Gone" }), "NOT_FOUND", "id");
  });

  it("refuses to delete a connection while senders use it", async () => {
    const connection = await createConnection(ctx, { name: "Busy", kind: "SIMULATOR" });
    const sender = await createSender(ctx, { kind: "SHORT_CODE", address: "72345", connectionId: connection.id });
    const error = await expectDomainError(deleteConnection(ctx, { id: connection.id }), "CONFLICT", "id");
    expect(error.message).toMatch(/Busy is used by the sender 72345/);
    expect(await db.carrierConnection.count({ where: { id: connection.id } })).toBe(1);
    await deleteSender(ctx, { id: sender.id });
    await deleteConnection(ctx, { id: connection.id });
    expect(await db.carrierConnection.count({ where: { id: connection.id } })).toBe(0);
  });
});

describe("sender numbers", () => {
  it("checks the address by kind, storing phone numbers in E.164 with the org's country", async () => {
    const longCode = await createSender(ctx, { kind: "LONG_CODE", address: "07911 123456", connectionId: simulatorId, label: "UK mobile" });
    expect(longCode).toMatchObject({ address: "+447911123456", throughput: 10, mmsEnabled: false, label: "UK mobile" });
    expect(longCode.connection).toEqual({ id: simulatorId, name: "Simulator", kind: "SIMULATOR" });
    expect((await createSender(ctx, { kind: "ALPHANUMERIC", address: "Coffee Co", connectionId: simulatorId })).address).toBe("Coffee Co");
    expect((await createSender(ctx, { kind: "SHORT_CODE", address: " 246810 ", connectionId: simulatorId, throughput: 100 })).address).toBe("246810");

    const refused = [
      ["LONG_CODE", "555", /not a valid GB phone number/],
      ["SHORT_CODE", "12", /3 to 8 digits/],
      ["SHORT_CODE", "123456789", /3 to 8 digits/],
      ["ALPHANUMERIC", "123456", /at least one letter/],
      ["ALPHANUMERIC", "TwelveChars1", /1 to 11/],
      ["ALPHANUMERIC", "Café", /1 to 11 letters/],
    ] as const;
    for (const [kind, address, message] of refused) {
      const error = await expectDomainError(createSender(ctx, { kind, address, connectionId: simulatorId }), "BAD_REQUEST", "address");
      expect(error.message).toMatch(message);
    }
    await expectDomainError(createSender(ctx, { kind: "LONG_CODE", address: "+44 7911 123456", connectionId: simulatorId }), "CONFLICT", "address");
    await expectDomainError(createSender(ctx, { address: "+447911123457", connectionId: "conn_missing" }), "NOT_FOUND", "connectionId");
    await expect(createSender(ctx, { address: "+447911123457", connectionId: simulatorId, throughput: 0 })).rejects.toThrow(/At least 1/);
  });

  it("edits a sender, re-checking the address against a new kind, and audits only what changed", async () => {
    const other = await createConnection(ctx, { name: "Other sim", kind: "SIMULATOR" });
    const sender = await createSender(ctx, { kind: "SHORT_CODE", address: "55501", connectionId: simulatorId });
    await expectDomainError(updateSender(ctx, { id: sender.id, kind: "ALPHANUMERIC" }), "BAD_REQUEST", "address");
    const moved = await updateSender(ctx, { id: sender.id, connectionId: other.id, mmsEnabled: true, throughput: 25 });
    expect(moved).toMatchObject({ connectionId: other.id, mmsEnabled: true, throughput: 25, connection: { name: "Other sim" } });
    await expectDomainError(updateSender(ctx, { id: sender.id, connectionId: "conn_missing" }), "NOT_FOUND", "connectionId");
    const audit = await db.auditLog.findMany({ where: { targetId: sender.id }, orderBy: { id: "asc" } });
    expect(audit.map((a) => a.action)).toEqual(["sender.created", "sender.updated"]);
    expect(audit[1]!.changes).toEqual({
      connectionId: { from: simulatorId, to: other.id },
      throughput: { from: 10, to: 25 },
      mmsEnabled: { from: false, to: true },
    });
  });

  it("refuses to delete a sender while its messages wait to go out", async () => {
    const sender = await createSender(ctx, { kind: "SHORT_CODE", address: "55502", connectionId: simulatorId });
    const message = await db.message.create({
      data: {
        id: newId("message"),
        orgId: ctx.orgId,
        direction: "OUTBOUND",
        status: "QUEUED",
        senderId: sender.id,
        from: sender.address,
        to: "+447911000001",
        body: "Queued",
        encoding: "GSM-7",
        segments: 1,
      },
    });
    const error = await expectDomainError(deleteSender(ctx, { id: sender.id }), "CONFLICT", "id");
    expect(error.message).toMatch(/55502 has 1 message waiting/);
    await db.message.update({ where: { id: message.id }, data: { status: "DELIVERED" } });
    await deleteSender(ctx, { id: sender.id });
    // Sent messages keep their history without the sender.
    expect(await db.message.findUniqueOrThrow({ where: { id: message.id } })).toMatchObject({ senderId: null, from: "55502" });
    expect((await db.auditLog.findFirstOrThrow({ where: { targetId: sender.id, action: "sender.deleted" } })).changes).toEqual({
      address: "55502",
      kind: "SHORT_CODE",
    });
  });

  it("lists senders for members, but connections and every change only for admins", async () => {
    const { user: member } = await addMember(db, ctx.orgId, "MEMBER");
    const caller = callerFor(db, member, ctx.orgId);
    expect((await caller.carriers.senders.list()).length).toBe((await listSenders(ctx)).length);
    await expectTRPCError(caller.carriers.connections.list(), "FORBIDDEN");
    await expectTRPCError(caller.carriers.connections.create({ name: "X", kind: "SIMULATOR" }), "FORBIDDEN");
    await expectTRPCError(caller.carriers.senders.create({ address: "55509", kind: "SHORT_CODE", connectionId: simulatorId }), "FORBIDDEN");
    await expectTRPCError(caller.carriers.connections.delete({ id: simulatorId }), "FORBIDDEN");
  });
});
