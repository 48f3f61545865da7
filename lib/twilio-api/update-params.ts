// POST .../Messages/{Sid}.json: of Twilio's updates only Status=canceled (cancel a scheduled
// message) is supported; redacting the body (Body="") is refused rather than ignored.
import { invalidParameter, readParams } from "@/lib/twilio-api/form-params";

export function readUpdateParams(body: string): { status: "canceled" } {
  const params = readParams(new URLSearchParams(body), ["Status"], [], { Body: "message bodies cannot be redacted" });
  if (params.Status !== "canceled") throw invalidParameter("Status must be canceled: the only update supported is cancelling a scheduled message");
  return { status: "canceled" };
}
