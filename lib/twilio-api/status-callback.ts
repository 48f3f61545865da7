// One StatusCallback POST: Twilio's form parameters for a message that reached a status, signed with
// the org's auth token (auth-token.ts) and sent through the webhook poster (SSRF guard on the address
// connected to, no redirects, timeout). The parameters come from a committed TwilioStatusCallback
// row and its message (deliver-status-callback.ts reads them).
import type { MessageStatus } from "@/lib/generated/prisma/enums";
import { postWebhook, type AttemptResult, type PostOptions } from "@/lib/webhooks/post-webhook";
import { twilioAuthToken } from "@/lib/twilio-api/auth-token";
import { messageSid } from "@/lib/twilio-api/message-sid";
import { API_VERSION } from "@/lib/twilio-api/serialize-message";
import { twilioSignature } from "@/lib/twilio-api/twilio-signature";

/** What a callback is made of: the status change, and the message and org it is about. */
export interface StatusCallbackSource {
  messageId: string;
  status: MessageStatus;
  errorCode: string | null;
  from: string;
  to: string;
  url: string;
  accountSid: string;
}

export interface StatusCallback {
  url: string;
  params: Record<string, string>;
  accountSid: string;
}

export function statusCallback(source: StatusCallbackSource): StatusCallback {
  const sid = messageSid(source.messageId);
  const status = source.status.toLowerCase();
  const params: Record<string, string> = {
    MessageSid: sid,
    MessageStatus: status,
    SmsSid: sid,
    SmsStatus: status,
    AccountSid: source.accountSid,
    From: source.from,
    To: source.to,
    ApiVersion: API_VERSION,
    ...(source.errorCode && { ErrorCode: source.errorCode }),
  };
  return { url: source.url, params, accountSid: source.accountSid };
}

export function postStatusCallback(callback: StatusCallback, options: PostOptions = {}): Promise<AttemptResult> {
  const headers = {
    "content-type": "application/x-www-form-urlencoded",
    "x-twilio-signature": twilioSignature(twilioAuthToken(callback.accountSid), callback.url, callback.params),
  };
  return postWebhook(callback.url, headers, new URLSearchParams(callback.params).toString(), options);
}
