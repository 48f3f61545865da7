// POST /api/v1/verifications: texts a verification code (201 when a new verification is opened,
// 200 when the pending one for that number is resent with a new code).
import { apiRoute } from "@/lib/api/api-route";
import { parseJsonBody } from "@/lib/api/parse-input";
import { startVerificationParams, toStartVerificationInput } from "@/lib/api/verifications/verification-params";
import { serializeVerification } from "@/lib/verify/serialize-verification";
import { startVerification } from "@/lib/verify/start-verification";

export const POST = apiRoute("verify", async ({ ctx, body }) => {
  const { verification, created } = await startVerification(ctx, toStartVerificationInput(parseJsonBody(startVerificationParams, body)));
  return { status: created ? 201 : 200, body: serializeVerification(verification) };
});
