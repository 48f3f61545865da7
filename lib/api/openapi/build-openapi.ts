// The OpenAPI 3.1 document of REST v1, made from OPERATIONS and their zod schemas (zod's own JSON
// Schema output, which is what OpenAPI 3.1 uses). Served at /api/v1/openapi.json.
import type { z } from "zod";
import { API_ERROR_STATUS } from "@/lib/errors/error-codes";
import { OPERATIONS, type ApiOperation } from "@/lib/api/openapi/operations";
import { jsonSchema } from "@/lib/api/openapi/json-schema";
import { errorObject } from "@/lib/api/openapi/resources";
import { responseExample } from "@/lib/api/openapi/response-examples";

type JsonSchema = Record<string, unknown>;

function parameters(op: ApiOperation) {
  const out: Record<string, unknown>[] = [];
  const add = (schema: z.ZodType | undefined, where: "path" | "query") => {
    if (!schema) return;
    const json = jsonSchema(schema, "input");
    const required = new Set((json.required as string[] | undefined) ?? []);
    for (const [name, property] of Object.entries((json.properties as Record<string, JsonSchema>) ?? {})) {
      out.push({ name, in: where, required: where === "path" || required.has(name), schema: property, description: property.description });
    }
  };
  add(op.pathParams, "path");
  add(op.query, "query");
  return out;
}

const errorResponse = (description: string) => ({ description, content: { "application/json": { schema: { $ref: "#/components/schemas/Error" } } } });

function operation(op: ApiOperation, serverUrl: string) {
  return {
    operationId: op.id,
    tags: [op.tag],
    summary: op.summary,
    description: `${op.description}\n\nScope: \`${op.scope}\`.`,
    parameters: [
      ...parameters(op),
      ...(op.method === "post" ? [{ name: "Idempotency-Key", in: "header", required: false, schema: { type: "string", maxLength: 255 }, description: "Retries with the same key and body get the first response (24 hours)." }] : []),
    ],
    ...(op.body && {
      requestBody: {
        required: true,
        content: { [op.bodyType === "multipart" ? "multipart/form-data" : "application/json"]: { schema: jsonSchema(op.body, "input"), ...(op.example && { example: op.example }) } },
      },
    }),
    responses: {
      [op.response.status]: {
        description: op.response.description,
        content: { [op.response.contentType ?? "application/json"]: { schema: jsonSchema(op.response.schema, "output"), example: responseExample(serverUrl, op) } },
      },
      400: errorResponse("The request is invalid: `error.param` names the field"),
      401: errorResponse("No API key, or it is invalid, expired or revoked"),
      403: errorResponse("The key lacks the operation's scope"),
      ...(op.pathParams && { 404: errorResponse("No such resource in your organisation (`not_found`)") }),
      ...(op.conflict && { 409: errorResponse(op.conflict) }),
      429: errorResponse("Rate limited: retry after `Retry-After` seconds"),
    },
    security: [{ bearerAuth: [] }],
  };
}

export function buildOpenApi(serverUrl: string) {
  const paths: Record<string, Record<string, unknown>> = {};
  for (const op of OPERATIONS) (paths[op.path] ??= {})[op.method] = operation(op, serverUrl);
  return {
    openapi: "3.1.0",
    info: {
      title: "Textstack API",
      version: "1",
      description: "Send SMS and MMS, follow their delivery, manage contacts, lists and segments, send campaigns, start workflows with events, and verify phone numbers. Errors are JSON with a stable `code`; see /docs/api.",
    },
    servers: [{ url: serverUrl }],
    tags: [...new Set(OPERATIONS.map((op) => op.tag))].map((name) => ({ name })),
    paths,
    components: {
      securitySchemes: { bearerAuth: { type: "http", scheme: "bearer", description: "An API key from the Developers page: `Bearer tsk_live_...`" } },
      schemas: { Error: jsonSchema(errorObject, "output") },
    },
    "x-error-codes": API_ERROR_STATUS,
  };
}
