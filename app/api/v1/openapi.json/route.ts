// GET /api/v1/openapi.json: the OpenAPI 3.1 document of REST v1 (public, like the docs).
import { buildOpenApi } from "@/lib/api/openapi/build-openapi";
import { env } from "@/lib/env";

export function GET() {
  return Response.json(buildOpenApi(env.APP_URL), { headers: { "Cache-Control": "public, max-age=300" } });
}
