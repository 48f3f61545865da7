// The gate of every Twilio webhook: the connection must exist and be a Twilio one, the request must
// carry Twilio's signature made with that connection's auth token, and the form must parse.
import twilio from "twilio";
import type { z } from "zod";
import { twilioConfig } from "@/lib/carriers/connection-config";
import type { Db } from "@/lib/db/client";
import { env } from "@/lib/env";
import { DomainError } from "@/lib/errors";

export type WebhookRead<T> = { ok: true; data: T } | { ok: false; response: Response };

// Twilio signs the URL it requested: APP_URL, not the request's own URL (a proxy's upstream address).
const publicUrl = (request: Request) => {
  const { pathname, search } = new URL(request.url);
  return `${env.APP_URL.replace(/\/+$/, "")}${pathname}${search}`;
};

const refuse = (status: number, error: string): { ok: false; response: Response } => ({
  ok: false,
  response: Response.json({ error }, { status }),
});

/**
 * Verifies and parses a webhook Twilio posted for `connectionId`. Connections are looked up by id
 * alone: the caller is Twilio, not a member of any org; the connection says whose it is.
 */
export async function readTwilioWebhook<S extends z.ZodType>(
  db: Db,
  connectionId: string,
  request: Request,
  schema: S,
): Promise<WebhookRead<z.output<S>>> {
  const connection = await db.carrierConnection.findUnique({
    where: { id: connectionId },
    select: { kind: true, config: true },
  });
  if (connection?.kind !== "TWILIO") return refuse(404, "No Twilio connection with this id");
  const { authToken } = twilioConfig.parse(connection.config);

  const form = Object.fromEntries(new URLSearchParams(await request.text()));
  const signature = request.headers.get("x-twilio-signature");
  if (!signature || !twilio.validateRequest(authToken, signature, publicUrl(request), form)) {
    return refuse(403, "X-Twilio-Signature does not match this connection's auth token");
  }

  const parsed = schema.safeParse(form);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    return refuse(400, `${issue?.path.join(".") ?? "form"} ${issue?.message ?? "is invalid"}`);
  }
  return { ok: true, data: parsed.data };
}

/** Twilio's answer when lib/messaging refuses what a webhook carried (a number no sender has); rethrows anything else. */
export function domainErrorResponse(error: unknown): Response {
  if (!(error instanceof DomainError)) throw error;
  return refuse(error.code === "NOT_FOUND" ? 404 : 400, error.message).response;
}
