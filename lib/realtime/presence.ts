// Presence: who is viewing, or typing in, a conversation, so two teammates do not answer at once.
// Browsers POST it (app/api/live/presence/route.ts) while it holds, every few seconds; it is a NOTIFY
// alone (publishPresence), and a browser forgets a teammate who stops repeating it
// (components/live/use-presence.ts). `left` says so at once when a teammate closes the thread.
import { z } from "zod";

export const PRESENCE_STATES = ["viewing", "typing", "left"] as const;

export const presenceInput = z.object({
  conversationId: z
    .string({ error: "is required (the conversation's id)" })
    .min(1, "is required (the conversation's id)")
    .max(64, "must be at most 64 characters")
    .regex(/^[A-Za-z0-9_-]+$/, "must be a conversation id"),
  state: z.enum(PRESENCE_STATES, `must be one of ${PRESENCE_STATES.join(", ")}`),
});

export type PresenceInput = z.infer<typeof presenceInput>;

/** What the others hear (topic `presence`). */
export interface PresenceNotice extends PresenceInput {
  userId: string;
  name: string;
  /** When it was said (ISO): a browser drops a teammate not heard again within PRESENCE_TTL_MS. */
  at: string;
}

/** How often a browser repeats its presence, and how long the others remember it without hearing it again. */
export const PRESENCE_REPEAT_MS = 10_000;
export const PRESENCE_TTL_MS = 25_000;
