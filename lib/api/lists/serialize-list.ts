// A list as the API shows it: snake_case, its member count, ISO 8601 UTC times.
import type { ContactList } from "@/lib/generated/prisma/client";

export type SerializableList = Pick<ContactList, "id" | "name" | "createdAt" | "updatedAt"> & { memberCount: number };

export function serializeList(l: SerializableList) {
  return {
    id: l.id,
    object: "list" as const,
    name: l.name,
    member_count: l.memberCount,
    created_at: l.createdAt.toISOString(),
    updated_at: l.updatedAt.toISOString(),
  };
}
