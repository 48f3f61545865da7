// Every operation of REST v1, described once: the OpenAPI document and the /docs/api page are both
// made from this list, with the same zod schemas the routes parse their input with.
import { z } from "zod";
import type { ApiScope } from "@/lib/api-keys/scopes";
import { listMessagesParams, sendBatchParams, sendMessageParams } from "@/lib/api/messages/message-params";
import { CAMPAIGN_OPERATIONS } from "@/lib/api/openapi/campaign-operations";
import { CONTACT_OPERATIONS } from "@/lib/api/openapi/contact-operations";
import { EVENT_OPERATIONS } from "@/lib/api/openapi/event-operations";
import { SEGMENT_OPERATIONS } from "@/lib/api/openapi/segment-operations";
import { batchResult, mediaObject, messageList, messageObject, messageWithHistory, verificationObject } from "@/lib/api/openapi/resources";
import { WEBHOOK_OPERATIONS } from "@/lib/api/openapi/webhook-operations";
import { startVerificationParams } from "@/lib/api/verifications/verification-params";
import { SUPPORTED_DESCRIPTION } from "@/lib/media/media-types";
import { checkVerificationInput } from "@/lib/verify/verification-input";

export interface ApiOperation {
  id: string;
  method: "get" | "post" | "patch" | "delete";
  path: string;
  tag: "Messages" | "Media" | "Contacts" | "Lists" | "Segments" | "Campaigns" | "Verifications" | "Webhook endpoints" | "Events";
  summary: string;
  description: string;
  scope: ApiScope;
  pathParams?: z.ZodObject;
  query?: z.ZodType;
  body?: z.ZodType;
  /** How the body is sent: JSON (the default), or multipart/form-data for a file upload. */
  bodyType?: "json" | "multipart";
  /** What it answers: JSON unless `contentType` says otherwise (a CSV export). */
  response: { status: number; schema: z.ZodType; description: string; contentType?: "text/csv" };
  /** When the operation can answer 409, why. */
  conflict?: string;
  example?: Record<string, unknown>;
}

const idParam = (what: string) => z.object({ id: z.string().describe(`The ${what}'s id`) });

