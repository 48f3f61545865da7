// Request input for the public API: JSON bodies and query strings, checked against strict zod
// schemas (an unknown field is an error, never silently ignored), errors naming the parameter.
import type { z } from "zod";
import { ApiError } from "@/lib/api/api-error";
import { fromZodIssue } from "@/lib/api/to-api-error";

export function parseWith<S extends z.ZodType>(schema: S, value: unknown): z.output<S> {
  const result = schema.safeParse(value, { reportInput: true });
  if (!result.success) {
    // A misspelt field also shows up as the real one missing: name the misspelling, it is the cause.
    const issues = result.error.issues;
    throw fromZodIssue(issues.find((issue) => issue.code === "unrecognized_keys") ?? issues[0]!);
  }
  return result.data;
}

// Text PostgreSQL cannot store: U+0000, and unpaired UTF-16 surrogates (valid in JSON as "\ud800",
// but not Unicode, so neither the driver nor the database can carry them).
const storable = (text: string) => !text.includes("\0") && text.isWellFormed();

/**
 * Refuses unstorable text anywhere in `value` (strings, object keys), naming where, rather than
 * failing at the database with a 500. The message does not echo the value.
 */
export function refuseUnstorableText(value: unknown, param = ""): void {
  if (typeof value === "string") {
    if (!storable(value)) throw new ApiError("invalid_parameter", `${param} must not contain the NUL character (U+0000) or unpaired surrogates`, param || null);
  } else if (Array.isArray(value)) {
    value.forEach((item, i) => refuseUnstorableText(item, `${param}[${i}]`));
  } else if (typeof value === "object" && value !== null) {
    for (const [key, item] of Object.entries(value)) {
      const name = param ? `${param}.${key}` : key;
      if (!storable(key)) throw new ApiError("invalid_parameter", "A parameter name must not contain the NUL character (U+0000) or unpaired surrogates", name.toWellFormed().replaceAll("\0", "\\u0000"));
      refuseUnstorableText(item, name);
    }
  }
}

// No request of the API nests more than a few levels; past this, JSON is refused before it is
// parsed, so no recursive walk of it (ours, zod's) can run out of stack.
const MAX_JSON_DEPTH = 32;

/** Whether `text` nests arrays and objects deeper than `max`, counted without parsing it (strings skipped). */
function nestsDeeperThan(text: string, max: number): boolean {
  let depth = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (inString) {
      if (c === 0x5c) i++; // a backslash escapes the next character
      else if (c === 0x22) inString = false;
    } else if (c === 0x22) inString = true;
    else if (c === 0x7b || c === 0x5b) {
      if (++depth > max) return true;
    } else if (c === 0x7d || c === 0x5d) depth--;
  }
  return false;
}

/** A JSON text as a value: `invalid_json` when it is not JSON or nests too deep, refused when it holds unstorable text. */
export function parseJson(text: string): unknown {
  if (nestsDeeperThan(text, MAX_JSON_DEPTH)) throw new ApiError("invalid_json", `The request body nests arrays and objects more than ${MAX_JSON_DEPTH} levels deep`);
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    throw new ApiError("invalid_json", `The request body is not valid JSON: ${(error as Error).message}`);
  }
  refuseUnstorableText(value);
  return value;
}

/** The JSON body (parsed by the pipeline; undefined when none was sent) as an object; anything else is `invalid_json`. */
export function jsonBody(value: unknown): Record<string, unknown> {
  if (value === undefined) throw new ApiError("invalid_json", "The request body is empty; send a JSON object");
  if (typeof value !== "object" || value === null || Array.isArray(value)) throw new ApiError("invalid_json", "The request body must be a JSON object");
  return value as Record<string, unknown>;
}

export const parseJsonBody = <S extends z.ZodType>(schema: S, value: unknown): z.output<S> => parseWith(schema, jsonBody(value));

/** Query parameters as an object; a parameter given twice is refused rather than guessed at. */
export function parseQuery<S extends z.ZodType>(schema: S, url: URL): z.output<S> {
  const query: Record<string, string> = {};
  for (const [name, value] of url.searchParams) {
    if (Object.hasOwn(query, name)) throw new ApiError("invalid_parameter", `${name} is given more than once`, name);
    query[name] = value;
  }
  refuseUnstorableText(query);
  return parseWith(schema, query);
}
