// One verification by id, marked EXPIRED first if its time has passed.
import { notFound } from "@/lib/errors";
import type { OrgContext } from "@/lib/org-context";
import { expireDueVerifications } from "@/lib/verify/expire-verifications";
import { verificationIdInput } from "@/lib/verify/verification-input";

export async function getVerification(ctx: OrgContext, raw: { id: string }) {
  const { id } = verificationIdInput.parse(raw);
  await expireDueVerifications(ctx.db, { id });
  const verification = await ctx.db.verification.findUnique({ where: { id } });
  if (!verification) throw notFound("Verification", "id");
  return verification;
}
