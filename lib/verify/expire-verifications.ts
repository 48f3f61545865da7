// Verifications expire lazily: whoever reads one first after its expiresAt marks it EXPIRED, in one
// conditional update, so a code can never be checked past its time and no job is needed for it.
import type { ScopedTx } from "@/lib/org-context";

export function expireDueVerifications(db: ScopedTx, where: { id: string } | { to: string }, now: Date = new Date()) {
  return db.verification.updateMany({ where: { ...where, status: "PENDING", expiresAt: { lte: now } }, data: { status: "EXPIRED" } });
}
