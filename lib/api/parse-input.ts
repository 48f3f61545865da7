// Request input for the public API: JSON bodies and query strings, checked against strict zod
// schemas (an unknown field is an error, never silently ignored), errors naming the parameter.
import type { z } from "zod";
import { ApiError } from "@/lib/api/api-error";
import { fromZodIssue } from "@/lib/api/to-api-error";

export function parseWith<S extends z.ZodType>(schema: S, value: unknown): z.output<S> {
  const result = schema.safeParse(value);
  if (!result.success) {
    // A misspelt field also shows up as the real one missing: name the misspelling, it is the cause.
    const issues = result.error.issues;
    throw fromZodIssue(issues.find((issue) => issue.code === "unrecognized_keys") ?? issues[0]!);
  }
  return result.data;
}

/** The JSON body as a value; a body that is not a JSON object is `invalid_json`. */
export function jsonBody(text: string): Record<string, unknown> {
  if (text.trim() === "") throw new ApiError("invalid_json", "The request body is empty; send a JSON object");
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    throw new ApiError("invalid_json", `The request body is not valid JSON: ${(error as Error).message}`);
  }
  if (typeof value !== "object" || value === null || Array.isArray(value)) throw new ApiError("invalid_json", "The request body must be a JSON object");
  return value as Record<string, unknown>;
}

export const parseJsonBody = <S extends z.ZodType>(schema: S, text: string): z.output<S> => parseWith(schema, jsonBody(text));

/** Query parameters as an object; a parameter given twice is refused rather than guessed at. */
export function parseQuery<S extends z.ZodType>(schema: S, url: URL): z.output<S> {
  const query: Record<string, string> = {};
  for (const [name, value] of url.searchParams) {
    if (Object.hasOwn(query, name)) throw new ApiError("invalid_parameter", `${name} is given more than once`, name);
    query[name] = value;
  }
  return parseWith(schema, query);
}
