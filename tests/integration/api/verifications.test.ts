// The verifications resource of REST v1 (2FA codes), called as a client calls it: the code goes
// out as a real message row, is kept only as a hash, is checked, resent, cancelled and expires;
// sends and checks are capped, sends are rate limited per number; scope and tenant isolation.
import { beforeAll, describe, expect, it } from "vitest";
import { apiRequest, call, createTestApiKey, routeParams, setupApiDatabase } from "../helpers/api";

const { db, sql } = await setupApiDatabase();
const start = await import("@/app/api/v1/verifications/route");
const check = await import("@/app/api/v1/verifications/check/route");
const one = await import("@/app/api/v1/verifications/[id]/route");
const cancel = await import("@/app/api/v1/verifications/[id]/cancel/route");
const { newId } = await import("@/lib/ids");
const { createOrgWithOwner } = await import("../helpers/factories");

let orgA: string;
let orgAName: string;
let tokenA: string;
let tokenB: string;
let messagesOnlyA: string;

beforeAll(async () => {
  const a = await createOrgWithOwner(db, { defaultCountry: "US", name: "Acme Bakery" });
  orgA = a.org.id;
  orgAName = a.org.name;
  tokenA = (await createTestApiKey(db, orgA, ["verify"])).token;
  messagesOnlyA = (await createTestApiKey(db, orgA, ["messages:send", "messages:read"])).token;
  const b = await createOrgWithOwner(db, { defaultCountry: "US" });
  tokenB = (await createTestApiKey(db, b.org.id, ["verify"])).token;
});

const send = (body: unknown, token = tokenA) => call(start.POST(apiRequest("/api/v1/verifications", { token, body })));
const checkCode = (body: unknown, token = tokenA) => call(check.POST(apiRequest("/api/v1/verifications/check", { token, body })));
const get = (id: string, token = tokenA) => call(one.GET(apiRequest(`/api/v1/verifications/${id}`, { token }), routeParams({ id })));
const cancelReq = (id: string, token = tokenA) =>
  call(cancel.POST(apiRequest(`/api/v1/verifications/${id}/cancel`, { method: "POST", token }), routeParams({ id })));

/** The texts sent to `to` in org A, oldest first. */
const textsTo = (to: string, orgId = orgA) => db.message.findMany({ where: { orgId, to }, orderBy: { createdAt: "asc" } });

/** The code in the latest text to `to`, read from the message row as the phone would show it. */
async function lastCode(to: string): Promise<string> {
  const texts = await textsTo(to);
  const code = texts.at(-1)?.body.match(/\b(\d{4,10})\b/)?.[1];
  if (!code) throw new Error(`no code texted to ${to}`);
  return code;
}

/** A code of the same length that is certainly not `code`. */
const wrong = (code: string) => `${(Number(code[0]) + 1) % 10}${code.slice(1)}`;

