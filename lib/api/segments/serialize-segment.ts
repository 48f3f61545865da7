// A segment as the API shows it: snake_case, its definition in the API's names, ISO 8601 UTC times.
// No count: a count is evaluated on demand (POST /segments/{id}/count), never stored.
import { serializeSegmentDefinition } from "@/lib/api/segments/segment-definition-params";
import type { Segment } from "@/lib/generated/prisma/client";
import type { SegmentDefinition } from "@/lib/segments/rule-model";

export type SerializableSegment = Pick<Segment, "id" | "name" | "description" | "createdAt" | "updatedAt"> & { definition: SegmentDefinition };

export function serializeSegment(s: SerializableSegment) {
  return {
    id: s.id,
    object: "segment" as const,
    name: s.name,
    description: s.description,
    definition: serializeSegmentDefinition(s.definition),
    created_at: s.createdAt.toISOString(),
    updated_at: s.updatedAt.toISOString(),
  };
}
