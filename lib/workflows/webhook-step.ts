// A webhook node: POST {workflow, run, contact, trigger} as JSON, signed the Standard Webhooks way
// (as the org's endpoints are: lib/webhooks/sign-webhook.ts) with the org's workflow secret (made
// at first use), through the SSRF guard, at most 10 s; a 2xx takes "success", anything else
// (another status, a refused address, no answer) "failure". Called outside any transaction.
import { orgSql } from "@/lib/db/sql";
import type { OrgContext } from "@/lib/org-context";
import { postWebhook } from "@/lib/webhooks/post-webhook";
import { newWebhookSecret, signatureHeaders } from "@/lib/webhooks/sign-webhook";
import type { NodeOf } from "@/lib/workflows/graph-model";

const TIMEOUT_MS = 10_000;

/** The org's secret for workflows' webhooks; the first caller makes it (two at once agree on one). */
export async function workflowWebhookSecret(ctx: OrgContext): Promise<string> {
  const [row] = await orgSql(ctx).$queryRaw<{ secret: string }[]>`
    UPDATE "Organization" SET "workflowWebhookSecret" = COALESCE("workflowWebhookSecret", ${newWebhookSecret()})
    WHERE id = ${ctx.orgId} RETURNING "workflowWebhookSecret" AS secret`;
  return row!.secret;
}

export interface WebhookRun {
  runId: string;
  workflowId: string;
  versionId: string;
  contactId: string;
  stepCount: number;
  trigger: { kind: string; data: Record<string, unknown> };
}

export async function webhookStep(ctx: OrgContext, run: WebhookRun, node: NodeOf<"webhook">, options: { allowPrivate?: boolean } = {}) {
  const [workflow, contact, secret] = await Promise.all([
    ctx.db.workflow.findUnique({ where: { id: run.workflowId }, select: { id: true, name: true } }),
    ctx.db.contact.findUnique({
      where: { id: run.contactId },
      select: { id: true, phone: true, firstName: true, lastName: true, email: true, tags: true, customFields: true, consentStatus: true },
    }),
    workflowWebhookSecret(ctx),
  ]);
  const body = JSON.stringify({
    workflow: { id: run.workflowId, name: workflow?.name ?? null, version_id: run.versionId, node_id: node.id },
    run: { id: run.runId },
    contact: contact && {
      id: contact.id,
      phone: contact.phone,
      first_name: contact.firstName,
      last_name: contact.lastName,
      email: contact.email,
      tags: contact.tags,
      custom_fields: contact.customFields,
      subscription_status: contact.consentStatus === "OPTED_OUT" ? "unsubscribed" : "subscribed",
    },
    trigger: run.trigger,
  });
  // The same id on a retry of the step: a receiver can drop the repeat.
  const id = `${run.runId}_${run.stepCount}`;
  const result = await postWebhook(node.data.url, signatureHeaders(secret, id, Math.floor(Date.now() / 1000), body), body, { timeoutMs: TIMEOUT_MS, ...options });
  return { handle: result.ok ? "success" : "failure", detail: { status: result.status, ...(result.error ? { error: result.error.slice(0, 200) } : {}), latencyMs: result.latencyMs } };
}
