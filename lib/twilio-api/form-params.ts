// Twilio's request parameters: form-encoded bodies and query strings, PascalCase names. Each
// resource lists the names it reads; any other name is refused (20001) rather than ignored, and a
// name given twice is refused unless it is a list (MediaUrl).
import { TWILIO_CODES, TwilioError } from "@/lib/twilio-api/twilio-error";

export type Params = Record<string, string | string[] | undefined>;

export const invalidParameter = (message: string) => new TwilioError(TWILIO_CODES.invalidParameter, message);

export function readParams(source: URLSearchParams, names: readonly string[], lists: readonly string[] = [], unsupported: Record<string, string> = {}): Params {
  const out: Params = {};
  for (const [name, value] of source) {
    if (Object.hasOwn(unsupported, name)) throw invalidParameter(`${name} is not supported: ${unsupported[name]}`);
    // Form decoding leaves no unpaired surrogates, but %00 is U+0000, which PostgreSQL text cannot hold.
    if (value.includes("\0")) throw invalidParameter(`${name} must not contain the NUL character (U+0000)`);
    if (lists.includes(name)) out[name] = [...((out[name] as string[] | undefined) ?? []), value];
    else if (!names.includes(name)) throw invalidParameter(`Unknown parameter ${name}`);
    else if (out[name] !== undefined) throw invalidParameter(`${name} is given more than once`);
    else out[name] = value;
  }
  return out;
}

/** Twilio's booleans ("true"/"false", any case). */
export function booleanParam(params: Params, name: string): boolean | undefined {
  const value = params[name] as string | undefined;
  if (value === undefined) return undefined;
  if (/^true$/i.test(value)) return true;
  if (/^false$/i.test(value)) return false;
  throw invalidParameter(`${name} must be true or false`);
}