describe("POST /api/v1/verifications", () => {
  it("texts a code as a transactional message and keeps only its hash", async () => {
    const res = await send({ to: "(415) 555-2601", channel: "sms" });
    expect(res.status).toBe(201);
    expect(res.body).toEqual({
      id: expect.stringMatching(/^ver_/),
      object: "verification",
      to: "+14155552601",
      channel: "sms",
      status: "pending",
      sends: 1,
      checks: 0,
      expires_at: expect.any(String),
      approved_at: null,
      created_at: expect.any(String),
    });
    expect(Date.parse(res.body.expires_at) - Date.parse(res.body.created_at)).toBe(10 * 60_000);

    const [text] = await textsTo("+14155552601");
    expect(text).toMatchObject({ direction: "OUTBOUND", status: "QUEUED", marketing: false });
    expect(text!.body).toMatch(new RegExp(`^Your ${orgAName} verification code is \\d{6}\\. It expires in 10 minutes\\.$`));

    const code = await lastCode("+14155552601");
    const rows = await sql<{ row: string }>(`SELECT row_to_json(v)::text AS row FROM "Verification" v WHERE id = $1`, [res.body.id]);
    expect(rows[0]!.row).not.toContain(code);
    expect(rows[0]!.row).toMatch(/"codeHash":"[0-9a-f]{64}"/);
  });

  it("uses the template, code length and expiry asked for", async () => {
    const res = await send({ to: "+14155552602", channel: "sms", template: "ACME: {{code}} is your login code", code_length: 8, expiry_minutes: 1 });
    expect(res.status).toBe(201);
    expect(Date.parse(res.body.expires_at) - Date.parse(res.body.created_at)).toBe(60_000);
    expect((await textsTo("+14155552602"))[0]!.body).toMatch(/^ACME: \d{8} is your login code$/);
  });

  it("texts a number that opted out of marketing: a code the user asked for is transactional", async () => {
    await send({ to: "+14155552603", channel: "sms" });
    await db.contact.updateMany({ where: { orgId: orgA, phone: "+14155552603" }, data: { consentStatus: "OPTED_OUT" } });
    const res = await send({ to: "+14155552603", channel: "sms" });
    expect(res.status).toBe(200);
    expect(await textsTo("+14155552603")).toHaveLength(2);
  });

  it("resends the pending verification with a new code, and only the new code works", async () => {
    const first = await send({ to: "+14155552604", channel: "sms", code_length: 10 });
    const oldCode = await lastCode("+14155552604");
    const again = await send({ to: "+14155552604", channel: "sms", code_length: 10 });
    expect(again.status).toBe(200);
    expect(again.body).toMatchObject({ id: first.body.id, sends: 2, status: "pending" });
    const newCode = await lastCode("+14155552604");
    expect(newCode).not.toBe(oldCode);

    expect((await checkCode({ to: "+14155552604", code: oldCode })).body).toMatchObject({ status: "pending", checks: 1 });
    expect((await checkCode({ to: "+14155552604", code: newCode })).body).toMatchObject({ id: first.body.id, status: "approved", checks: 2 });
  });

  it("refuses a sixth send of one verification with max_send_attempts_reached", async () => {
    for (let i = 0; i < 5; i++) expect((await send({ to: "+14155552605", channel: "sms" })).status).toBe(i === 0 ? 201 : 200);
    const refused = await send({ to: "+14155552605", channel: "sms" });
    expect(refused.status).toBe(429);
    expect(refused.body.error).toMatchObject({ code: "max_send_attempts_reached", param: "to" });
    expect(await textsTo("+14155552605")).toHaveLength(5);
    expect((await db.verification.findFirstOrThrow({ where: { orgId: orgA, to: "+14155552605" } })).sends).toBe(5);
  });

  it("limits the codes texted to one number across verifications, per organisation", async () => {
    for (let i = 0; i < 5; i++) {
      const res = await send({ to: "+14155552606", channel: "sms" });
      expect(res.status).toBe(201);
      expect((await cancelReq(res.body.id)).body.status).toBe("canceled");
    }
    const refused = await send({ to: "+14155552606", channel: "sms" });
    expect(refused.status).toBe(429);
    expect(refused.body.error).toMatchObject({ code: "rate_limited", param: "to" });
    expect(refused.body.error.message).toContain("+14155552606");
    expect(await textsTo("+14155552606")).toHaveLength(5);
    // Another number of the same org, and the same number for another org, have buckets of their own.
    expect((await send({ to: "+14155552607", channel: "sms" })).status).toBe(201);
    expect((await send({ to: "+14155552606", channel: "sms" }, tokenB)).status).toBe(201);
  });

  it("undoes the verification, or the resend, whose text cannot be sent", async () => {
    const c = await createOrgWithOwner(db, { defaultCountry: "US" });
    const tokenC = (await createTestApiKey(db, c.org.id, ["verify"])).token;
    const first = await send({ to: "+14155552609", channel: "sms" }, tokenC);
    const code = (await textsTo("+14155552609", c.org.id))[0]!.body.match(/code is (\d{6})/)![1]!;
    await db.senderNumber.deleteMany({ where: { orgId: c.org.id } });

    const resend = await send({ to: "+14155552609", channel: "sms" }, tokenC);
    expect(resend.status).toBe(400);
    expect(resend.body.error.code).toBe("no_sender");
    expect((await get(first.body.id, tokenC)).body).toMatchObject({ sends: 1, expires_at: first.body.expires_at });
    expect((await checkCode({ to: "+14155552609", code }, tokenC)).body.status).toBe("approved");

    expect((await send({ to: "+14155552610", channel: "sms" }, tokenC)).body.error.code).toBe("no_sender");
    expect(await db.verification.count({ where: { orgId: c.org.id, to: "+14155552610" } })).toBe(0);
  });

  it("names the parameter of each refusal", async () => {
    const cases: [unknown, string, string][] = [
      [{ channel: "sms" }, "invalid_parameter", "to"],
      [{ to: "12", channel: "sms" }, "invalid_phone_number", "to"],
      [{ to: "+14155552608" }, "invalid_parameter", "channel"],
      [{ to: "+14155552608", channel: "voice" }, "invalid_parameter", "channel"],
      [{ to: "+14155552608", channel: "sms", template: "Your code" }, "invalid_parameter", "template"],
      [{ to: "+14155552608", channel: "sms", code_length: 3 }, "invalid_parameter", "code_length"],
      [{ to: "+14155552608", channel: "sms", code_length: 11 }, "invalid_parameter", "code_length"],
      [{ to: "+14155552608", channel: "sms", code_length: 6.5 }, "invalid_parameter", "code_length"],
      [{ to: "+14155552608", channel: "sms", expiry_minutes: 0 }, "invalid_parameter", "expiry_minutes"],
      [{ to: "+14155552608", channel: "sms", expiry_minutes: 61 }, "invalid_parameter", "expiry_minutes"],
      [{ to: "+14155552608", channel: "sms", codeLength: 6 }, "unknown_parameter", "codeLength"],
    ];
    for (const [body, code, param] of cases) {
      const res = await send(body);
      expect({ status: res.status, code: res.body.error?.code, param: res.body.error?.param }, JSON.stringify(body)).toEqual({ status: 400, code, param });
    }
    expect(await textsTo("+14155552608")).toHaveLength(0);
  });
});

