// What the API fuzz test (fuzz.test.ts) throws at the route handlers: JSON values of every kind,
// objects shaped like a route's own zod schema but with wrong types, huge and odd unicode strings,
// nulls and nested junk; values near a valid example; query strings; Twilio form bodies; malformed
// headers. Values that look like URLs only ever point at 127.0.0.1 (a MediaUrl is fetched).
import fc from "fast-check";
import type { z } from "zod";

/** Every UTF-16 code unit, lone surrogates included (JSON carries them as \ud800 escapes). */
const utf16 = fc.integer({ min: 0, max: 0xffff }).map((code) => String.fromCharCode(code));

const HUGE = ["9".repeat(100_000), "😀".repeat(40_000), `+1${"4".repeat(50_000)}`, "{{code}}".repeat(5_000)];

/** Strings a real client might send somewhere, so the generated requests get past the first check. */
export const PLAUSIBLE = [
  "+14155550123", "(415) 555-2671", "+447700900123", "+1", "+", "0", "", " ", "\u0000", "null", "-1", "1e309", "NaN",
  "sms", "whatsapp", "123456", "0000", "{{code}}", "Your code is {{code}}",
  "2026-01-31T09:00:00Z", "2999-12-31T23:59:59Z", "0000-01-01T00:00:00Z", "+275760-09-13T00:00:00.000Z",
  "-271821-04-20T00:00:00Z", "2026-02-30T25:61:00Z", "2026-01-31", "9999-99-99",
  "http://127.0.0.1:1/cb", "https://127.0.0.1:1/a.png", "http://localhost:3000/api/media/med_000000000000000000000000",
  "javascript:alert(1)", "med_000000000000000000000000", "msg_000000000000000000000000", "ver_000000000000000000000000",
  "queued", "scheduled", "outbound", "inbound", "true", "false", "canceled", "fixed",
  "PASM00000000000000000000000000000000", "SM00000000000000000000000000000000", "💩", "e\u0301", "\u202etxet",
];

const plausibleAlso = (extra: string[]) => fc.constantFrom(...PLAUSIBLE, ...extra);

export function textArb(extra: string[] = []): fc.Arbitrary<string> {
  return fc.oneof(
    { weight: 3, arbitrary: plausibleAlso(extra) },
    { weight: 2, arbitrary: fc.string() },
    { weight: 2, arbitrary: fc.string({ unit: "grapheme" }) },
    { weight: 1, arbitrary: fc.string({ unit: "binary" }) },
    { weight: 1, arbitrary: fc.string({ unit: utf16 }) },
    { weight: 1, arbitrary: fc.constantFrom(...HUGE) },
    // U+0000 inside an otherwise good value: PostgreSQL text cannot hold it.
    { weight: 1, arbitrary: fc.tuple(plausibleAlso(extra), fc.nat()).map(([s, at]) => `${s.slice(0, at % (s.length + 1))}\u0000${s.slice(at % (s.length + 1))}`) },
  );
}

const numberArb = fc.oneof(fc.integer(), fc.double(), fc.constantFrom(0, -0, 4, 10, 60, 1000, 1001, 4.5, 1e21, 2 ** 53 + 2, -1e308));

/** Any JSON value, nested a few levels, with keys drawn mostly from `vocabulary`. */
export function junkArb(vocabulary: string[], extra: string[] = []): fc.Arbitrary<unknown> {
  const key = fc.oneof({ weight: 3, arbitrary: fc.constantFrom(...vocabulary) }, { weight: 1, arbitrary: fc.string() });
  const { value } = fc.letrec<{ value: unknown }>((tie) => ({
    value: fc.oneof(
      { depthSize: "small", withCrossShrink: true },
      textArb(extra),
      numberArb,
      fc.boolean(),
      fc.constant(null),
      fc.array(tie("value"), { maxLength: 4 }),
      fc.dictionary(key, tie("value"), { maxKeys: 4 }),
    ),
  }));
  return value;
}

/** The keys of a route's zod object schema ([] for anything else). */
export function schemaKeys(schema: z.ZodType | undefined): string[] {
  const shape = (schema as { shape?: Record<string, unknown> } | undefined)?.shape;
  return shape ? Object.keys(shape) : [];
}

/** Objects with the schema's own keys (any subset), each holding a value of any type. */
export function shapedArb(keys: string[], junk: fc.Arbitrary<unknown>): fc.Arbitrary<Record<string, unknown>> {
  if (keys.length === 0) return fc.dictionary(fc.string(), junk, { maxKeys: 3 });
  return fc.record(Object.fromEntries(keys.map((k) => [k, junk])), { requiredKeys: [] });
}