export const OPERATIONS: ApiOperation[] = [
  {
    id: "sendMessage",
    method: "post",
    path: "/api/v1/messages",
    tag: "Messages",
    summary: "Send a message",
    description:
      "Queues an SMS (or an MMS with media_ids, or media_urls that are fetched first) and returns it at once with status `queued` (or `scheduled` with send_at). Marketing messages to someone who opted out are refused with `recipient_unsubscribed`; `marketing: false` (transactional) also needs the `messages:transactional` scope. Merge fields in the body (`{{first_name|there}}`, `{{custom.points}}`) are filled in from the recipient's contact, and segments and price are those of the filled-in text. With `shorten_links`, each link becomes a short link of this message's own on this app's domain, whose clicks are recorded. With an Idempotency-Key, a retried request returns the same message.",
    scope: "messages:send",
    body: sendMessageParams,
    response: { status: 201, schema: messageObject, description: "The queued message" },
    example: { to: "+14155550123", body: "Your table for 2 is ready!" },
  },
  {
    id: "sendMessageBatch",
    method: "post",
    path: "/api/v1/messages/batch",
    tag: "Messages",
    summary: "Send up to 1,000 messages",
    description:
      "Each item is checked on its own: the answer has one result per item, either the message or the error that refused it. Merge fields are filled in for each item's recipient; an item with `marketing: false` from a key without `messages:transactional` is refused (`insufficient_scope`) in its own slot.",
    scope: "messages:send",
    body: sendBatchParams,
    response: { status: 200, schema: batchResult, description: "One result per item, in order" },
    example: {
      messages: [
        { to: "+14155550123", body: "Hello Ava" },
        { to: "+14155550124", body: "Hello Liam, your order ships today: https://shop.example.com/orders/1042", shorten_links: true },
      ],
    },
  },
  {
    id: "listMessages",
    method: "get",
    path: "/api/v1/messages",
    tag: "Messages",
    summary: "List messages",
    description: "Newest first. Page with `limit` and `starting_after` (the `next_cursor` of the previous page).",
    scope: "messages:read",
    query: listMessagesParams,
    response: { status: 200, schema: messageList, description: "A page of messages" },
  },
  {
    id: "getMessage",
    method: "get",
    path: "/api/v1/messages/{id}",
    tag: "Messages",
    summary: "Get a message with its status history",
    description: "Every status change of the message, oldest first, with the carrier's error code where there was one.",
    scope: "messages:read",
    pathParams: idParam("message"),
    response: { status: 200, schema: messageWithHistory, description: "The message" },
  },
  {
    id: "cancelMessage",
    method: "post",
    path: "/api/v1/messages/{id}/cancel",
    tag: "Messages",
    summary: "Cancel a scheduled message",
    description: "Only a message still `scheduled` can be canceled (`message_not_cancelable` otherwise).",
    scope: "messages:send",
    pathParams: idParam("message"),
    response: { status: 200, schema: messageObject, description: "The canceled message" },
  },
  {
    id: "uploadMedia",
    method: "post",
    path: "/api/v1/media",
    tag: "Media",
    summary: "Upload a media file",
    description:
      "One image, video or audio file as multipart/form-data in the field `file`; its type is told from its bytes. Send its id in `media_ids` to make a message an MMS. Too large a file is `media_too_large`, an unsupported or mislabelled one `invalid_parameter`, both with `param` file.",
    scope: "messages:send",
    body: z.strictObject({ file: z.file().describe(SUPPORTED_DESCRIPTION) }),
    bodyType: "multipart",
    response: { status: 201, schema: mediaObject, description: "The stored file" },
  },
  ...CONTACT_OPERATIONS,
  ...SEGMENT_OPERATIONS,
  ...CAMPAIGN_OPERATIONS,
  {
    id: "startVerification",
    method: "post",
    path: "/api/v1/verifications",
    tag: "Verifications",
    summary: "Text a verification code",
    description:
      "Opens a verification for the number and texts it a code (201), or resends a new code for the pending one (200). At most 5 sends per verification; sends are rate limited per number.",
    scope: "verify",
    body: startVerificationParams,
    response: { status: 201, schema: verificationObject, description: "The verification (never the code)" },
    example: { to: "+14155550123", channel: "sms" },
  },
  {
    id: "checkVerification",
    method: "post",
    path: "/api/v1/verifications/check",
    tag: "Verifications",
    summary: "Check a code",
    description:
      "Status `approved` when the code is right, `pending` when it is wrong and checks are left. The fifth wrong code cancels the verification; later checks get 429 `max_check_attempts_reached`, and a check after the expiry gets 404 `verification_expired`.",
    scope: "verify",
    body: checkVerificationInput,
    response: { status: 200, schema: verificationObject, description: "The verification" },
    example: { to: "+14155550123", code: "123456" },
  },
  {
    id: "getVerification",
    method: "get",
    path: "/api/v1/verifications/{id}",
    tag: "Verifications",
    summary: "Get a verification",
    description: "Its status, sends and checks.",
    scope: "verify",
    pathParams: idParam("verification"),
    response: { status: 200, schema: verificationObject, description: "The verification" },
  },
  {
    id: "cancelVerification",
    method: "post",
    path: "/api/v1/verifications/{id}/cancel",
    tag: "Verifications",
    summary: "Cancel a verification",
    description: "A pending verification is canceled; its code no longer checks.",
    scope: "verify",
    pathParams: idParam("verification"),
    response: { status: 200, schema: verificationObject, description: "The verification" },
  },
  ...WEBHOOK_OPERATIONS,
  ...EVENT_OPERATIONS,
];
