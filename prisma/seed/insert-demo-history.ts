// Writes the demo org's planned history (plan-demo-history.ts) in one transaction of set-based
// inserts (one statement per table, rows as arrays): a few thousand messages in well under a second.
// Bound to the demo org like any org's raw SQL (orgSqlTransaction). Times go as ISO text: the
// columns are UTC `timestamp`s, and pg would send a Date inside an array in local time.
import type { Db } from "../../lib/db/client.ts";
import { scopedDb } from "../../lib/db/scoped.ts";
import { orgSqlTransaction } from "../../lib/db/sql.ts";
import { newId } from "../../lib/ids.ts";
import { rebuildLastOutcomes } from "../../lib/messaging/last-outcome.ts";
import { planDemoHistory, type DemoHistory } from "./plan-demo-history.ts";

const iso = (dates: (Date | null)[]) => dates.map((d) => d?.toISOString() ?? null);

export async function seedDemoHistory(db: Db, orgId: string, now = new Date()): Promise<DemoHistory> {
  const org = await db.organization.findUniqueOrThrow({ where: { id: orgId }, select: { name: true } });
  const sender = await db.senderNumber.findFirstOrThrow({
    where: { orgId, connection: { kind: "SIMULATOR" } },
    orderBy: { createdAt: "asc" },
    select: { id: true, address: true, connectionId: true, connection: { select: { smsPriceMicros: true } } },
  });
  const contacts = await db.contact.findMany({
    where: { orgId },
    orderBy: { id: "asc" },
    select: { id: true, phone: true, createdAt: true, tags: true, optedOutAt: true },
  });
  const plan = planDemoHistory(contacts, { ...sender, smsPriceMicros: sender.connection.smsPriceMicros }, org.name, now);
  const { messages: m, events: e, optOuts: o, campaigns } = plan;
  const outbound = m.filter((x) => x.carrierMessageId);
  const sent = m.filter((x) => x.campaignId);
  // The campaigns' audience as their editor would show it: the demo's newsletter list.
  const list = await db.contactList.findFirst({ where: { orgId }, orderBy: { name: "asc" }, select: { id: true } });
  const audience = { include: { listIds: list ? [list.id] : [], segmentIds: [] }, exclude: { listIds: [], segmentIds: [] } };

  await orgSqlTransaction({ db: scopedDb(db, orgId), orgId }, async (tx) => {
    // The marketing texts went out as completed campaigns (their counts are read live from their messages).
    await tx.$executeRaw`
      INSERT INTO "Campaign" (id, "orgId", name, status, body, audience, "senderIds", schedule, "appendOptOut", "startAt", "resolvedAt",
                              recipients, "createdAt", "updatedAt", "startedAt", "completedAt")
      SELECT u.id, ${orgId}, u.name, 'COMPLETED', u.body, ${JSON.stringify(audience)}::jsonb, ARRAY[${sender.id}], '{"kind":"now"}'::jsonb, 'off',
             u.start, u.start, (SELECT count(*) FROM unnest(${sent.map((x) => x.campaignId)}::text[]) s WHERE s = u.id), u.start, u.done, u.start, u.done
      FROM unnest(${campaigns.map((c) => c.id)}::text[], ${campaigns.map((c) => c.name)}::text[], ${campaigns.map((c) => c.body)}::text[],
                  ${iso(campaigns.map((c) => c.startAt))}::timestamp[], ${iso(campaigns.map((c) => c.completedAt))}::timestamp[]) AS u(id, name, body, start, done)`;
    await tx.$executeRaw`
      INSERT INTO "Message" (id, "orgId", direction, status, "senderId", "contactId", "from", "to", body, encoding, segments, "priceMicros",
                             marketing, "errorCode", "errorMessage", "carrierMessageId", "createdAt", "updatedAt", "sentAt", "deliveredAt",
                             "failedAt", "receivedAt", "campaignId")
      SELECT u.id, ${orgId}, u.direction::"MessageDirection", u.status::"MessageStatus", ${sender.id}, u.contact, u.sent_from, u.sent_to, u.body,
             u.encoding, u.segments, u.price, u.marketing, u.code, u.text, u.carrier_id, u.created, u.updated, u.sent, u.delivered, u.failed, u.received,
             u.campaign
      FROM unnest(${m.map((x) => x.id)}::text[], ${m.map((x) => x.direction)}::text[], ${m.map((x) => x.status)}::text[],
                  ${m.map((x) => x.contactId)}::text[], ${m.map((x) => x.from)}::text[], ${m.map((x) => x.to)}::text[],
                  ${m.map((x) => x.body)}::text[], ${m.map((x) => x.encoding)}::text[], ${m.map((x) => x.segments)}::int[],
                  ${m.map((x) => x.priceMicros)}::int[], ${m.map((x) => x.marketing)}::boolean[], ${m.map((x) => x.errorCode)}::text[],
                  ${m.map((x) => x.errorMessage)}::text[], ${m.map((x) => x.carrierMessageId)}::text[],
                  ${iso(m.map((x) => x.createdAt))}::timestamp[], ${iso(m.map((x) => x.updatedAt))}::timestamp[],
                  ${iso(m.map((x) => x.sentAt))}::timestamp[], ${iso(m.map((x) => x.deliveredAt))}::timestamp[],
                  ${iso(m.map((x) => x.failedAt))}::timestamp[], ${iso(m.map((x) => x.receivedAt))}::timestamp[], ${m.map((x) => x.campaignId)}::text[])
        AS u(id, direction, status, contact, sent_from, sent_to, body, encoding, segments, price, marketing, code, text, carrier_id,
             created, updated, sent, delivered, failed, received, campaign)`;
    await tx.$executeRaw`
      INSERT INTO "CampaignRecipient" ("campaignId", "contactId", "orgId", "senderId", "sendAt", "messageId", segments, "priceMicros")
      SELECT u.campaign, u.contact, ${orgId}, ${sender.id}, u.at, u.message, u.segments, u.price
      FROM unnest(${sent.map((x) => x.campaignId)}::text[], ${sent.map((x) => x.contactId)}::text[], ${iso(sent.map((x) => x.createdAt))}::timestamp[],
                  ${sent.map((x) => x.id)}::text[], ${sent.map((x) => x.segments)}::int[], ${sent.map((x) => x.priceMicros)}::int[])
        AS u(campaign, contact, at, message, segments, price)`;
    // Written here past applyStatusChanges, so the contacts' last outcomes are too.
    await rebuildLastOutcomes(tx, orgId);
    await tx.$executeRaw`
      INSERT INTO "MessageEvent" (id, "orgId", "messageId", status, "errorCode", "errorMessage", source, "occurredAt")
      SELECT u.id, ${orgId}, u.message, u.status::"MessageStatus", u.code, u.text, u.source, u.at
      FROM unnest(${e.map((x) => x.id)}::text[], ${e.map((x) => x.messageId)}::text[], ${e.map((x) => x.status)}::text[],
                  ${e.map((x) => x.errorCode)}::text[], ${e.map((x) => x.errorMessage)}::text[], ${e.map((x) => x.source)}::text[],
                  ${iso(e.map((x) => x.occurredAt))}::timestamp[]) AS u(id, message, status, code, text, source, at)`;
    // Each outbound message's source is its first history row's (sendMessages writes both).
    await tx.$executeRaw`
      UPDATE "Message" m SET source = e.source FROM "MessageEvent" e
      WHERE e."messageId" = m.id AND e.status IN ('QUEUED', 'SCHEDULED') AND m."orgId" = ${orgId} AND e."orgId" = ${orgId} AND m.direction = 'OUTBOUND'`;
    // One part each, as the simulator submits: its receipt is the message's own status.
    await tx.$executeRaw`
      INSERT INTO "MessageSubmission" ("connectionId", "carrierMessageId", "messageId", part, parts, "createdAt")
      SELECT ${sender.connectionId}, u.carrier_id, u.message, 0, 1, u.at
      FROM unnest(${outbound.map((x) => x.carrierMessageId)}::text[], ${outbound.map((x) => x.id)}::text[],
                  ${iso(outbound.map((x) => x.sentAt))}::timestamp[]) AS u(carrier_id, message, at)
      WHERE EXISTS (SELECT 1 FROM "Message" WHERE id = u.message AND "orgId" = ${orgId})`;
    // Each STOP as receive-message.ts records it (applyConsentChange): the contact's state, a row of
    // consent history, and the audit entry in the name of the texter.
    await tx.$executeRaw`
      UPDATE "Contact" c SET "consentStatus" = 'OPTED_OUT', "optedOutAt" = u.at, "optOutSource" = 'keyword:' || u.keyword,
                             "updatedAt" = GREATEST(c."updatedAt", u.at)
      FROM unnest(${o.map((x) => x.contactId)}::text[], ${o.map((x) => x.keyword)}::text[], ${iso(o.map((x) => x.at))}::timestamp[])
        AS u(contact, keyword, at)
      WHERE c.id = u.contact AND c."orgId" = ${orgId}`;
    await tx.$executeRaw`
      INSERT INTO "ConsentEvent" (id, "orgId", "contactId", action, source, keyword, "messageId", "occurredAt")
      SELECT u.id, ${orgId}, u.contact, 'OPT_OUT', 'keyword', u.keyword, u.message, u.at
      FROM unnest(${o.map((x) => newId("consent", x.at))}::text[], ${o.map((x) => x.contactId)}::text[], ${o.map((x) => x.keyword)}::text[],
                  ${o.map((x) => x.messageId)}::text[], ${iso(o.map((x) => x.at))}::timestamp[]) AS u(id, contact, keyword, message, at)`;
    await tx.$executeRaw`
      INSERT INTO "AuditLog" (id, "orgId", "actorType", "actorLabel", action, "targetType", "targetId", changes, "createdAt")
      SELECT u.id, ${orgId}, 'SYSTEM', 'SMS from ' || u.phone, 'contact.opted_out', 'contact', u.contact,
             jsonb_build_object('keyword', u.keyword, 'messageId', u.message), u.at
      FROM unnest(${o.map((x) => newId("audit", x.at))}::text[], ${o.map((x) => x.phone)}::text[], ${o.map((x) => x.contactId)}::text[],
                  ${o.map((x) => x.keyword)}::text[], ${o.map((x) => x.messageId)}::text[], ${iso(o.map((x) => x.at))}::timestamp[])
        AS u(id, phone, contact, keyword, message, at)`;
  });
  return plan;
}