/** Values near a valid example: each field kept, replaced by junk or left out; sometimes a stray field. */
export function nearArb(example: unknown, junk: fc.Arbitrary<unknown>, vocabulary: string[]): fc.Arbitrary<unknown> {
  if (Array.isArray(example)) {
    return fc.oneof(fc.array(nearArb(example[0], junk, vocabulary), { maxLength: 25 }), fc.constant(Array.from({ length: 1_001 }, () => example[0])));
  }
  if (typeof example === "object" && example !== null) {
    const model = Object.fromEntries(Object.entries(example).map(([k, v]) => [k, nearArb(v, junk, vocabulary)]));
    const record = fc.oneof({ weight: 3, arbitrary: fc.record(model) }, { weight: 1, arbitrary: fc.record(model, { requiredKeys: [] }) });
    const stray = fc.option(fc.tuple(fc.constantFrom(...vocabulary), junk), { freq: 6 });
    return fc.tuple(record, stray).map(([r, s]) => (s ? { ...r, [s[0]]: s[1] } : r));
  }
  return fc.oneof({ weight: 5, arbitrary: fc.constant(example) }, { weight: 1, arbitrary: junk });
}

/** A JSON request body: valid or not, an object or not. */
export function jsonBodyArb(keys: string[], example: unknown, junk: fc.Arbitrary<unknown>, vocabulary: string[]): fc.Arbitrary<string> {
  const stringify = (value: unknown) => JSON.stringify(value) ?? "";
  return fc.oneof(
    { weight: 4, arbitrary: shapedArb(keys, junk).map(stringify) },
    { weight: example === undefined ? 0 : 8, arbitrary: nearArb(example ?? {}, junk, vocabulary).map(stringify) },
    { weight: 1, arbitrary: fc.jsonValue().map(stringify) },
    { weight: 1, arbitrary: fc.anything().map(stringify) },
    { weight: 1, arbitrary: fc.oneof(fc.string(), fc.constantFrom("", "{", "[]", "null", '{"to":', '{"a":1}{"b":2}', "\ufeff{}")) },
  );
}

/** Name/value pairs, as a query string or a form body: known names mostly, given once or twice. */
export function pairsArb(names: string[], values: fc.Arbitrary<string>): fc.Arbitrary<string> {
  const name = fc.oneof({ weight: 4, arbitrary: fc.constantFrom(...names) }, { weight: 1, arbitrary: fc.string() });
  const encoded = fc.array(fc.tuple(name, values), { maxLength: 6 }).map((pairs) => new URLSearchParams(pairs).toString());
  return fc.oneof({ weight: 4, arbitrary: encoded }, { weight: 1, arbitrary: fc.string({ unit: "grapheme" }) });
}

/** Header values: anything HTTP can carry (Latin-1 without NUL, CR, LF). */
export const headerTextArb = fc.oneof(
  fc.string({ unit: fc.integer({ min: 0x20, max: 0xff }).map((code) => String.fromCharCode(code)) }),
  fc.constantFrom("", " ", "Bearer", "Bearer ", "Basic", "Basic !!!", "x".repeat(256), "x".repeat(10_000)),
);

/** Whether a MediaUrl value could be fetched from anywhere but loopback (kept out: traffic stays local). */
export function leavesLoopback(value: string): boolean {
  try {
    const url = new URL(value);
    return /^https?:$/.test(url.protocol) && !["127.0.0.1", "localhost", "[::1]"].includes(url.hostname);
  } catch {
    return false;
  }
}

// Hostile requests: what a client gets wrong on the wire, or an attacker sends on purpose.

/** Percent-escapes that do not decode to UTF-8: a byte no character starts with, cut short, not hex, overlong, a surrogate. */
export const BROKEN_ESCAPES = ["%ff", "%e2%82", "%", "%zz", "%c0%af", "%ed%a0%80"];

/** JSON nested past the API's limit (32 levels), up to depths no recursive walk survives. */
export const deepJsonArb = fc
  .tuple(fc.constantFrom(33, 1_000, 200_000), fc.boolean())
  .map(([depth, arrays]) => (arrays ? `{"to": ${"[".repeat(depth)}${"]".repeat(depth)}}` : `${'{"a":'.repeat(depth)}1${"}".repeat(depth)}`));

/** A body over every route's limit (a batch's 8 MB is the largest); one string, made once. */
export const OVERSIZED_BODY = `{"body": "${"x".repeat(8 * 1024 * 1024)}"}`;

/** Content-Type values a client gets wrong: another type, another charset, two types, odd spelling. */
export const ODD_CONTENT_TYPES = [
  "application/json", "APPLICATION/JSON; CHARSET=UTF-8", "application/json;charset=\"utf-8\"", "application/json; charset=iso-8859-1",
  "application/x-www-form-urlencoded", "application/x-www-form-urlencoded; charset=utf-16", "text/plain; charset=utf-16",
  "multipart/form-data; boundary=x", "application/json, application/json", "application/vnd.api+json", "*/*", ";", "",
];
