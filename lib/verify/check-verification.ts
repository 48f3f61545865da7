// Checks a code against the latest verification of a number. Each check is counted before the
// comparison, by a conditional update, so concurrent guesses share the MAX_CHECKS between them;
// the guess that uses up the last check wrongly cancels the verification. The comparison is of
// HMACs in constant time (verification-code.ts).
import { DomainError } from "@/lib/errors";
import type { Verification } from "@/lib/generated/prisma/client";
import type { OrgContext } from "@/lib/org-context";
import { expireDueVerifications } from "@/lib/verify/expire-verifications";
import { serializeVerification } from "@/lib/verify/serialize-verification";
import { codeMatches } from "@/lib/verify/verification-code";
import { checkVerificationInput, MAX_CHECKS, type CheckVerificationInput } from "@/lib/verify/verification-input";
import { verificationRecipient } from "@/lib/verify/verification-recipient";
import { enqueueWebhookEvents } from "@/lib/webhooks/enqueue-webhook-events";

/** Why the latest verification of `to` cannot be checked, or null when it is pending. */
function refusal(to: string, latest: Verification | null): DomainError | null {
  if (!latest) return new DomainError("NOT_FOUND", `No verification was sent to ${to}`, "to", "not_found");
  switch (latest.status) {
    case "PENDING":
      return null;
    case "EXPIRED":
      return new DomainError("NOT_FOUND", `The verification for ${to} has expired; send a new code`, "to", "verification_expired");
    case "CANCELED":
      if (latest.checks >= MAX_CHECKS) {
        return new DomainError("CONFLICT", `The verification for ${to} was canceled after ${MAX_CHECKS} wrong codes; send a new code`, "to", "max_check_attempts_reached");
      }
      return new DomainError("NOT_FOUND", `The verification for ${to} was canceled; send a new code`, "to", "not_found");
    case "APPROVED":
      return new DomainError("NOT_FOUND", `The verification for ${to} is already approved; send a new code to verify again`, "to", "not_found");
  }
}

export async function checkVerification(ctx: OrgContext, raw: CheckVerificationInput): Promise<Verification> {
  const input = checkVerificationInput.parse(raw);
  const { to } = await verificationRecipient(ctx, input.to);
  const now = new Date();
  await expireDueVerifications(ctx.db, { to }, now);
  const latest = await ctx.db.verification.findFirst({ where: { to }, orderBy: { id: "desc" } });
  const refused = refusal(to, latest);
  if (refused) throw refused;

  const { id } = latest!;
  const counted = await ctx.db.verification.updateMany({
    where: { id, status: "PENDING", checks: { lt: MAX_CHECKS }, expiresAt: { gt: now } },
    data: { checks: { increment: 1 } },
  });
  // Another request moved it between the read and the count (approved, canceled, expired).
  const current = await ctx.db.verification.findUniqueOrThrow({ where: { id } });
  if (counted.count === 0) {
    // Still PENDING means another request's check used the last attempt and has yet to cancel, or it just expired.
    const settled = current.status !== "PENDING" ? current.status : current.checks >= MAX_CHECKS ? "CANCELED" : "EXPIRED";
    throw refusal(to, { ...current, status: settled })!;
  }

  // Against the hash as it is now: a resend in between replaced the code, and only the new one counts.
  if (codeMatches(id, input.code, current.codeHash)) return approve(ctx, current, now);
  if (current.checks < MAX_CHECKS) return current;
  await ctx.db.verification.updateMany({ where: { id, status: "PENDING" }, data: { status: "CANCELED" } });
  return ctx.db.verification.findUniqueOrThrow({ where: { id } });
}

/** Approves the verification and queues its verification.approved webhooks in the same transaction. */
async function approve(ctx: OrgContext, verification: Verification, now: Date): Promise<Verification> {
  return ctx.db.$transaction(async (tx) => {
    const moved = await tx.verification.updateMany({
      where: { id: verification.id, status: "PENDING", expiresAt: { gt: now } },
      data: { status: "APPROVED", approvedAt: now },
    });
    const current = await tx.verification.findUniqueOrThrow({ where: { id: verification.id } });
    if (moved.count === 1) {
      const event = { orgId: ctx.orgId, type: "verification.approved" as const, subjectId: current.id, occurredAt: now, data: serializeVerification(current) };
      await enqueueWebhookEvents(tx, [event]);
    }
    return current;
  });
}
