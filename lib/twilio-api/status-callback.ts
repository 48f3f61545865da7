// One StatusCallback POST: Twilio's form parameters for a message that reached `status`, signed with
// the org's auth token (auth-token.ts) and sent through the webhook poster (SSRF guard on the address
// connected to, no redirects, timeout). The parameters are read from the database, not from the
// request to send them: a callback is only for a status change that was committed.
import type { Db } from "@/lib/db/client";
import type { MessageStatus } from "@/lib/generated/prisma/enums";
import { postWebhook, type AttemptResult, type PostOptions } from "@/lib/webhooks/post-webhook";
import { twilioAuthToken } from "@/lib/twilio-api/auth-token";
import { messageSid } from "@/lib/twilio-api/message-sid";
import { API_VERSION } from "@/lib/twilio-api/serialize-message";
import { twilioSignature } from "@/lib/twilio-api/twilio-signature";

export interface StatusCallbackRequest {
  orgId: string;
  messageId: string;
  status: MessageStatus;
}

export interface StatusCallback {
  url: string;
  params: Record<string, string>;
  accountSid: string;
}

class StatusNotCommittedError extends Error {
  constructor(request: StatusCallbackRequest) {
    super(`Message ${request.messageId} has no ${request.status.toLowerCase()} status yet (its change is not committed)`);
    this.name = "StatusNotCommittedError";
  }
}

/**
 * The callback to make, or null when there is none (the message was deleted, or has no callback
 * URL). Throws StatusNotCommittedError while the status change is not visible yet: the request may
 * be sent from inside the transaction that makes the change, so the caller retries a little later.
 */
export async function statusCallbackFor(db: Db, request: StatusCallbackRequest): Promise<StatusCallback | null> {
  const message = await db.message.findFirst({
    where: { id: request.messageId, orgId: request.orgId },
    select: {
      id: true,
      from: true,
      to: true,
      statusCallback: true,
      org: { select: { accountSid: true } },
      events: { where: { status: request.status }, select: { errorCode: true }, take: 1 },
    },
  });
  if (!message?.statusCallback) return null;
  const event = message.events[0];
  if (!event) throw new StatusNotCommittedError(request);
  const sid = messageSid(message.id);
  const status = request.status.toLowerCase();
  const params: Record<string, string> = {
    MessageSid: sid,
    MessageStatus: status,
    SmsSid: sid,
    SmsStatus: status,
    AccountSid: message.org.accountSid,
    From: message.from,
    To: message.to,
    ApiVersion: API_VERSION,
    ...(event.errorCode && { ErrorCode: event.errorCode }),
  };
  return { url: message.statusCallback, params, accountSid: message.org.accountSid };
}

export function postStatusCallback(callback: StatusCallback, options: PostOptions = {}): Promise<AttemptResult> {
  const headers = {
    "content-type": "application/x-www-form-urlencoded",
    "x-twilio-signature": twilioSignature(twilioAuthToken(callback.accountSid), callback.url, callback.params),
  };
  return postWebhook(callback.url, headers, new URLSearchParams(callback.params).toString(), options);
}
