// Loads what a batch of sends needs, once for the batch (the org's country and senders, the media
// named, its custom field keys and the contacts that templated bodies go to: one query each, never
// one per message), then prepares each send (prepare-send.ts). The compose box's preview runs the
// same path, so it shows exactly what a send would store.
import { orgSql } from "@/lib/db/sql";
import { DomainError, notFound } from "@/lib/errors";
import { customFieldKeys, loadMergeContacts, mergeContact, renderForRecipient, type MergeData } from "@/lib/messaging/merge-fields";
import type { SendMessageInput } from "@/lib/messaging/message-input";
import { prepareSend, sendContext, type Prepared, type SenderForSend } from "@/lib/messaging/prepare-send";
import type { OrgContext } from "@/lib/org-context";
import { normalizePhone } from "@/lib/sms/phone";
import { hasMergeFields, type MergeField } from "@/lib/sms/templates";

export async function prepareMessages(ctx: OrgContext, inputs: SendMessageInput[], now: Date): Promise<Prepared[]> {
  const mediaIds = [...new Set(inputs.flatMap((i) => (Array.isArray(i?.mediaIds) ? i.mediaIds : [])))].filter((id) => typeof id === "string");
  const templated = inputs.some(isTemplated);
  const db = orgSql(ctx);
  const [[org], media, keys] = await Promise.all([
    db.$queryRaw<{ defaultCountry: string; senders: SenderForSend[] }[]>`
      SELECT o."defaultCountry", COALESCE((
        SELECT json_agg(json_build_object('id', s.id, 'address', s.address, 'mmsEnabled', s."mmsEnabled",
          'connection', json_build_object('kind', c.kind, 'smsPriceMicros', c."smsPriceMicros", 'mmsPriceMicros', c."mmsPriceMicros"))
          ORDER BY s."createdAt", s.id)
        FROM "SenderNumber" s JOIN "CarrierConnection" c ON c.id = s."connectionId" WHERE s."orgId" = o.id), '[]') AS senders
      FROM "Organization" o WHERE o.id = ${ctx.orgId}`,
    mediaIds.length
      ? db.$queryRaw<{ id: string; size: number }[]>`SELECT id, size FROM "MediaAsset" WHERE "orgId" = ${ctx.orgId} AND id = ANY(${mediaIds}::text[])`
      : [],
    templated ? customFieldKeys(ctx) : [],
  ]);
  if (!org) throw notFound("Organisation");
  const contacts = templated ? await templatedRecipients(ctx, inputs, org.defaultCountry) : [];
  const merge: MergeData = { keys, contacts: new Map(contacts.map((r) => [r.phone, mergeContact(r)])) };
  const checked = new Map<string, MergeField[] | DomainError>();
  const context = sendContext(org.defaultCountry, org.senders, new Map(media.map((m) => [m.id, m.size])), (body, phone) =>
    renderForRecipient(body, phone, merge, checked),
  );
  return inputs.map((input) => prepareSend(input, context, now));
}

async function templatedRecipients(ctx: OrgContext, inputs: SendMessageInput[], defaultCountry: string) {
  const phones = inputs.filter(isTemplated).flatMap((i) => {
    const phone = normalizePhone(i.to, defaultCountry);
    return phone.ok ? [phone.e164] : [];
  });
  return loadMergeContacts(ctx, { phones: [...new Set(phones)] });
}

/** Inputs are not parsed yet: only a well-formed one with braces in its body is looked at here. */
const isTemplated = (input: SendMessageInput): input is SendMessageInput & { to: string; body: string } =>
  typeof input?.to === "string" && typeof input.body === "string" && input.mergeFields !== false && hasMergeFields(input.body);
