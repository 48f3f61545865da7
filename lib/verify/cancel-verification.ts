// Cancels a pending verification (the user gave up, or the app wants no more checks of its code).
// Only a PENDING one, by a conditional update, so a cancel racing an approving check is one or the
// other, never both.
import { recordAudit } from "@/lib/audit/record-audit";
import { DomainError, notFound } from "@/lib/errors";
import type { OrgContext } from "@/lib/org-context";
import { expireDueVerifications } from "@/lib/verify/expire-verifications";
import { verificationIdInput } from "@/lib/verify/verification-input";

export async function cancelVerification(ctx: OrgContext, raw: { id: string }) {
  const { id } = verificationIdInput.parse(raw);
  await expireDueVerifications(ctx.db, { id });
  return ctx.db.$transaction(async (tx) => {
    const moved = await tx.verification.updateMany({ where: { id, status: "PENDING" }, data: { status: "CANCELED" } });
    const verification = await tx.verification.findUnique({ where: { id } });
    if (!verification) throw notFound("Verification", "id");
    if (moved.count === 0) {
      throw new DomainError("CONFLICT", `Only pending verifications can be canceled; this one is ${verification.status.toLowerCase()}`, "id", "verification_not_pending");
    }
    await recordAudit(ctx, tx, { action: "verification.canceled", targetType: "verification", targetId: id, changes: { status: { from: "PENDING", to: "CANCELED" } } });
    return verification;
  });
}
