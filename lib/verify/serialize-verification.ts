// A verification as the outside world sees it (REST responses and webhook payloads): snake_case,
// lower-case status, ISO 8601 UTC times, and never the code or its hash.
import type { Verification } from "@/lib/generated/prisma/client";

const iso = (value: Date | null) => (value ? value.toISOString() : null);

export function serializeVerification(v: Verification) {
  return {
    id: v.id,
    object: "verification" as const,
    to: v.to,
    channel: v.channel,
    status: v.status.toLowerCase(),
    sends: v.sends,
    checks: v.checks,
    expires_at: v.expiresAt.toISOString(),
    approved_at: iso(v.approvedAt),
    created_at: v.createdAt.toISOString(),
  };
}
