// One round of a message's StatusCallbacks (lib/jobs/twilio-status-callback.ts runs rounds until none
// is due): its oldest waiting callback, when due, is taken with a lease (a second run for the same
// message cannot POST it too), POSTed with no transaction open, and deleted once it succeeds or its
// retries are over. One that failed waits for its next attempt and holds back the message's later
// callbacks meanwhile, so a receiver hears "sent" before "delivered".
import type { Db } from "@/lib/db/client";
import { systemSql } from "@/lib/db/sql";
import { logger } from "@/lib/log/logger";
import { postStatusCallback, statusCallback, type StatusCallbackSource } from "@/lib/twilio-api/status-callback";
import type { PostOptions } from "@/lib/webhooks/post-webhook";
import { nextAttemptAt } from "@/lib/webhooks/retry-schedule";

const log = logger.child({ component: "twilio" });

/**
 * Eight retries, 2 s doubling: what the job server's default backoff gave a failed callback when
 * each one was a job run of its own (retries: 8).
 */
export const DEFAULT_CALLBACK_RETRY_DELAYS_MS: readonly number[] = [2_000, 4_000, 8_000, 16_000, 32_000, 64_000, 128_000, 256_000];

/** Longer than a POST may take (10 s at most): a callback in flight is not taken again before it ends. */
const LEASE_MS = 60_000;

export interface CallbackOptions extends PostOptions {
  retryDelaysMs?: readonly number[];
}

export type CallbackRound =
  | { attempted: true; ok: boolean; gaveUp: boolean }
  /** Nothing due now: when the message's next callback is (a retry, or one in flight), or null when none is left. */
  | { attempted: false; nextDueAt: string | null };

export async function deliverStatusCallback(db: Db, messageId: string, options: CallbackOptions = {}): Promise<CallbackRound> {
  const client = systemSql(db);
  const now = new Date();
  const [taken] = await client.$queryRaw<(StatusCallbackSource & { id: bigint; attempts: number })[]>`
    WITH first AS (
      SELECT id FROM "TwilioStatusCallback" WHERE "messageId" = ${messageId} ORDER BY id LIMIT 1
    ), taken AS (
      UPDATE "TwilioStatusCallback" c SET "nextAttemptAt" = ${new Date(now.getTime() + LEASE_MS)}
      FROM first WHERE c.id = first.id AND (c."nextAttemptAt" IS NULL OR c."nextAttemptAt" <= ${now})
      RETURNING c.id, c."messageId", c.status::text AS status, c."errorCode", c.attempts
    )
    SELECT taken.*, m."from", m."to", m."statusCallback" AS url, o."accountSid"
    FROM taken JOIN "Message" m ON m.id = taken."messageId" JOIN "Organization" o ON o.id = m."orgId"`;
  if (!taken) {
    const [next] = await client.$queryRaw<{ at: Date | null }[]>`
      SELECT "nextAttemptAt" AS at FROM "TwilioStatusCallback" WHERE "messageId" = ${messageId} ORDER BY id LIMIT 1`;
    return { attempted: false, nextDueAt: next ? (next.at ?? now).toISOString() : null };
  }

  const callback = statusCallback(taken);
  const result = await postStatusCallback(callback, options);
  const attempts = taken.attempts + 1;
  const retryAt = result.ok ? null : nextAttemptAt(attempts, new Date(), options.retryDelaysMs ?? DEFAULT_CALLBACK_RETRY_DELAYS_MS);
  if (retryAt) {
    await client.$executeRaw`UPDATE "TwilioStatusCallback" SET attempts = ${attempts}, "nextAttemptAt" = ${retryAt} WHERE id = ${taken.id}`;
  } else {
    await client.$executeRaw`DELETE FROM "TwilioStatusCallback" WHERE id = ${taken.id}`;
  }
  const gaveUp = !result.ok && !retryAt;
  if (gaveUp) log.warn(`StatusCallback "${callback.params.MessageStatus}" of ${callback.params.MessageSid} to ${callback.url} given up after ${attempts} attempts: ${result.error}`);
  return { attempted: true, ok: result.ok, gaveUp };
}
