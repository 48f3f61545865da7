// What org B's API key gets when it names org A's rows, for every operation of the public APIs
// (api/tenant-isolation.test.ts): each REST v1 operation of lib/api/openapi (the paths of
// /api/v1/openapi.json) and each Twilio-compatible route, keyed "METHOD path" as the OpenAPI
// document spells paths. A new operation fails that test until it has an entry here: usually
// `notFound({ id: f.someRowOfA })`; for a collection, `ok(...)` (nothing of A may show in it).
import { expect } from "vitest";
import { mediaBytes } from "@/tests/support/media-fixtures";
import type { Fixture } from "./tenant-fixture";

export interface ApiFixture extends Fixture {
  accountSidA: string;
  accountSidB: string;
  verificationA: string;
  verificationAPhone: string;
  /** Org A's messages as Twilio path segments ("SM....json"). */
  messageSegmentA: string;
  scheduledSegmentA: string;
}

export interface ApiCase {
  /** Path parameters by name; a Twilio route's accountSid is org B's unless given. */
  params?: Record<string, string>;
  query?: string;
  /** A JSON value (REST), a form string (Twilio) or FormData (an upload). */
  body?: unknown;
  status: number;
  /** The refusal: REST's error code or Twilio's numeric one, and the parameter it names (REST). */
  code?: string | number;
  param?: string | null;
  /** More checks of a successful answer (it is always scanned for org A's ids and secrets). */
  check?: (body: Record<string, unknown>) => void;
}

type Request = Pick<ApiCase, "params" | "query" | "body">;
const notFound = (params: Record<string, string>, more: Request & { param?: string } = {}): ApiCase => ({ params, status: 404, code: "not_found", param: "id", ...more });
const ok = (status: number, request: Request = {}, check?: ApiCase["check"]): ApiCase => ({ ...request, status, check });
const refused = (status: number, code: string | number, param: string | null | undefined, request: Request): ApiCase => ({ ...request, status, code, param });
const twilioNotFound = (sid: string, request: Request = {}): ApiCase => ({ params: { sid }, ...request, status: 404, code: 20404 });
const dataOf = (body: Record<string, unknown>) => body.data as Record<string, unknown>[];
const upload = () => {
  const form = new FormData();
  form.append("file", new File([mediaBytes("png", 200) as BlobPart], "b.png", { type: "image/png" }));
  return form;
};

