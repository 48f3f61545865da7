// Who a Twilio-compatible request acts as: HTTP Basic, as Twilio's clients send it. The password is
// an API key token (tsk_live_...); the user is the org's Account SID (as with Twilio's auth token),
// the key's id (key_..., as with Twilio API keys) or the token again. The path's AccountSid must be
// the key's org's: any other answers 20003 whether that account exists or not.
import { apiContextFor, type ApiContext } from "@/lib/api/authenticate";
import { verifyApiKey, type ApiKeyRefusal } from "@/lib/api-keys/verify-api-key";
import type { Db } from "@/lib/db/client";
import { TWILIO_CODES, TwilioError } from "@/lib/twilio-api/twilio-error";

export interface TwilioContext extends ApiContext {
  accountSid: string;
}

const refused = (message: string) => new TwilioError(TWILIO_CODES.authenticate, message, 401);

const REFUSALS: Record<ApiKeyRefusal, string> = {
  missing: "Authenticate with HTTP Basic: your Account SID (or API key id) as user, an API key (tsk_live_...) as password",
  invalid: "The API key given as password is not valid",
  expired: "The API key given as password has expired; create a new one on the Developers page",
  revoked: "The API key given as password has been revoked",
};

/** User and password of `Authorization: Basic ...`, or null when there is no such header. */
function basicCredentials(request: Request): { user: string; password: string } | null {
  const match = request.headers.get("authorization")?.trim().match(/^Basic\s+([A-Za-z0-9+/=]+)$/i);
  if (!match) return null;
  const decoded = Buffer.from(match[1]!, "base64").toString("utf8");
  const colon = decoded.indexOf(":");
  return colon < 0 ? null : { user: decoded.slice(0, colon), password: decoded.slice(colon + 1) };
}

export async function authenticateBasic(db: Db, request: Request, pathAccountSid: string): Promise<TwilioContext> {
  const credentials = basicCredentials(request);
  const verified = await verifyApiKey(db, credentials?.password);
  if (!verified.ok) throw refused(REFUSALS[verified.reason]);
  const { key, org } = verified;
  const { user, password } = credentials!;
  if (user !== org.accountSid && user !== key.id && user !== password) {
    throw refused("The user name must be your Account SID or the id of the API key given as password");
  }
  if (pathAccountSid !== org.accountSid) throw refused(`These credentials do not grant access to account ${pathAccountSid}`);
  return { ...apiContextFor(db, key), accountSid: org.accountSid };
}
