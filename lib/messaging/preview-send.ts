// What the compose box shows before a send: who the recipient is (a contact, and whether they
// opted out: a transactional send would still reach them) and the message exactly as a chosen
// contact would receive it, merge fields filled in, with its encoding, segments and price. The
// text comes from the send's own preparation (prepare-messages.ts), so the preview is what a send
// would store.
import { z } from "zod";
import { orgSql } from "@/lib/db/sql";
import { notFound } from "@/lib/errors";
import type { ConsentStatus } from "@/lib/generated/prisma/enums";
import { sendMessageInput } from "@/lib/messaging/message-input";
import { prepareMessages } from "@/lib/messaging/prepare-messages";
import type { OrgContext } from "@/lib/org-context";
import { normalizePhone } from "@/lib/sms/phone";
import type { SmsEncoding } from "@/lib/sms/segments";

const send = sendMessageInput.shape;

export const previewSendInput = z.strictObject({
  to: z.string().trim().max(32).default(""),
  /** Preview as this contact instead of the recipient. */
  asContactId: z.string().min(1).max(64).optional(),
  from: send.from,
  body: send.body,
  mediaIds: send.mediaIds,
  smartEncoding: send.smartEncoding,
  shortenLinks: send.shortenLinks,
});
export type PreviewSendInput = z.input<typeof previewSendInput>;

export interface PreviewContact {
  id: string;
  phone: string;
  firstName: string | null;
  lastName: string | null;
  consentStatus: ConsentStatus;
}

export type PreviewText =
  | { ok: true; body: string; encoding: SmsEncoding; segments: number; priceMicros: number }
  | { ok: false; message: string; field: string | null };

export interface SendPreview {
  /** The contact the number in To is, if it is one. */
  recipient: PreviewContact | null;
  /** Whom `text` is rendered for: the chosen contact, else the recipient (null: no one yet). */
  previewAs: PreviewContact | { id: null; phone: string } | null;
  text: PreviewText | null;
}

export async function previewSend(ctx: OrgContext, raw: PreviewSendInput): Promise<SendPreview> {
  const input = previewSendInput.parse(raw);
  const db = orgSql(ctx);
  const [org] = await db.$queryRaw<{ defaultCountry: string }[]>`SELECT "defaultCountry" FROM "Organization" WHERE id = ${ctx.orgId}`;
  const phone = input.to ? normalizePhone(input.to, org!.defaultCountry) : null;
  const e164 = phone?.ok ? phone.e164 : null;
  const contacts = await db.$queryRaw<PreviewContact[]>`
    SELECT id, phone, "firstName", "lastName", "consentStatus"::text AS "consentStatus" FROM "Contact"
    WHERE "orgId" = ${ctx.orgId} AND (phone = ${e164} OR id = ${input.asContactId ?? null})`;
  const recipient = contacts.find((c) => c.phone === e164) ?? null;
  const chosen = input.asContactId ? contacts.find((c) => c.id === input.asContactId) : undefined;
  if (input.asContactId && !chosen) throw notFound("Contact", "asContactId");
  const previewAs = chosen ?? recipient ?? (e164 ? { id: null, phone: e164 } : null);
  if (!previewAs || (input.body.trim() === "" && input.mediaIds.length === 0)) return { recipient, previewAs, text: null };

  const message = { to: previewAs.phone, from: input.from, body: input.body, mediaIds: input.mediaIds, smartEncoding: input.smartEncoding, shortenLinks: input.shortenLinks };
  const prepared = (await prepareMessages(ctx, [message], new Date()))[0]!;
  const text: PreviewText = prepared.ok
    ? { ok: true, body: prepared.send.body, encoding: prepared.send.encoding, segments: prepared.send.segments, priceMicros: prepared.send.priceMicros }
    : { ok: false, message: prepared.error.message, field: prepared.error.field ?? null };
  return { recipient, previewAs, text };
}
