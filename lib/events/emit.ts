// Sends events after the data they announce is committed. A failed send is logged, not thrown: the
// rows are already durable and the messaging sweeper (lib/jobs/sweep-messages.ts) finds queued or
// due work whose event was lost, so a caller is never told "failed" about a message that was stored.
//
// Emitting inside an open transaction is refused, always (not only in development): it is a bug in
// the caller, which should register the emit with afterCommit (lib/db/after-commit.ts). Sent, it
// would announce rows that may yet roll back and hold the transaction's locks across a network round
// trip; with the embedded database, whose one session the job server needs too, it deadlocked the
// whole app. A thrown error rolls back one request and names the bug; letting it through in
// production would leave that hang possible exactly where no test ran.
import { InsideTransactionError, inTransaction } from "@/lib/db/after-commit";
import { inngest } from "@/lib/events/client";
import { logger } from "@/lib/log/logger";

const log = logger.child({ component: "jobs" });

type Payload = Parameters<typeof inngest.send>[0];

// A missing or unreachable Inngest server fails every send: say so once a minute, not per message.
const WARN_EVERY_MS = 60_000;
let lastWarning = 0;

export async function emitEvents(events: Payload): Promise<void> {
  // Checked before the empty case, so a path that emits inside a transaction fails its tests even
  // when the test happens to have nothing to emit.
  if (inTransaction()) throw new InsideTransactionError("An event was emitted");
  if (Array.isArray(events) && events.length === 0) return;
  try {
    await inngest.send(events);
  } catch (error) {
    if (Date.now() - lastWarning < WARN_EVERY_MS) return;
    lastWarning = Date.now();
    log.warn(`events not sent (queued messages wait for the sweeper): ${(error as Error).message}`);
  }
}
