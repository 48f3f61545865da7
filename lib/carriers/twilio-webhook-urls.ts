// Where Twilio must send a connection's inbound texts and status callbacks: shown in settings, to
// paste into the Twilio console, and the URLs the webhook routes verify signatures against.
import { env } from "@/lib/env";

export function twilioWebhookUrls(connectionId: string, appUrl: string = env.APP_URL) {
  const base = `${appUrl.replace(/\/+$/, "")}/api/carriers/twilio/${connectionId}`;
  return { inbound: `${base}/inbound`, status: `${base}/status` };
}
