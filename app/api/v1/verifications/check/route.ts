// POST /api/v1/verifications/check: checks a code against the number's pending verification;
// 200 with status approved (right), pending (wrong, checks left) or canceled (wrong, none left).
import { apiRoute } from "@/lib/api/api-route";
import { parseJsonBody } from "@/lib/api/parse-input";
import { checkVerification } from "@/lib/verify/check-verification";
import { checkVerificationInput } from "@/lib/verify/verification-input";
import { serializeVerification } from "@/lib/verify/serialize-verification";

export const POST = apiRoute("verify", async ({ ctx, body }) => ({
  status: 200,
  body: serializeVerification(await checkVerification(ctx, parseJsonBody(checkVerificationInput, body))),
}));