describe("POST /api/v1/verifications/check", () => {
  it("answers pending for a wrong code and approved for the right one, then nothing is pending", async () => {
    const sent = await send({ to: "+14155552611", channel: "sms" });
    const code = await lastCode("+14155552611");
    const miss = await checkCode({ to: "+14155552611", code: wrong(code) });
    expect(miss.status).toBe(200);
    expect(miss.body).toMatchObject({ id: sent.body.id, status: "pending", checks: 1, approved_at: null });

    const hit = await checkCode({ to: "(415) 555-2611", code });
    expect(hit.status).toBe(200);
    expect(hit.body).toMatchObject({ id: sent.body.id, status: "approved", checks: 2 });
    expect(Date.parse(hit.body.approved_at)).toBeGreaterThan(Date.now() - 60_000);
    expect(JSON.stringify(hit.body)).not.toContain(code);

    const again = await checkCode({ to: "+14155552611", code });
    expect(again.status).toBe(404);
    expect(again.body.error).toMatchObject({ code: "not_found", param: "to" });
    expect((await get(sent.body.id)).body.status).toBe("approved");
  });

  it("cancels the verification on the fifth wrong code and refuses every check after", async () => {
    await send({ to: "+14155552612", channel: "sms" });
    const code = await lastCode("+14155552612");
    for (let i = 1; i <= 4; i++) expect((await checkCode({ to: "+14155552612", code: wrong(code) })).body).toMatchObject({ status: "pending", checks: i });
    expect((await checkCode({ to: "+14155552612", code: wrong(code) })).body).toMatchObject({ status: "canceled", checks: 5 });
    const refused = await checkCode({ to: "+14155552612", code });
    expect(refused.status).toBe(429);
    expect(refused.body.error).toMatchObject({ code: "max_check_attempts_reached", param: "to" });
    expect((await db.verification.findFirstOrThrow({ where: { orgId: orgA, to: "+14155552612" } })).checks).toBe(5);
  });

  it("refuses the right code once the verification has expired, and marks it expired", async () => {
    const sent = await send({ to: "+14155552613", channel: "sms" });
    const code = await lastCode("+14155552613");
    await db.verification.update({ where: { id: sent.body.id }, data: { expiresAt: new Date(Date.now() - 1_000) } });
    const res = await checkCode({ to: "+14155552613", code });
    expect(res.status).toBe(404);
    expect(res.body.error).toMatchObject({ code: "verification_expired", param: "to" });
    expect((await get(sent.body.id)).body).toMatchObject({ status: "expired", checks: 0 });
    // A new request opens a new verification rather than resending the expired one.
    const next = await send({ to: "+14155552613", channel: "sms" });
    expect(next.status).toBe(201);
    expect(next.body.id).not.toBe(sent.body.id);
  });

  it("marks an expired verification expired when it is read", async () => {
    const sent = await send({ to: "+14155552614", channel: "sms" });
    await db.verification.update({ where: { id: sent.body.id }, data: { expiresAt: new Date(Date.now() - 1_000) } });
    expect((await db.verification.findUniqueOrThrow({ where: { id: sent.body.id } })).status).toBe("PENDING");
    expect((await get(sent.body.id)).body.status).toBe("expired");
    expect((await db.verification.findUniqueOrThrow({ where: { id: sent.body.id } })).status).toBe("EXPIRED");
  });

  it("refuses a malformed code without counting it, and a number never sent a code", async () => {
    await send({ to: "+14155552615", channel: "sms" });
    for (const [body, param] of [
      [{ to: "+14155552615", code: "12ab56" }, "code"],
      [{ to: "+14155552615" }, "code"],
      [{ code: "123456" }, "to"],
    ] as const) {
      const res = await checkCode(body);
      expect({ status: res.status, code: res.body.error?.code, param: res.body.error?.param }).toEqual({ status: 400, code: "invalid_parameter", param });
    }
    expect((await db.verification.findFirstOrThrow({ where: { orgId: orgA, to: "+14155552615" } })).checks).toBe(0);
    const none = await checkCode({ to: "+14155552699", code: "123456" });
    expect(none.status).toBe(404);
    expect(none.body.error).toMatchObject({ code: "not_found", param: "to" });
  });

  it("queues a verification.approved webhook for the org's subscribed endpoints", async () => {
    const endpointId = newId("webhookEndpoint");
    await db.webhookEndpoint.create({
      data: { id: endpointId, orgId: orgA, url: "http://127.0.0.1:9/hook", eventTypes: ["verification.approved"], secret: "whsec_dGVzdA==" },
    });
    const sent = await send({ to: "+14155552616", channel: "sms" });
    await checkCode({ to: "+14155552616", code: wrong(await lastCode("+14155552616")) });
    expect(await db.webhookDelivery.count({ where: { endpointId } })).toBe(0);
    await checkCode({ to: "+14155552616", code: await lastCode("+14155552616") });
    const deliveries = await db.webhookDelivery.findMany({ where: { endpointId } });
    expect(deliveries).toHaveLength(1);
    expect(deliveries[0]).toMatchObject({ eventType: "verification.approved", orderingKey: sent.body.id });
    expect(deliveries[0]!.payload).toMatchObject({ type: "verification.approved", data: { id: sent.body.id, status: "approved", checks: 2 } });
    await db.webhookEndpoint.delete({ where: { id: endpointId } });
  });
});