export const API_CASES: Record<string, (f: ApiFixture) => ApiCase[]> = {
  // Messages: A's sender and A's media are unknown to B; A's messages are not found.
  "POST /api/v1/messages": (f) => [
    refused(400, "unknown_sender", "from", { body: { to: f.contactAPhone, from: f.senderAAddress, body: "From A's number" } }),
    refused(400, "media_not_found", "media_ids", { body: { to: f.contactAPhone, body: "A's picture", media_ids: [f.mediaA] } }),
  ],
  "POST /api/v1/messages/batch": (f) => [
    ok(200, { body: { messages: [{ to: f.contactAPhone, from: f.senderAAddress, body: "From A's number" }] } }, (body) =>
      expect(body).toMatchObject({ accepted: 0, failed: 1, data: [{ index: 0, error: { code: "unknown_sender", param: "from" } }] }),
    ),
  ],
  // Lists are scanned for A's ids (B's own texts to A's numbers may be there).
  "GET /api/v1/messages": (f) => [ok(200), ok(200, { query: `?to=${encodeURIComponent(f.contactAPhone)}` })],
  "GET /api/v1/messages/{id}": (f) => [notFound({ id: f.messageA }), notFound({ id: f.scheduledA })],
  "POST /api/v1/messages/{id}/cancel": (f) => [notFound({ id: f.scheduledA })],
  // Nothing of A's to name: B's upload goes to B.
  "POST /api/v1/media": () => [ok(201, { body: upload() })],

  // Verifications: A's are not found, by id or by A's number (B's own starts on another of A's numbers).
  "POST /api/v1/verifications": (f) => [ok(201, { body: { to: f.contactAPhone, channel: "sms" } })],
  "POST /api/v1/verifications/check": (f) => [refused(404, "not_found", "to", { body: { to: f.verificationAPhone, code: "000000" } })],
  "GET /api/v1/verifications/{id}": (f) => [notFound({ id: f.verificationA })],
  "POST /api/v1/verifications/{id}/cancel": (f) => [notFound({ id: f.verificationA })],

  // Contacts: A's number is free for B's own contact; A's contacts and lists are not found.
  "POST /api/v1/contacts": (f) => [ok(201, { body: { phone: f.contactAPhone, first_name: "B's own" } })],
  "POST /api/v1/contacts/upsert": (f) => [ok(200, { body: { phone: f.contactAPhone, first_name: "B's again" } })],
  "GET /api/v1/contacts": (f) => [
    ok(200, {}, (body) => expect(dataOf(body).length).toBeGreaterThan(0)),
    ok(200, { query: "?search=secretalice" }, (body) => expect(dataOf(body)).toEqual([])),
    notFound({}, { query: `?list_id=${f.listA}`, param: "list_id" }),
  ],
  "GET /api/v1/contacts/{id}": (f) => [notFound({ id: f.contactA })],
  "PATCH /api/v1/contacts/{id}": (f) => [notFound({ id: f.contactA }, { body: { first_name: "Mallory" } })],
  "DELETE /api/v1/contacts/{id}": (f) => [notFound({ id: f.contactA })],
  "POST /api/v1/contacts/{id}/opt_out": (f) => [notFound({ id: f.contactA })],
  "POST /api/v1/contacts/{id}/opt_in": (f) => [notFound({ id: f.contactA })],

  // Events: A's contact is not found by id; by A's number the event is about B's own contact (made for it).
  "POST /api/v1/events": (f) => [
    refused(404, "not_found", "contact.id", { body: { name: "order.placed", contact: { id: f.contactA } } }),
    ok(202, { body: { name: "order.placed", contact: { phone: f.contactAPhone } } }, (body) => expect(body.contact_id).not.toBe(f.contactA)),
  ],

  "GET /api/v1/lists": () => [ok(200, {}, (body) => expect(dataOf(body).length).toBeGreaterThan(0))],
  "POST /api/v1/lists": (f) => [ok(201, { body: { name: f.listAName } })],
  "GET /api/v1/lists/{id}": (f) => [notFound({ id: f.listA })],
  "PATCH /api/v1/lists/{id}": (f) => [notFound({ id: f.listA }, { body: { name: "Renamed by B" } })],
  "DELETE /api/v1/lists/{id}": (f) => [notFound({ id: f.listA })],
  "GET /api/v1/lists/{id}/contacts": (f) => [notFound({ id: f.listA })],
  "POST /api/v1/lists/{id}/contacts": (f) => [
    notFound({ id: f.listA }, { body: { contact_ids: [f.contactB] } }),
    // B's own list with A's contact: the contact is not found either.
    notFound({ id: f.listB }, { body: { contact_ids: [f.contactA] }, param: "contact_ids" }),
  ],
  "POST /api/v1/lists/{id}/contacts/remove": (f) => [
    notFound({ id: f.listA }, { body: { contact_ids: [f.contactA] } }),
    ok(200, { params: { id: f.listB }, body: { contact_ids: [f.contactA] } }, (body) => expect(body.removed).toBe(0)),
  ],

  // Segments: A's are not found; B's rules cannot name A's list; B's exports (CSV, scanned like any
  // answer) never hold A's contacts.
  "GET /api/v1/segments": () => [ok(200)],
  "POST /api/v1/segments": (f) => [
    ok(201, { body: { name: f.segmentAName, definition: { root: { type: "group", match: "all", rules: [] } } } }),
    refused(400, "invalid_parameter", "definition.root.rules[0].value", {
      body: { name: "A's list", definition: { root: { type: "group", match: "all", rules: [{ type: "condition", field: "lists", operator: "in", value: [f.listA] }] } } },
    }),
  ],
  "GET /api/v1/segments/{id}": (f) => [notFound({ id: f.segmentA })],
  "PATCH /api/v1/segments/{id}": (f) => [notFound({ id: f.segmentA }, { body: { name: "Renamed by B" } })],
  "DELETE /api/v1/segments/{id}": (f) => [notFound({ id: f.segmentA })],
  "POST /api/v1/segments/{id}/count": (f) => [notFound({ id: f.segmentA })],
  "GET /api/v1/segments/{id}/contacts": (f) => [notFound({ id: f.segmentA })],
  "GET /api/v1/segments/{id}/export": (f) => [notFound({ id: f.segmentA })],
  "GET /api/v1/contacts/export": (f) => [
    ok(200),
    notFound({}, { query: `?list_id=${f.listA}`, param: "list_id" }),
    notFound({}, { query: `?segment_id=${f.segmentA}`, param: "segment_id" }),
  ],

  // Campaigns: A's are not found by any operation; B's draft cannot name A's list, segment or sender
  // (refused as unknown ones, naming where); B's list shows none of A's.
  "GET /api/v1/campaigns": () => [ok(200, {}, (body) => expect(dataOf(body)).toEqual([]))],
  "POST /api/v1/campaigns": (f) => {
    const draft = (listId: string, senderId: string, segmentIds: string[] = []) => ({
      body: { name: "Campaign of B", body: "Hello", audience: { include: { list_ids: [listId], segment_ids: segmentIds } }, sender_ids: [senderId] },
    });
    return [
      refused(400, "invalid_parameter", "audience.include.list_ids[0]", draft(f.listA, f.senderB)),
      refused(400, "unknown_sender", "sender_ids", draft(f.listB, f.senderA)),
      refused(400, "invalid_parameter", "audience.include.segment_ids[0]", draft(f.listB, f.senderB, [f.segmentA])),
    ];
  },
  "GET /api/v1/campaigns/{id}": (f) => [notFound({ id: f.campaignA })],
  "GET /api/v1/campaigns/{id}/plan": (f) => [notFound({ id: f.campaignA })],
  "GET /api/v1/campaigns/{id}/stats": (f) => [notFound({ id: f.campaignA }), notFound({ id: f.campaignA }, { query: "?reply_days=30" })],
  "POST /api/v1/campaigns/{id}/schedule": (f) => [notFound({ id: f.campaignA }), notFound({ id: f.campaignA }, { body: { schedule: { kind: "now" } } })],
  "POST /api/v1/campaigns/{id}/pause": (f) => [notFound({ id: f.campaignA })],
  "POST /api/v1/campaigns/{id}/resume": (f) => [notFound({ id: f.campaignA })],
  "POST /api/v1/campaigns/{id}/cancel": (f) => [notFound({ id: f.campaignA })],

  // Webhook endpoints and their deliveries: A's are not found; B's list never shows A's; B's new
  // endpoint is B's own (a public literal address: nothing is resolved or delivered).
  "GET /api/v1/webhook_endpoints": () => [ok(200)],
  "POST /api/v1/webhook_endpoints": () => [ok(201, { body: { url: "https://93.184.216.34/hooks-of-b", event_types: ["message.delivered"] } })],
  "GET /api/v1/webhook_endpoints/{id}": (f) => [notFound({ id: f.endpointA })],
  "PATCH /api/v1/webhook_endpoints/{id}": (f) => [notFound({ id: f.endpointA }, { body: { enabled: false } })],
  "DELETE /api/v1/webhook_endpoints/{id}": (f) => [notFound({ id: f.endpointA })],
  "POST /api/v1/webhook_endpoints/{id}/rotate_secret": (f) => [notFound({ id: f.endpointA })],
  "GET /api/v1/webhook_endpoints/{id}/deliveries": (f) => [notFound({ id: f.endpointA })],
  "GET /api/v1/webhook_deliveries/{id}": (f) => [notFound({ id: f.deliveryA })],
  "POST /api/v1/webhook_deliveries/{id}/replay": (f) => [notFound({ id: f.deliveryA })],

  // Twilio-compatible, under B's own AccountSid (A's is refused first: see the test).
  "POST /2010-04-01/Accounts/{accountSid}/Messages.json": (f) => [
    refused(400, 21606, undefined, { body: `To=${encodeURIComponent(f.contactAPhone)}&From=${encodeURIComponent(f.senderAAddress)}&Body=Hi` }),
  ],
  "GET /2010-04-01/Accounts/{accountSid}/Messages.json": (f) => [
    ok(200, {}),
    ok(200, { query: `?To=${encodeURIComponent(f.contactAPhone)}` }, (body) =>
      expect((body.messages as { account_sid: string }[]).every((m) => m.account_sid === f.accountSidB)).toBe(true),
    ),
  ],
  "GET /2010-04-01/Accounts/{accountSid}/Messages/{sid}": (f) => [twilioNotFound(f.messageSegmentA)],
  "POST /2010-04-01/Accounts/{accountSid}/Messages/{sid}": (f) => [twilioNotFound(f.scheduledSegmentA, { body: "Status=canceled" })],
  "DELETE /2010-04-01/Accounts/{accountSid}/Messages/{sid}": (f) => [twilioNotFound(f.messageSegmentA)],
};
