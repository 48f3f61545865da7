// X-Twilio-Signature, as Twilio computes it and twilio.validateRequest checks it: HMAC-SHA1 keyed
// with the account's auth token over the full URL followed by each POST parameter's name and value,
// names in sorted order, base64-encoded.
import { createHmac } from "node:crypto";

export function twilioSignature(authToken: string, url: string, params: Record<string, string>): string {
  const data = Object.keys(params)
    .sort()
    .reduce((text, name) => text + name + params[name], url);
  return createHmac("sha1", authToken).update(data, "utf8").digest("base64");
}
