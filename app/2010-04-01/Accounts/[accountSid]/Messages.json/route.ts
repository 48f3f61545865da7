// Twilio-compatible: POST sends a message (form-encoded, Twilio's parameters), GET lists messages
// with Twilio's filters and paging. Logic in lib/twilio-api/.
import { listMessagesPage } from "@/lib/twilio-api/list-page";
import { sendOne } from "@/lib/messaging/send-one";
import { toSendInput } from "@/lib/twilio-api/send-params";
import { twilioMessage } from "@/lib/twilio-api/serialize-message";
import { twilioRoute } from "@/lib/twilio-api/twilio-route";

type Params = { accountSid: string };

export const POST = twilioRoute<Params>("messages:send", async ({ ctx, body }) => {
  const message = await sendOne(ctx, await toSendInput(ctx, body), "api");
  return { status: 201, body: twilioMessage(message, ctx.accountSid) };
});

export const GET = twilioRoute<Params>("messages:read", async ({ ctx, url }) => ({ status: 200, body: await listMessagesPage(ctx, url) }));
