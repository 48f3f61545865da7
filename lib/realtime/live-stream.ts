// One browser's server-sent event stream (GET /api/live, app/api/live/route.ts) of one org's live
// events: `retry:` for the browser's own reconnection, a `hello` naming the user (the presence hook
// tells itself apart with it), then from `Last-Event-ID` on (lib/realtime/live-cursor.ts) the events
// missed, then every new one as this process's listener hears it; a comment every `heartbeatMs` so
// proxies keep the connection open and a dead one is noticed. Each event's `id:` is its LiveEvent
// id: the resume point the browser sends back. Ends, and unsubscribes, when the request is aborted.
import type { SqlClient } from "@/lib/db/sql";
import { newestOrgEventId, orgEventsAfter } from "@/lib/realtime/live-cursor";
import type { LiveListener } from "@/lib/realtime/live-listener";
import { RecentIds } from "@/lib/realtime/recent-ids";
import type { LiveMessage } from "@/lib/realtime/topics";

export interface LiveStreamOptions {
  listener: LiveListener;
  /** Reads the org's stored events (orgSql of the org). */
  db: SqlClient;
  orgId: string;
  userId: string;
  /** The browser's resume point: the header on its own reconnection, the query parameter on ours. */
  lastEventId: string | null;
  signal: AbortSignal;
  heartbeatMs?: number;
}

const encoder = new TextEncoder();

export function sseFrame(message: LiveMessage): string {
  const data = JSON.stringify({ topic: message.topic, data: message.data });
  return `${message.id === undefined ? "" : `id: ${message.id}\n`}data: ${data}\n\n`;
}

// The listener hands every stream of an org the same message object: its frame is encoded once,
// not once per open tab (200 tabs of one team hear each event).
const frames = new WeakMap<LiveMessage, Uint8Array>();
function encodedFrame(message: LiveMessage): Uint8Array {
  let bytes = frames.get(message);
  if (!bytes) frames.set(message, (bytes = encoder.encode(sseFrame(message))));
  return bytes;
}

export function liveStream({ listener, db, orgId, userId, lastEventId, signal, heartbeatMs = 15_000 }: LiveStreamOptions): ReadableStream<Uint8Array> {
  let stop = () => {};
  return new ReadableStream<Uint8Array>({
    async start(controller) {
      let open = true;
      const write = (text: string | Uint8Array) => {
        if (!open) return;
        try {
          controller.enqueue(typeof text === "string" ? encoder.encode(text) : text);
        } catch {
          stop();
        }
      };
      const sent = new RecentIds(10_000);
      const send = (message: LiveMessage) => {
        if (message.id === undefined || sent.add(message.id)) write(encodedFrame(message));
      };
      // Heard while the missed events are read: sent after them.
      let held: LiveMessage[] | null = [];
      const unsubscribe = listener.subscribe(orgId, (message) => (held ? held.push(message) : send(message)));
      const heartbeat = setInterval(() => write(": ping\n\n"), heartbeatMs);
      stop = () => {
        if (!open) return;
        open = false;
        clearInterval(heartbeat);
        unsubscribe();
        try {
          controller.close();
        } catch {
          // already closed by the client
        }
      };
      if (signal.aborted) return stop();
      signal.addEventListener("abort", stop, { once: true });

      write("retry: 2000\n\n");
      try {
        await listener.ready();
        // A stream that has heard nothing yet resumes from the org's newest event.
        const anchor = lastEventId ? null : await newestOrgEventId(db, orgId);
        send({ ...(anchor ? { id: anchor } : {}), topic: "hello", data: { userId } });
        if (lastEventId) {
          // Their own resume point is not sent again, even when nothing newer was missed.
          sent.add(lastEventId);
          const missed = await orgEventsAfter(db, orgId, lastEventId);
          if (missed.ok) missed.events.forEach(send);
          else send({ topic: "reset", data: {} });
        }
      } catch {
        // The database failed: end, and the browser comes back with its resume point.
        return stop();
      }
      const waiting = held;
      held = null;
      waiting.forEach(send);
    },
    cancel() {
      stop();
    },
  });
}
