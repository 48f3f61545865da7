// POST /api/v1/verifications/{id}/cancel: cancels a pending verification; its code stops working.
import { apiRoute } from "@/lib/api/api-route";
import { cancelVerification } from "@/lib/verify/cancel-verification";
import { serializeVerification } from "@/lib/verify/serialize-verification";

export const POST = apiRoute<{ id: string }>("verify", async ({ ctx, params }) => ({
  status: 200,
  body: serializeVerification(await cancelVerification(ctx, { id: params.id })),
}));
