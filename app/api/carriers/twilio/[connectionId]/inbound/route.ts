// Texts sent to a number of a Twilio connection (the number's "A message comes in" webhook).
import { domainErrorResponse, readTwilioWebhook } from "@/lib/carriers/twilio/read-webhook";
import { inboundMessageForm, inboundTextFromForm } from "@/lib/carriers/twilio/webhook-forms";
import { db } from "@/lib/db";
import { receiveMessage } from "@/lib/messaging/receive-message";

// No TwiML reply: STOP/HELP answers go out through our own pipeline, with their history.
const EMPTY_TWIML = '<?xml version="1.0" encoding="UTF-8"?><Response/>';

export async function POST(request: Request, { params }: { params: Promise<{ connectionId: string }> }) {
  const { connectionId } = await params;
  const webhook = await readTwilioWebhook(db, connectionId, request, inboundMessageForm);
  if (!webhook.ok) return webhook.response;
  try {
    await receiveMessage(db, connectionId, inboundTextFromForm(webhook.data, new Date()));
  } catch (error) {
    return domainErrorResponse(error);
  }
  return new Response(EMPTY_TWIML, { headers: { "Content-Type": "text/xml" } });
}
