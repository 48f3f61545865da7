// The OpenAPI document and /docs/api are made from OPERATIONS: every route under app/api/v1 must be
// in it, and what the serialisers send must match the documented response schemas.
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { serializeMessage, serializeMessageWithHistory } from "@/lib/api/messages/serialize-message";
import { buildOpenApi } from "@/lib/api/openapi/build-openapi";
import { OPERATIONS } from "@/lib/api/openapi/operations";
import { messageObject, messageWithHistory, verificationObject } from "@/lib/api/openapi/resources";
import { serializeVerification } from "@/lib/verify/serialize-verification";

const V1 = path.resolve(import.meta.dirname, "../../app/api/v1");

function routes(dir: string, prefix = "/api/v1"): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    if (entry.isDirectory()) return routes(path.join(dir, entry.name), `${prefix}/${entry.name.replace(/^\[(.+)\]$/, "{$1}")}`);
    if (entry.name !== "route.ts" || prefix.endsWith("openapi.json")) return [];
    const source = readFileSync(path.join(dir, entry.name), "utf8");
    return [...source.matchAll(/export const (GET|POST|DELETE|PATCH|PUT)\b/g)].map((m) => `${m[1]!.toLowerCase()} ${prefix}`);
  });
}

const at = new Date("2026-11-22T10:00:00Z");
const message = {
  id: "msg_01jf000000000000000000000a", direction: "OUTBOUND", status: "DELIVERED", from: "+14155550100", to: "+14155550123", body: "Hi",
  mediaIds: [], encoding: "GSM-7", segments: 1, priceMicros: 7900, marketing: true, contactId: "ct_1", statusCallback: null, errorCode: null,
  errorMessage: null, sendAt: null, createdAt: at, updatedAt: at, sentAt: at, deliveredAt: at, failedAt: null, receivedAt: null,
} as const;

describe("the OpenAPI document", () => {
  it("documents every REST v1 route and nothing that does not exist", () => {
    const documented = OPERATIONS.map((op) => `${op.method} ${op.path}`).sort();
    expect(documented).toEqual(routes(V1).sort());
  });

  it("is OpenAPI 3.1 with a path per operation, request schemas refusing unknown fields, and error responses", () => {
    const doc = buildOpenApi("https://sms.example.com");
    expect(doc.openapi).toBe("3.1.0");
    const send = doc.paths["/api/v1/messages"]!.post as { requestBody: { content: { "application/json": { schema: { additionalProperties: boolean; required: string[] } } } }; responses: Record<string, unknown> };
    expect(send.requestBody.content["application/json"].schema).toMatchObject({ additionalProperties: false, required: ["to"] });
    expect(Object.keys(send.responses)).toEqual(expect.arrayContaining(["201", "400", "401", "403", "429"]));
  });

  it("describes exactly what the serialisers send", () => {
    expect(() => messageObject.parse(serializeMessage(message))).not.toThrow();
    expect(() => messageWithHistory.parse(serializeMessageWithHistory({ ...message, events: [{ status: "QUEUED", errorCode: null, errorMessage: null, occurredAt: at }] }))).not.toThrow();
    const verification = { id: "ver_1", orgId: "org_1", to: "+14155550123", channel: "sms", codeHash: "h", status: "PENDING", sends: 1, checks: 0, expiresAt: at, approvedAt: null, createdAt: at, updatedAt: at } as const;
    expect(() => verificationObject.parse(serializeVerification(verification))).not.toThrow();
  });
});
