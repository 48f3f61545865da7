// Sends through Twilio's Messages API with the official client. Receipts and inbound texts do not
// come through the adapter: Twilio posts them to app/api/carriers/twilio/[connectionId]/*.
import twilio from "twilio";
import type { CarrierAdapter, CarrierSink, OutboundMessage, SubmitOutcome } from "@/lib/carriers/carrier";
import type { TwilioConfig } from "@/lib/carriers/connection-config";
import { twilioWebhookUrls } from "@/lib/carriers/twilio-webhook-urls";
import { submitFailure } from "@/lib/carriers/twilio/submit-error";

// Requests in flight at once per connection: enough to keep a batch moving, few enough not to trip
// Twilio's per-account concurrency limit (which answers 429).
const CONCURRENCY = 4;

async function mapConcurrently<T, R>(items: T[], limit: number, fn: (item: T) => Promise<R>): Promise<R[]> {
  const results = new Array<R>(items.length);
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      const index = next++;
      results[index] = await fn(items[index]!);
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
  return results;
}

// The sink goes unused (Twilio reports by webhook); the parameter keeps every adapter's factory alike.
// eslint-disable-next-line @typescript-eslint/no-unused-vars
export function createTwilioAdapter(connectionId: string, config: TwilioConfig, _sink: CarrierSink): CarrierAdapter {
  // No auto-retry: a 429 goes back to the dispatcher, which owns backoff and per-sender throttling.
  const client = twilio(config.accountSid, config.authToken, { autoRetry: false });
  if (config.baseUrl) client.api.baseUrl = config.baseUrl;
  const statusCallback = twilioWebhookUrls(connectionId).status;

  async function submitOne(message: OutboundMessage): Promise<SubmitOutcome> {
    try {
      const created = await client.messages.create({
        to: message.to,
        from: message.from,
        body: message.body,
        ...(message.media.length > 0 ? { mediaUrl: message.media.map((media) => media.url) } : {}),
        statusCallback,
      });
      // Twilio splits and concatenates long texts itself: one sid for the whole message.
      return { ok: true, carrierMessageId: created.sid, partIds: [created.sid] };
    } catch (error) {
      return submitFailure(error);
    }
  }

  return {
    submit: (messages) => mapConcurrently(messages, CONCURRENCY, submitOne),
    // Nothing held open between requests.
    close: async () => {},
  };
}
