// The Segments operations of REST v1, and the contacts export (see operations.ts, which lists them
// with the rest). Definitions are the rule model in the API's names (lib/api/segments/segment-definition-params.ts).
import { z } from "zod";
import { exportContactsParams } from "@/lib/api/contacts/export-params";
import type { ApiOperation } from "@/lib/api/openapi/operations";
import { contactList, deletedObject, segmentCount, segmentList, segmentObject } from "@/lib/api/openapi/resources";
import { createSegmentParams, pageSegmentsParams, segmentContactsParams, updateSegmentParams } from "@/lib/api/segments/segment-params";

const segmentId = z.object({ id: z.string().describe("The segment's id") });

// A nested example: opted-in VIPs or big spenders, in California or New York, who replied in the last 30 days.
export const SEGMENT_EXAMPLE = {
  name: "Engaged VIPs on the coasts",
  description: "Opted in, VIP or 500+ points, CA or NY, replied in the last 30 days",
  definition: {
    time_zone: "America/Los_Angeles",
    root: {
      type: "group",
      match: "all",
      rules: [
        { type: "condition", field: "consent.status", operator: "is_any_of", value: ["opted_in"] },
        {
          type: "group",
          match: "any",
          rules: [
            { type: "condition", field: "tags", operator: "has_any", value: ["vip"] },
            { type: "condition", field: "custom.points", operator: "gte", value: 500 },
          ],
        },
        { type: "condition", field: "location.state", operator: "is_any_of", value: ["CA", "NY"] },
        { type: "condition", field: "engagement.replied", operator: "in_last_days", value: 30 },
      ],
    },
  },
};

const CSV = { status: 200, schema: z.string().describe("CSV, UTF-8 with a byte order mark"), description: "The contacts as CSV (streamed)", contentType: "text/csv" } as const;
const CSV_COLUMNS =
  "One row per contact, newest first; columns id, phone, first_name, last_name, email, time_zone, tags and lists (names, joined with \", \"), subscription_status, subscribed_at, unsubscribed_at, unsubscribe_source, consent_source (of the latest consent change), created_at, updated_at, then one column per custom field by its key. Text that a spreadsheet would run as a formula (starting with = + - @) gets a leading apostrophe.";

export const SEGMENT_OPERATIONS: ApiOperation[] = [
  {
    id: "listSegments",
    method: "get",
    path: "/api/v1/segments",
    tag: "Segments",
    summary: "List segments",
    description: "Newest first, with their definitions (no counts: count one with its count operation). Page with `limit` and `starting_after`.",
    scope: "contacts:read",
    query: pageSegmentsParams,
    response: { status: 200, schema: segmentList, description: "A page of segments" },
  },
  {
    id: "createSegment",
    method: "post",
    path: "/api/v1/segments",
    tag: "Segments",
    summary: "Create a segment",
    description:
      "A saved set of rules, evaluated each time it is used (always current). Groups match `all` or `any` of their rules and nest up to 5 levels; each condition names a field, an operator its type takes and a value (see [Segment rules](#segment-rules)). A rule that cannot work is 400 with `param` naming it, e.g. `definition.root.rules[1].rules[0].field`. Names are unique (409 `segment_exists`).",
    scope: "contacts:write",
    body: createSegmentParams,
    response: { status: 201, schema: segmentObject, description: "The segment" },
    conflict: "`segment_exists`: a segment has that name",
    example: SEGMENT_EXAMPLE,
  },
  {
    id: "getSegment",
    method: "get",
    path: "/api/v1/segments/{id}",
    tag: "Segments",
    summary: "Get a segment",
    description: "The segment and its definition.",
    scope: "contacts:read",
    pathParams: segmentId,
    response: { status: 200, schema: segmentObject, description: "The segment" },
  },
  {
    id: "updateSegment",
    method: "patch",
    path: "/api/v1/segments/{id}",
    tag: "Segments",
    summary: "Update a segment",
    description: "Only the fields sent change; a `definition` replaces the whole definition. Names are unique (409 `segment_exists`).",
    scope: "contacts:write",
    pathParams: segmentId,
    body: updateSegmentParams,
    response: { status: 200, schema: segmentObject, description: "The segment" },
    conflict: "`segment_exists`: another segment has that name",
    example: { name: "Engaged VIPs" },
  },
  {
    id: "deleteSegment",
    method: "delete",
    path: "/api/v1/segments/{id}",
    tag: "Segments",
    summary: "Delete a segment",
    description: "The segment goes; its contacts stay.",
    scope: "contacts:write",
    pathParams: segmentId,
    response: { status: 200, schema: deletedObject("segment"), description: "What was deleted" },
  },
  {
    id: "countSegment",
    method: "post",
    path: "/api/v1/segments/{id}/count",
    tag: "Segments",
    summary: "Count a segment's contacts",
    description: "How many contacts meet the segment's rules now. Nothing is stored or changed.",
    scope: "contacts:read",
    pathParams: segmentId,
    response: { status: 200, schema: segmentCount, description: "The count" },
  },
  {
    id: "listSegmentContacts",
    method: "get",
    path: "/api/v1/segments/{id}/contacts",
    tag: "Segments",
    summary: "List a segment's contacts",
    description: "The contacts that meet the segment's rules now, newest first. Page with `limit` and `starting_after`.",
    scope: "contacts:read",
    pathParams: segmentId,
    query: segmentContactsParams,
    response: { status: 200, schema: contactList, description: "A page of contacts" },
  },
  {
    id: "exportSegmentContacts",
    method: "get",
    path: "/api/v1/segments/{id}/export",
    tag: "Segments",
    summary: "Export a segment's contacts as CSV",
    description: `The contacts that meet the segment's rules now, streamed. ${CSV_COLUMNS}`,
    scope: "contacts:read",
    pathParams: segmentId,
    response: CSV,
  },
  {
    id: "exportContacts",
    method: "get",
    path: "/api/v1/contacts/export",
    tag: "Contacts",
    summary: "Export contacts as CSV",
    description: `Every contact, a list's (\`list_id\`), a segment's (\`segment_id\`) or those matching \`search\`, streamed. ${CSV_COLUMNS}`,
    scope: "contacts:read",
    query: exportContactsParams,
    response: CSV,
  },
];
