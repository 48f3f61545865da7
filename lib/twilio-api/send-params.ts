// POST .../Messages.json: Twilio's parameters mapped to the pipeline's one send input
// (lib/messaging/message-input.ts), which then checks them as it checks every other sender's.
import type { SendMessageInput } from "@/lib/messaging/message-input";
import type { OrgContext } from "@/lib/org-context";
import { booleanParam, invalidParameter, readParams } from "@/lib/twilio-api/form-params";
import { mediaIdsFor } from "@/lib/twilio-api/media-urls";
import { TWILIO_CODES, TwilioError } from "@/lib/twilio-api/twilio-error";

const NAMES = ["To", "From", "Body", "StatusCallback", "SendAt", "ScheduleType", "SmartEncoded"] as const;

// Twilio features this endpoint does not have, each with what to do instead.
const UNSUPPORTED: Record<string, string> = {
  MessagingServiceSid: "send From (one of your numbers), or leave it out to send from your first number",
  ContentSid: "content templates are not available; send Body",
  ContentVariables: "content templates are not available; send Body",
};

export async function toSendInput(ctx: OrgContext, body: string): Promise<SendMessageInput> {
  const params = readParams(new URLSearchParams(body), NAMES, ["MediaUrl"], UNSUPPORTED);
  const text = (name: (typeof NAMES)[number]) => params[name] as string | undefined;

  if (!text("To")?.trim()) throw new TwilioError(TWILIO_CODES.toRequired, "A 'To' phone number is required");
  const sendAt = text("SendAt");
  const scheduleType = text("ScheduleType");
  if ((sendAt !== undefined || scheduleType !== undefined) && scheduleType !== "fixed") {
    throw new TwilioError(TWILIO_CODES.invalidScheduleType, "To schedule a message, send SendAt with ScheduleType=fixed");
  }
  if (scheduleType === "fixed" && sendAt === undefined) throw new TwilioError(TWILIO_CODES.invalidSendAt, "ScheduleType=fixed needs SendAt (an ISO 8601 time)");
  if (sendAt !== undefined && Number.isNaN(Date.parse(sendAt))) throw new TwilioError(TWILIO_CODES.invalidSendAt, `SendAt ${sendAt} is not an ISO 8601 time`);

  const media = (params.MediaUrl as string[] | undefined) ?? [];
  if (media.some((value) => value.trim() === "")) throw invalidParameter("MediaUrl must not be empty");
  return {
    to: text("To")!,
    from: text("From"),
    body: text("Body") ?? "",
    mediaIds: await mediaIdsFor(ctx, media),
    statusCallback: text("StatusCallback"),
    sendAt: sendAt === undefined ? undefined : new Date(sendAt),
    smartEncoding: booleanParam(params, "SmartEncoded"),
    // Twilio sends Body as written (its templates are Content API, refused above): code ported from
    // it must not see {{...}} in its text filled in or refused.
    mergeFields: false,
  };
}
