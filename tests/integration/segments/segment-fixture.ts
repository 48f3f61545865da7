// Hand-built contacts for the segment tests: each one named (its label), with the values the rules
// look at written straight into the rows (created times, messages, consent events; the contacts'
// last outcomes then derived from the messages, as the seed does), so every test
// asserts the exact set of labels a definition matches.
import type { Db } from "@/lib/db/client";
import { orgSql } from "@/lib/db/sql";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { ConsentStatus, MessageDirection, MessageStatus } from "@/lib/generated/prisma/enums";
import { newId } from "@/lib/ids";
import { rebuildLastOutcomes } from "@/lib/messaging/last-outcome";
import type { OrgContext } from "@/lib/org-context";
import { compileSegment } from "@/lib/segments/compile-segment";
import { loadCompileScope } from "@/lib/segments/evaluate-segment";
import { segmentDefinition, type SegmentCondition, type SegmentGroup } from "@/lib/segments/rule-model";
import { createOrgWithOwner, orgContextFor, type TestUser } from "../helpers/factories";

export interface ContactSpec {
  phone: string;
  firstName?: string | null;
  lastName?: string | null;
  email?: string | null;
  timeZone?: string | null;
  tags?: string[];
  customFields?: Record<string, unknown>;
  consentStatus?: ConsentStatus;
  optedInAt?: string | null;
  optedOutAt?: string | null;
  createdAt?: string;
  lists?: string[];
  consent?: { action: "OPT_IN" | "OPT_OUT"; source: string; at: string }[];
  messages?: { direction: MessageDirection; status: MessageStatus; at: string; errorCode?: string }[];
}

export interface SegmentFixture {
  ctx: OrgContext;
  /** The org's owner, for tRPC calls. */
  owner: TestUser;
  /** Label → contact id. */
  ids: Record<string, string>;
  /** List name → id. */
  lists: Record<string, string>;
  /** The labels `definition` matches at `now`, sorted. */
  match(definition: { timeZone?: string; root: SegmentGroup }, now?: Date): Promise<string[]>;
}

export const rule = (field: string, operator: string, value?: unknown): SegmentCondition =>
  ({ type: "condition", field, operator, ...(value !== undefined && { value }) }) as SegmentCondition;
export const all = (...rules: (SegmentCondition | SegmentGroup)[]): SegmentGroup => ({ type: "group", match: "all", rules });
export const any = (...rules: (SegmentCondition | SegmentGroup)[]): SegmentGroup => ({ type: "group", match: "any", rules });

export async function buildFixture(
  db: Db,
  options: {
    customFields: { key: string; type: "TEXT" | "NUMBER" | "DATE" | "BOOLEAN" }[];
    lists: string[];
    contacts: Record<string, ContactSpec>;
    now: Date;
  },
): Promise<SegmentFixture> {
  const { org, owner } = await createOrgWithOwner(db);
  const ctx = await orgContextFor(db, owner, org.id);
  const orgId = org.id;
  await db.customFieldDefinition.createMany({
    data: options.customFields.map((f) => ({ id: newId("customField"), orgId, key: f.key, label: f.key[0]!.toUpperCase() + f.key.slice(1), type: f.type })),
  });
  const lists: Record<string, string> = {};
  for (const name of options.lists) lists[name] = (await db.contactList.create({ data: { id: newId("list"), orgId, name } })).id;

  const ids: Record<string, string> = {};
  for (const [label, spec] of Object.entries(options.contacts)) {
    const createdAt = new Date(spec.createdAt ?? "2026-01-01T12:00:00Z");
    const contact = await db.contact.create({
      data: {
        id: newId("contact", createdAt),
        orgId,
        phone: spec.phone,
        firstName: spec.firstName ?? null,
        lastName: spec.lastName ?? null,
        email: spec.email ?? null,
        timeZone: spec.timeZone ?? null,
        tags: spec.tags ?? [],
        customFields: (spec.customFields ?? {}) as Prisma.InputJsonValue,
        consentStatus: spec.consentStatus ?? "OPTED_IN",
        optedInAt: spec.optedInAt ? new Date(spec.optedInAt) : null,
        optedOutAt: spec.optedOutAt ? new Date(spec.optedOutAt) : null,
        createdAt,
      },
    });
    ids[label] = contact.id;
    for (const list of spec.lists ?? []) await db.listMembership.create({ data: { listId: lists[list]!, contactId: contact.id, orgId } });
    for (const event of spec.consent ?? []) {
      await db.consentEvent.create({
        data: { id: newId("consent"), orgId, contactId: contact.id, action: event.action, source: event.source, occurredAt: new Date(event.at) },
      });
    }
    for (const m of spec.messages ?? []) {
      const at = new Date(m.at);
      await db.message.create({
        data: {
          id: newId("message", at),
          orgId,
          contactId: contact.id,
          direction: m.direction,
          status: m.status,
          from: m.direction === "OUTBOUND" ? "+12125550000" : spec.phone,
          to: m.direction === "OUTBOUND" ? spec.phone : "+12125550000",
          body: "Hello",
          encoding: "GSM-7",
          segments: 1,
          errorCode: m.errorCode ?? null,
          createdAt: at,
          sentAt: m.direction === "OUTBOUND" && m.status !== "QUEUED" && m.status !== "CANCELED" ? at : null,
          receivedAt: m.direction === "INBOUND" ? at : null,
        },
      });
    }
  }
  // Written straight, not through applyStatusChanges, as the seed writes its history.
  await rebuildLastOutcomes(db, orgId);
  const labelOf = new Map(Object.entries(ids).map(([label, id]) => [id, label]));

  return {
    ctx,
    owner,
    ids,
    lists,
    async match(raw, now = options.now) {
      const definition = segmentDefinition.parse(raw);
      const scope = { ...(await loadCompileScope(ctx, definition)), now };
      const labels = (rows: { id: string }[]) => rows.map((r) => labelOf.get(r.id) ?? `(unknown ${r.id})`).sort();
      const matching = async (where: Prisma.Sql) =>
        labels(await orgSql(ctx).$queryRaw<{ id: string }[]>`SELECT c.id FROM "Contact" c WHERE c."orgId" = ${ctx.orgId} AND ${where}`);
      const matched = await matching(compileSegment(definition, scope));
      // PostgreSQL runs a rule on lists or messages three ways, which must agree: under "all" as a
      // semi- or anti-join, under an "any" group as a subquery (hashed, or per contact: the same
      // definition as the only rule of an "any"), and for one contact as explain does (select list).
      const underAny = await matching(compileSegment({ ...definition, root: { type: "group", match: "any", rules: [definition.root] } }, scope));
      const evaluated = await orgSql(ctx).$queryRaw<{ id: string; met: boolean }[]>`
        SELECT c.id, coalesce(${compileSegment(definition, scope)}, false) AS met FROM "Contact" c WHERE c."orgId" = ${ctx.orgId}`;
      const perContact = labels(evaluated.filter((r) => r.met));
      if (underAny.join() !== matched.join() || perContact.join() !== matched.join())
        throw new Error(`The shapes disagree: ${JSON.stringify({ matched, underAny, perContact })}`);
      return matched;
    },
  };
}
