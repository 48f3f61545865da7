// Opting a contact out of marketing, or back in, on their behalf (through the API): recorded as an
// inbound STOP or START is (consent history, audit, contact.opted_out / contact.opted_in webhook),
// and a no-op answering the contact as it is when it is already in that state.
import { z } from "zod";
import { applyConsentChange } from "@/lib/messaging/apply-consent-change";
import { contactOmit } from "@/lib/contacts/contact-select";
import { notFound } from "@/lib/errors";
import type { OrgContext } from "@/lib/org-context";
import { enqueueWebhookEvents } from "@/lib/webhooks/enqueue-webhook-events";

/** The contact page's opt-out / opt-in control sends this; REST's /opt_out and /opt_in name the kind in the path. */
export const changeConsentInput = z.strictObject({ id: z.string().min(1), kind: z.enum(["OPT_OUT", "OPT_IN"]) });

export async function changeConsent(ctx: OrgContext, raw: z.input<typeof changeConsentInput>, source: "api" | "ui") {
  const { id, kind } = changeConsentInput.parse(raw);
  return ctx.db.$transaction(async (tx) => {
    // The row lock first (raw SQL is not scoped: orgId explicitly, which the client checks), then the
    // database's clock, as an inbound STOP takes them: of two opt-outs at once one records the change,
    // and a send racing it either committed before it (and is canceled by it) or is refused after.
    // FOR NO KEY UPDATE: sends' share locks wait for it; foreign-key checks (a receipt writing the
    // contact's last outcome) do not, as in receive-message.ts.
    const [row] = await tx.$queryRaw<{ id: string; phone: string; consentStatus: string }[]>`
      SELECT id, phone, "consentStatus"::text AS "consentStatus" FROM "Contact" WHERE id = ${id} AND "orgId" = ${ctx.orgId} FOR NO KEY UPDATE`;
    if (!row) throw notFound("Contact", "id");
    if (row.consentStatus !== (kind === "OPT_OUT" ? "OPTED_OUT" : "OPTED_IN")) {
      const [{ at }] = await tx.$queryRaw<[{ at: Date }]>`
        SELECT clock_timestamp() AS at FROM "Contact" WHERE id = ${row.id} AND "orgId" = ${ctx.orgId}`;
      const event = await applyConsentChange(ctx, tx, { kind, contactId: row.id, phone: row.phone, at, source });
      await enqueueWebhookEvents(tx, [event]);
    }
    return tx.contact.findUniqueOrThrow({ where: { id: row.id }, omit: contactOmit });
  });
}
