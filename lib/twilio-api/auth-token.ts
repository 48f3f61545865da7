// Each org's Twilio "auth token": what Twilio signs status callbacks with (X-Twilio-Signature) and
// what receivers pass to twilio.validateRequest. We keep API keys only as hashes, so there is no
// stored secret to sign with; the token is derived instead, HMAC-SHA256(AUTH_SECRET, accountSid) as
// 32 hex characters (Twilio's format). It changes only if AUTH_SECRET does. It is not a credential
// for our API: requests authenticate with an API key.
import { createHmac } from "node:crypto";
import { env } from "@/lib/env";

export function twilioAuthToken(accountSid: string): string {
  return createHmac("sha256", env.AUTH_SECRET).update(accountSid).digest("hex").slice(0, 32);
}
