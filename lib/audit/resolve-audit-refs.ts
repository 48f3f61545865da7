// Names for the ids an audit page quotes (its targets, and ids inside `changes`), so people read
// "Ada Lovelace" and "VIP" rather than ct_… and lst_…. One query per kind of object for the whole
// page, never one per row; through the org's scoped client, so another org's ids stay unnamed.
import { ID_PREFIXES, type IdKind } from "@/lib/ids";
import type { ScopedDb } from "@/lib/db/scoped";

export interface AuditRef {
  label: string;
  /** The object's page in the app, when it has one. */
  href: string | null;
}

/** id -> its name now, or null when the object no longer exists (deleted). */
export type AuditRefs = Record<string, AuditRef | null>;

type Resolver = (db: ScopedDb, ids: string[]) => Promise<[string, AuditRef][]>;

const where = (ids: string[]) => ({ where: { id: { in: ids } } });
const personName = (first: string | null, last: string | null) => [first, last].filter(Boolean).join(" ").trim();

const RESOLVERS: Partial<Record<IdKind, Resolver>> = {
  contact: async (db, ids) =>
    (await db.contact.findMany({ ...where(ids), select: { id: true, firstName: true, lastName: true, phone: true } })).map((c) => {
      const name = personName(c.firstName, c.lastName);
      return [c.id, { label: name ? `${name} (${c.phone})` : c.phone, href: `/contacts/${c.id}` }];
    }),
  list: async (db, ids) =>
    (await db.contactList.findMany({ ...where(ids), select: { id: true, name: true } })).map((l) => [l.id, { label: l.name, href: `/lists/${l.id}` }]),
  segment: async (db, ids) =>
    (await db.segment.findMany({ ...where(ids), select: { id: true, name: true } })).map((sg) => [sg.id, { label: sg.name, href: `/segments/${sg.id}` }]),
  message: async (db, ids) =>
    (await db.message.findMany({ ...where(ids), select: { id: true, direction: true, from: true, to: true } })).map((m) => [
      m.id,
      { label: m.direction === "INBOUND" ? `Message from ${m.from}` : `Message to ${m.to}`, href: `/messages/${m.id}` },
    ]),
  customField: async (db, ids) =>
    (await db.customFieldDefinition.findMany({ ...where(ids), select: { id: true, label: true } })).map((f) => [
      f.id,
      { label: f.label, href: "/settings/custom-fields" },
    ]),
  membership: async (db, ids) =>
    (await db.membership.findMany({ ...where(ids), select: { id: true, user: { select: { name: true, email: true } } } })).map((m) => [
      m.id,
      { label: m.user.name ? `${m.user.name} (${m.user.email})` : m.user.email, href: "/settings/members" },
    ]),
  invitation: async (db, ids) =>
    (await db.invitation.findMany({ ...where(ids), select: { id: true, email: true } })).map((i) => [i.id, { label: i.email, href: "/settings/members" }]),
  organization: async (db, ids) =>
    (await db.organization.findMany({ ...where(ids), select: { id: true, name: true } })).map((o) => [o.id, { label: o.name, href: "/settings" }]),
  connection: async (db, ids) =>
    (await db.carrierConnection.findMany({ ...where(ids), select: { id: true, name: true } })).map((c) => [
      c.id,
      { label: c.name, href: "/settings/connections" },
    ]),
  sender: async (db, ids) =>
    (await db.senderNumber.findMany({ ...where(ids), select: { id: true, address: true, label: true } })).map((s) => [
      s.id,
      { label: s.label ? `${s.label} (${s.address})` : s.address, href: "/settings/senders" },
    ]),
  apiKey: async (db, ids) =>
    (await db.apiKey.findMany({ ...where(ids), select: { id: true, name: true, revokedAt: true } })).map((k) => [
      k.id,
      { label: k.revokedAt ? `${k.name} (revoked)` : k.name, href: "/developers" },
    ]),
  webhookEndpoint: async (db, ids) =>
    (await db.webhookEndpoint.findMany({ ...where(ids), select: { id: true, url: true } })).map((e) => [
      e.id,
      { label: e.url, href: `/developers/webhooks/${e.id}` },
    ]),
  webhookDelivery: async (db, ids) =>
    (await db.webhookDelivery.findMany({ ...where(ids), select: { id: true, eventType: true, endpointId: true } })).map((d) => [
      d.id,
      { label: `${d.eventType} delivery`, href: `/developers/webhooks/${d.endpointId}` },
    ]),
  media: async (db, ids) =>
    (await db.mediaAsset.findMany({ ...where(ids), select: { id: true, fileName: true, contentType: true } })).map((m) => [
      m.id,
      { label: m.fileName ?? m.contentType, href: null },
    ]),
  contactImport: async (db, ids) =>
    (await db.contactImport.findMany({ ...where(ids), select: { id: true, fileName: true } })).map((i) => [
      i.id,
      { label: i.fileName, href: `/contacts/import/${i.id}` },
    ]),
  // The campaign pages come with the campaigns UI; until then the name alone.
  campaign: async (db, ids) =>
    (await db.campaign.findMany({ ...where(ids), select: { id: true, name: true } })).map((c) => [c.id, { label: c.name, href: null }]),
  workflow: async (db, ids) =>
    (await db.workflow.findMany({ ...where(ids), select: { id: true, name: true } })).map((w) => [w.id, { label: w.name, href: `/workflows/${w.id}` }]),
  verification: async (db, ids) =>
    (await db.verification.findMany({ ...where(ids), select: { id: true, to: true } })).map((v) => [
      v.id,
      { label: `Verification for ${v.to}`, href: null },
    ]),
};

const KIND_OF_PREFIX = new Map<string, IdKind>(Object.entries(ID_PREFIXES).map(([kind, prefix]) => [prefix, kind as IdKind]));
const ID_SHAPE = /^([a-z]+)_[0-9a-z]{24}$/;

// Longer lists of ids in `changes` read as a count ("40 items"), so naming them would be wasted work.
const MAX_NAMED_IN_LIST = 5;

function idsIn(changes: unknown): string[] {
  if (typeof changes !== "object" || changes === null || Array.isArray(changes)) return [];
  return Object.values(changes).flatMap((value) => {
    if (typeof value === "string") return [value];
    if (Array.isArray(value) && value.length <= MAX_NAMED_IN_LIST) return value.filter((v): v is string => typeof v === "string");
    return [];
  });
}

/** Names for every id the rows quote that has a kind we can name; null for those that are gone. */
export async function resolveAuditRefs(
  db: ScopedDb,
  rows: { targetId: string | null; changes: unknown }[],
): Promise<AuditRefs> {
  const byKind = new Map<IdKind, Set<string>>();
  for (const id of rows.flatMap((r) => [r.targetId, ...idsIn(r.changes)])) {
    const kind = id ? KIND_OF_PREFIX.get(ID_SHAPE.exec(id)?.[1] ?? "") : undefined;
    if (!id || !kind || !RESOLVERS[kind]) continue;
    byKind.set(kind, (byKind.get(kind) ?? new Set()).add(id));
  }
  const refs: AuditRefs = {};
  const found = await Promise.all([...byKind].map(([kind, ids]) => RESOLVERS[kind]!(db, [...ids])));
  for (const ids of byKind.values()) for (const id of ids) refs[id] = null;
  for (const [id, ref] of found.flat()) refs[id] = ref;
  return refs;
}
