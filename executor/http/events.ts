// POST /e/:key — the event API the SDK's send() and step.sendEvent() use. One event or an array;
// every event is validated before any is stored, and a bad one fails the request with its reason.
import type http from "node:http";
import { z } from "zod";
import type { Ctx } from "../context.ts";
import { ingestEvents, parseIdSeed, type IncomingEvent } from "../events/ingest.ts";
import { HttpError, readJson, sendJson } from "./respond.ts";

const object = z.record(z.string(), z.unknown(), { error: "must be an object" });
const eventSchema = z.object(
  {
    name: z
      .string({ error: "is required (a string)" })
      .min(1, "is required (a string)")
      .max(256, "is longer than 256 characters")
      .refine((name) => !name.startsWith("inngest/"), "is reserved (names starting with inngest/ are Inngest's own events)"),
    data: object.nullish(),
    user: object.nullish(),
    id: z.string({ error: "must be a string" }).max(256, "is longer than 256 characters").optional(),
    ts: z.number({ error: "must be a number (milliseconds since the epoch)" }).int("must be an integer").nonnegative().optional(),
    v: z.string({ error: "must be a string" }).optional(),
  },
  { error: "must be an object with a name" },
);

const MAX_BODY = 3 * 1024 * 1024;
const MAX_EVENTS = 5_000;

export function parseEvents(body: unknown): IncomingEvent[] {
  const list = Array.isArray(body) ? body : [body];
  if (list.length > MAX_EVENTS) throw new HttpError(400, `too many events in one request (${list.length}; at most ${MAX_EVENTS})`);
  return list.map((raw, i) => {
    const result = eventSchema.safeParse(raw);
    if (!result.success) {
      const issue = result.error.issues[0]!;
      const where = Array.isArray(body) ? `events[${i}]` : "event";
      const field = issue.path.length > 0 ? `.${issue.path.join(".")}` : "";
      throw new HttpError(400, `${where}${field} ${issue.message}`);
    }
    const e = result.data;
    return { name: e.name, data: e.data ?? {}, user: e.user ?? undefined, id: e.id, ts: e.ts, v: e.v };
  });
}

export async function handleEvents(ctx: Ctx, req: http.IncomingMessage, res: http.ServerResponse, key: string) {
  if (ctx.options.eventKey && key !== ctx.options.eventKey) return sendJson(res, 401, { error: "Event key not found", status: 401 });
  const events = parseEvents(await readJson(req, MAX_BODY));
  const seed = parseIdSeed(req.headers["x-inngest-event-id-seed"] as string | undefined);
  const ids = events.length === 0 ? [] : await ctx.db.tx((tx) => ingestEvents(tx, ctx, events, seed));
  sendJson(res, 200, { ids, status: 200 });
}