describe("GET and cancel", () => {
  it("cancels a pending verification once; its code stops working", async () => {
    const sent = await send({ to: "+14155552621", channel: "sms" });
    const code = await lastCode("+14155552621");
    const canceled = await cancelReq(sent.body.id);
    expect(canceled.status).toBe(200);
    expect(canceled.body).toMatchObject({ id: sent.body.id, status: "canceled" });
    const twice = await cancelReq(sent.body.id);
    expect(twice.status).toBe(409);
    expect(twice.body.error).toMatchObject({ code: "verification_not_pending", param: "id" });
    expect((await checkCode({ to: "+14155552621", code })).body.error).toMatchObject({ code: "not_found", param: "to" });
    expect(await db.auditLog.count({ where: { orgId: orgA, action: "verification.canceled", targetId: sent.body.id } })).toBe(1);
  });

  it("answers 404 for an id that does not exist", async () => {
    const id = newId("verification");
    expect((await get(id)).body.error).toMatchObject({ code: "not_found", param: "id" });
    expect((await cancelReq(id)).body.error).toMatchObject({ code: "not_found", param: "id" });
  });
});

describe("authorisation", () => {
  it("needs the verify scope on every route, and sends nothing without it", async () => {
    const sent = await send({ to: "+14155552631", channel: "sms" });
    const refusals = [
      await send({ to: "+14155552632", channel: "sms" }, messagesOnlyA),
      await checkCode({ to: "+14155552631", code: "123456" }, messagesOnlyA),
      await get(sent.body.id, messagesOnlyA),
      await cancelReq(sent.body.id, messagesOnlyA),
    ];
    for (const res of refusals) {
      expect(res.status).toBe(403);
      expect(res.body.error).toMatchObject({ code: "insufficient_scope", message: "This API key lacks the verify scope" });
    }
    expect(await textsTo("+14155552632")).toHaveLength(0);
    expect((await get(sent.body.id)).body).toMatchObject({ status: "pending", checks: 0 });
  });

  it("never lets another organisation's key check, read or cancel a verification", async () => {
    const sent = await send({ to: "+14155552633", channel: "sms" });
    const code = await lastCode("+14155552633");
    const checked = await checkCode({ to: "+14155552633", code }, tokenB);
    expect(checked.status).toBe(404);
    expect(checked.body.error).toMatchObject({ code: "not_found", param: "to" });
    expect((await get(sent.body.id, tokenB)).status).toBe(404);
    expect((await cancelReq(sent.body.id, tokenB)).status).toBe(404);
    expect((await get(sent.body.id)).body).toMatchObject({ status: "pending", checks: 0 });
    expect((await checkCode({ to: "+14155552633", code })).body.status).toBe("approved");
  });
});
