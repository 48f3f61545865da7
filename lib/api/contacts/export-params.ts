// The query of GET /api/v1/contacts/export (and of the UI's download route): one list, one segment,
// or every contact narrowed by a search; mapped to the domain's ContactSource here.
import { z } from "zod";
import type { ContactSource } from "@/lib/contacts/contact-source";
import { listContactsInput } from "@/lib/contacts/contact-input";

const id = z.string().trim().min(1).max(64);

export const exportContactsParams = z
  .strictObject({
    list_id: id.optional().describe("Only this list's members"),
    segment_id: id.optional().describe("Only this segment's contacts (as it is now)"),
    search: listContactsInput.shape.search.describe("Every contact whose name, phone number or email contains this (not with list_id or segment_id)"),
  })
  .refine((q) => [q.list_id, q.segment_id, q.search].filter(Boolean).length <= 1, { message: "Give at most one of list_id, segment_id and search", path: ["list_id"] });

export function toContactSource(q: z.output<typeof exportContactsParams>): ContactSource {
  if (q.list_id) return { kind: "list", listId: q.list_id };
  if (q.segment_id) return { kind: "segment", segmentId: q.segment_id };
  return { kind: "view", search: q.search };
}
