// GET /api/v1/verifications/{id}: one verification (never its code).
import { apiRoute } from "@/lib/api/api-route";
import { getVerification } from "@/lib/verify/get-verification";
import { serializeVerification } from "@/lib/verify/serialize-verification";

export const GET = apiRoute<{ id: string }>("verify", async ({ ctx, params }) => ({
  status: 200,
  body: serializeVerification(await getVerification(ctx, { id: params.id })),
}));
