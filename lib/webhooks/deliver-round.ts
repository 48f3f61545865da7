// One round of an endpoint's deliverer: its due pending deliveries, oldest first, at most one per
// subject (an event waits while an earlier one of the same message is still pending, even one
// waiting for a retry, so a receiver sees "sent" before "delivered"), POSTed signed; every attempt is
// logged, failures get their next time from the retry schedule, and a delivery whose schedule is
// over is failed for good. See auto-disable.ts for what repeated final failures do to the endpoint.
import type { Db } from "@/lib/db/client";
import { systemSql } from "@/lib/db/sql";
import { newId } from "@/lib/ids";
import { recordFinalOutcomes } from "@/lib/webhooks/auto-disable";
import { postWebhook, type AttemptResult } from "@/lib/webhooks/post-webhook";
import { DEFAULT_RETRY_DELAYS_MS, nextAttemptAt } from "@/lib/webhooks/retry-schedule";
import { signatureHeaders } from "@/lib/webhooks/sign-webhook";

/** Deliveries attempted at once per round (different subjects, so their order does not matter). */
const ROUND_SIZE = 20;

export interface DeliveryOptions {
  retryDelaysMs?: readonly number[];
  /** Final failures in a row, with no success between, that switch the endpoint off. */
  disableAfterFailures?: number;
  timeoutMs?: number;
  allowPrivate?: boolean;
}

export interface DeliveryRound {
  attempted: number;
  succeeded: number;
  /** Deliveries that failed for good this round. */
  failed: number;
  /** The earliest time a pending delivery waiting for a retry is due, when none is due now. */
  nextDueAt: string | null;
}

interface Due {
  id: string;
  eventId: string;
  payload: string;
  attempts: number;
}

export async function deliverRound(db: Db, endpointId: string, options: DeliveryOptions = {}): Promise<DeliveryRound> {
  const none: DeliveryRound = { attempted: 0, succeeded: 0, failed: 0, nextDueAt: null };
  const endpoint = await db.webhookEndpoint.findUnique({ where: { id: endpointId } });
  if (!endpoint?.enabled) return none;

  const now = new Date();
  const due = await systemSql(db).$queryRaw<Due[]>`
    SELECT d.id, d."eventId", d.payload::text AS payload, d.attempts FROM "WebhookDelivery" d
    WHERE d."endpointId" = ${endpointId} AND d.status = 'PENDING'
      AND (d."nextAttemptAt" IS NULL OR d."nextAttemptAt" <= ${now.toISOString()}::timestamp)
      AND NOT EXISTS (SELECT 1 FROM "WebhookDelivery" p WHERE p."endpointId" = d."endpointId"
                      AND p."orderingKey" = d."orderingKey" AND p.status = 'PENDING' AND p.id < d.id)
    ORDER BY d.id LIMIT ${ROUND_SIZE}`;
  if (due.length === 0) return { ...none, nextDueAt: await nextDue(db, endpointId) };

  const results = await Promise.all(
    due.map((d) => {
      const headers = signatureHeaders(endpoint.secret, d.eventId, Math.floor(Date.now() / 1000), d.payload);
      return postWebhook(endpoint.url, headers, d.payload, options).then((result) => ({ delivery: d, result }));
    }),
  );
  const outcomes = await db.$transaction(async (tx) => {
    let succeeded = 0;
    let failed = 0;
    for (const { delivery, result } of results) {
      const attempt = delivery.attempts + 1;
      await tx.webhookAttempt.create({ data: attemptRow(delivery, attempt, result) });
      const retryAt = result.ok ? null : nextAttemptAt(attempt, new Date(), options.retryDelaysMs ?? DEFAULT_RETRY_DELAYS_MS);
      const status = result.ok ? "SUCCEEDED" : retryAt ? "PENDING" : "FAILED";
      await tx.webhookDelivery.update({
        where: { id: delivery.id },
        data: { status, attempts: attempt, nextAttemptAt: retryAt, ...(result.ok && { deliveredAt: new Date() }) },
      });
      if (status === "SUCCEEDED") succeeded++;
      if (status === "FAILED") failed++;
    }
    const lastError = results.findLast((r) => !r.result.ok)?.result.error ?? null;
    await recordFinalOutcomes(tx, endpoint, { succeeded, failed, lastError }, options.disableAfterFailures);
    return { succeeded, failed };
  });
  return { attempted: due.length, ...outcomes, nextDueAt: null };
}

function attemptRow(delivery: Due, attempt: number, result: AttemptResult) {
  return {
    id: newId("webhookAttempt"),
    deliveryId: delivery.id,
    attempt,
    requestBody: delivery.payload,
    responseStatus: result.status,
    responseBody: result.responseBody,
    latencyMs: result.latencyMs,
    error: result.error,
  };
}

async function nextDue(db: Db, endpointId: string): Promise<string | null> {
  const next = await db.webhookDelivery.findFirst({
    where: { endpointId, status: "PENDING", nextAttemptAt: { not: null } },
    orderBy: { nextAttemptAt: "asc" },
    select: { nextAttemptAt: true },
  });
  return next?.nextAttemptAt?.toISOString() ?? null;
}
