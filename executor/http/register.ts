// POST /fn/register — the SDK's sync (after a PUT to the app's serve endpoint): the app's URL and
// its functions. Invalid configuration is refused with the function and field at fault.
import { createHash, timingSafeEqual } from "node:crypto";
import type http from "node:http";
import { z } from "zod";
import type { Ctx } from "../context.ts";
import { functionConfigSchema, type FunctionConfig } from "../functions/config.ts";
import { HttpError, readJson, sendJson } from "./respond.ts";

const bodySchema = z.object({
  url: z.url({ error: "must be the app's serve URL" }),
  appName: z.string({ error: "is required" }).min(1, "is required"),
  sdk: z.string().default("unknown"),
  framework: z.string().optional(),
  functions: z.array(z.unknown(), { error: "must be an array" }).default([]),
});

/** The bearer token the SDK sends: the signing key's prefix plus SHA-256 of its hex-decoded key. */
export function hashedSigningKey(signingKey: string): string {
  const prefix = /^signkey-\w+-/.exec(signingKey)?.[0] ?? "";
  return prefix + createHash("sha256").update(Buffer.from(signingKey.slice(prefix.length), "hex")).digest("hex");
}

export function authorized(ctx: Ctx, req: http.IncomingMessage): boolean {
  if (!ctx.options.signingKey) return true;
  const given = Buffer.from(String(req.headers.authorization ?? ""));
  const expected = Buffer.from(`Bearer ${hashedSigningKey(ctx.options.signingKey)}`);
  return given.length === expected.length && timingSafeEqual(given, expected);
}

export async function handleRegister(ctx: Ctx, req: http.IncomingMessage, res: http.ServerResponse) {
  if (!authorized(ctx, req)) return sendJson(res, 401, { error: "Unauthorized: wrong or missing signing key" });
  const parsed = bodySchema.safeParse(await readJson(req, 10 * 1024 * 1024));
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    throw new HttpError(400, `${issue.path.join(".") || "body"} ${issue.message}`);
  }
  const functions: { raw: unknown; config: FunctionConfig }[] = [];
  for (const [i, raw] of parsed.data.functions.entries()) {
    const result = functionConfigSchema.safeParse(raw);
    if (!result.success) {
      const issue = result.error.issues[0]!;
      const id = (raw as { id?: unknown })?.id;
      throw new HttpError(400, `functions[${i}]${typeof id === "string" ? ` (${id})` : ""}: ${issue.path.join(".") || "config"} ${issue.message}`);
    }
    functions.push({ raw, config: result.data });
  }
  const modified = await ctx.registry.sync({
    appId: parsed.data.appName,
    url: parsed.data.url,
    sdk: parsed.data.sdk,
    framework: parsed.data.framework,
    functions,
  });
  ctx.log.info(`synced app ${parsed.data.appName}: ${functions.length} function(s)${modified ? " (changed)" : ""}`);
  sendJson(res, 200, { ok: true, modified });
}
