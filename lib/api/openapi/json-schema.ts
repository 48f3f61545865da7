// A zod schema as JSON Schema (zod's own output, which is what OpenAPI 3.1 uses): for the OpenAPI
// document, the docs page's tables, and a schema that documents its parts (the batch send's items).
import { z } from "zod";

type JsonSchema = Record<string, unknown>;

/** JSON Schema of a request (what may be sent: defaults optional) or a response. */
export function jsonSchema(schema: z.ZodType, io: "input" | "output"): JsonSchema {
  const { $schema: _drop, ...rest } = z.toJSONSchema(schema, { io, unrepresentable: "any", target: "draft-2020-12" }) as JsonSchema;
  void _drop;
  return rest;
}
