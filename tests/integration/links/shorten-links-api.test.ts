// shorten_links on REST v1 sends (one and batch): the body carries short links of the message's own,
// written with it (none for a retried request with the same Idempotency-Key), segments counted on
// the text as sent, and off by default.
import { beforeAll, describe, expect, it } from "vitest";
import { apiRequest, call, createTestApiKey, setupApiDatabase } from "../helpers/api";

const { db } = await setupApiDatabase();
const messages = await import("@/app/api/v1/messages/route");
const batch = await import("@/app/api/v1/messages/batch/route");
const { createOrgWithOwner } = await import("../helpers/factories");

const LONG = "https://shop.example.com/collections/winter-sale-2026/items?ref=sms&color=blue&size=medium";
const SHORT = /http:\/\/localhost:3000\/l\/[0-9A-Za-z]{7}/g;

let token: string;
let orgId: string;
beforeAll(async () => {
  const { org } = await createOrgWithOwner(db, { defaultCountry: "US" });
  orgId = org.id;
  token = (await createTestApiKey(db, orgId, ["messages:send"])).token;
});

const send = (body: unknown, headers: Record<string, string> = {}) => call(messages.POST(apiRequest("/api/v1/messages", { token, body, headers })));

describe("shorten_links", () => {
  it("replaces each link by a short link of the message's own, counted as sent", async () => {
    const text = `Your order ships today. Track it: ${LONG} or see ${LONG}#faq. Thanks for shopping with us, see you soon!`;
    const { status, body } = await send({ to: "+14155550181", body: text, shorten_links: true }, { "Idempotency-Key": "ship-1" });
    expect(status).toBe(201);
    expect(body.body.match(SHORT)).toHaveLength(2);
    expect(body.body).not.toContain("shop.example.com");
    // 270 characters as written (two segments); 148 with short links (one).
    expect(body.num_segments).toBe(1);
    const links = await db.shortLink.findMany({ where: { orgId, messageId: body.id }, orderBy: { id: "asc" } });
    expect(links.map((l) => l.url).sort()).toEqual([LONG, `${LONG}#faq`]);
    const message = await db.message.findUniqueOrThrow({ where: { id: body.id } });
    expect(links.every((l) => l.contactId === message.contactId && l.campaignId === null && body.body.includes(`/l/${l.code}`))).toBe(true);

    const again = await send({ to: "+14155550181", body: text, shorten_links: true }, { "Idempotency-Key": "ship-1" });
    expect(again.body.id).toBe(body.id);
    expect(await db.shortLink.count({ where: { orgId } })).toBe(2);
  });

  it("is off by default, and per item in a batch", async () => {
    const plain = await send({ to: "+14155550182", body: `See ${LONG}` });
    expect(plain.body.body).toBe(`See ${LONG}`);
    const { status, body } = await call(
      batch.POST(apiRequest("/api/v1/messages/batch", { token, body: { messages: [{ to: "+14155550183", body: `A ${LONG}`, shorten_links: true }, { to: "+14155550184", body: `B ${LONG}` }] } })),
    );
    expect(status).toBe(200);
    const [a, b] = body.data as { message: { id: string; body: string } }[];
    expect(a!.message.body).toMatch(/^A http:\/\/localhost:3000\/l\/[0-9A-Za-z]{7}$/);
    expect(b!.message.body).toBe(`B ${LONG}`);
    expect(await db.shortLink.count({ where: { orgId, messageId: { in: [plain.body.id, b!.message.id] } } })).toBe(0);
    expect(await db.shortLink.count({ where: { orgId, messageId: a!.message.id } })).toBe(1);
  });
});
