// Twilio's status callback for messages sent through a Twilio connection (set at submit).
import { readTwilioWebhook } from "@/lib/carriers/twilio/read-webhook";
import { receiptFromStatusCallback, statusCallbackForm } from "@/lib/carriers/twilio/webhook-forms";
import { db } from "@/lib/db";
import { recordReceipts } from "@/lib/messaging/record-receipt";

export async function POST(request: Request, { params }: { params: Promise<{ connectionId: string }> }) {
  const { connectionId } = await params;
  const webhook = await readTwilioWebhook(db, connectionId, request, statusCallbackForm);
  if (!webhook.ok) return webhook.response;
  const receipt = receiptFromStatusCallback(webhook.data, new Date());
  if (receipt) await recordReceipts(db, connectionId, [receipt]);
  return new Response(null, { status: 204 });
}
