// Sends a verification code. Like Twilio Verify, a second request for a number with a pending,
// unexpired verification resends that same verification with a NEW code (the old one stops
// working) rather than opening another: one pending verification per number, at most MAX_SENDS
// texts each, and a token bucket per number across verifications against SMS pumping.
//
// The code is texted as a transactional message (marketing: false), so it reaches a number that
// opted out of marketing; the user asked for it, which is why Twilio Verify sends those too.
import { takeToken } from "@/lib/rate-limit/rate-limit";
import { DomainError } from "@/lib/errors";
import type { Verification } from "@/lib/generated/prisma/client";
import { newId } from "@/lib/ids";
import { sendOne } from "@/lib/messaging/send-one";
import type { OrgContext, ScopedTx } from "@/lib/org-context";
import { expireDueVerifications } from "@/lib/verify/expire-verifications";
import { generateCode, hashCode } from "@/lib/verify/verification-code";
import { CODE_PLACEHOLDER, MAX_SENDS, startVerificationInput, type StartVerificationInput } from "@/lib/verify/verification-input";
import { verificationRecipient } from "@/lib/verify/verification-recipient";

/** Codes texted to one number, whatever the verification: 5 per 10 minutes, refilled steadily. */
const PHONE_SEND_LIMIT = { burst: 5, rate: 5 / 600 };

interface Reserved {
  verification: Verification;
  /** What a resend replaced, to put back if the text cannot be sent; null for a new verification. */
  previous: Pick<Verification, "codeHash" | "expiresAt"> | null;
}

export async function startVerification(ctx: OrgContext, raw: StartVerificationInput): Promise<{ verification: Verification; created: boolean }> {
  const input = startVerificationInput.parse(raw);
  const { to, orgName } = await verificationRecipient(ctx, input.to);
  const code = generateCode(input.codeLength);
  const reserved = await ctx.db.$transaction((tx) => reserve(ctx, tx, to, code, input.expiryMinutes));
  const body = input.template
    ? input.template.replaceAll(CODE_PLACEHOLDER, code)
    : `Your ${orgName} verification code is ${code}. It expires in ${input.expiryMinutes} minute${input.expiryMinutes === 1 ? "" : "s"}.`;
  try {
    await sendOne(ctx, { to, body, marketing: false, secret: code, mergeFields: false }, "api");
  } catch (error) {
    await release(ctx, reserved);
    throw error;
  }
  return { verification: reserved.verification, created: reserved.previous === null };
}

/** Creates the verification or gives the pending one the new code, counting the send. */
async function reserve(ctx: OrgContext, tx: ScopedTx, to: string, code: string, expiryMinutes: number): Promise<Reserved> {
  // Serialises sends to one number of the org, so two concurrent requests cannot both find no
  // pending verification and open two. The org goes as a parameter of its own (the key is the same
  // text): the scoped client refuses raw SQL that does not bind it.
  await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtextextended('verify:' || ${ctx.orgId}::text || ':' || ${to}::text, 0))`;
  const now = new Date();
  await expireDueVerifications(tx, { to }, now);
  const pending = await tx.verification.findFirst({ where: { to, status: "PENDING" }, orderBy: { id: "desc" } });
  if (pending && pending.sends >= MAX_SENDS) {
    throw new DomainError("CONFLICT", `This verification has been sent ${MAX_SENDS} times, the most allowed; wait for it to expire or cancel it`, "to", "max_send_attempts_reached");
  }
  // Inside the transaction: a send refused above takes no token, and tokens are per org and number.
  const limit = await takeToken(tx, `verify:${to}`, PHONE_SEND_LIMIT, ctx.orgId);
  if (!limit.allowed) {
    throw new DomainError("BAD_REQUEST", `Too many verification codes sent to ${to}: retry in ${limit.retryAfterSeconds} s`, "to", "rate_limited");
  }
  // A resend restarts the clock: the new code gets its full lifetime to be typed in.
  const expiresAt = new Date(now.getTime() + expiryMinutes * 60_000);
  if (pending) {
    const verification = await tx.verification.update({
      where: { id: pending.id },
      data: { codeHash: hashCode(pending.id, code), sends: { increment: 1 }, expiresAt },
    });
    return { verification, previous: { codeHash: pending.codeHash, expiresAt: pending.expiresAt } };
  }
  const id = newId("verification", now);
  const verification = await tx.verification.create({
    data: { id, orgId: ctx.orgId, to, channel: "sms", codeHash: hashCode(id, code), sends: 1, expiresAt, createdAt: now },
  });
  return { verification, previous: null };
}

/** Undoes a reservation whose text was refused, unless something else has changed it since. */
async function release(ctx: OrgContext, { verification, previous }: Reserved) {
  const mine = { id: verification.id, codeHash: verification.codeHash };
  if (!previous) await ctx.db.verification.deleteMany({ where: mine });
  else await ctx.db.verification.updateMany({ where: mine, data: { ...previous, sends: { decrement: 1 } } });
}
