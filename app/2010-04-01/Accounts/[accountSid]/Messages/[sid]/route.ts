// Twilio-compatible `.../Messages/{Sid}.json` (the segment arrives as "SM....json"): GET fetches,
// POST with Status=canceled cancels a scheduled message, DELETE deletes a finished one.
import { cancelMessage } from "@/lib/messaging/cancel-message";
import { getMessage } from "@/lib/messaging/get-message";
import { deleteMessage } from "@/lib/twilio-api/delete-message";
import { messageIdFromSegment } from "@/lib/twilio-api/message-by-sid";
import { readUpdateParams } from "@/lib/twilio-api/update-params";
import { twilioMessage } from "@/lib/twilio-api/serialize-message";
import { twilioRoute } from "@/lib/twilio-api/twilio-route";

type Params = { accountSid: string; sid: string };

export const GET = twilioRoute<Params>("messages:read", async ({ ctx, params }) => ({
  status: 200,
  body: twilioMessage(await getMessage(ctx, messageIdFromSegment(params.sid)), ctx.accountSid),
}));

export const POST = twilioRoute<Params>("messages:send", async ({ ctx, params, body }) => {
  const id = messageIdFromSegment(params.sid);
  readUpdateParams(body);
  return { status: 200, body: twilioMessage(await cancelMessage(ctx, { id }, "api"), ctx.accountSid) };
});

export const DELETE = twilioRoute<Params>("messages:send", async ({ ctx, params }) => {
  await deleteMessage(ctx, messageIdFromSegment(params.sid));
  return { status: 204, body: null };
});
