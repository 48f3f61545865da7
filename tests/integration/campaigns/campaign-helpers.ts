// Fixtures for the campaign tests: an org with its simulator sender (and more senders for a pool),
// contacts written directly in bulk, lists of them.
import type { Db } from "@/lib/db/client";
import { newId } from "@/lib/ids";
import type { OrgContext } from "@/lib/org-context";
import { createSender } from "@/lib/senders/manage-senders";
import { zoneAwakeNow } from "../../awake-zone";
import { createOrgWithOwner, orgContextFor } from "../helpers/factories";

export interface SeedContact {
  phone: string;
  firstName?: string | null;
  customFields?: Record<string, string | number | boolean>;
  optedOut?: boolean;
  timeZone?: string | null;
  lists?: string[];
}

/** An org without a frequency cap of its own (a test of the cap sets one): its campaigns go to the same contacts. */
export async function campaignOrg(db: Db) {
  const { org, owner } = await createOrgWithOwner(db);
  await db.organization.update({ where: { id: org.id }, data: { marketingCapPer24h: null } });
  const ctx = await orgContextFor(db, owner, org.id);
  const sender = await db.senderNumber.findFirstOrThrow({ where: { orgId: org.id } });
  return { org, owner, ctx, sender };
}

/** More senders on the org's simulator connection, for a pool. */
export async function moreSenders(db: Db, ctx: OrgContext, count: number, throughput = 10) {
  const connection = await db.carrierConnection.findFirstOrThrow({ where: { orgId: ctx.orgId, kind: "SIMULATOR" } });
  const made = [];
  for (let i = 0; i < count; i++) {
    const address = `+1415555${9000 + i}`;
    made.push(await createSender(ctx, { kind: "LONG_CODE", address, connectionId: connection.id, throughput }));
  }
  return made;
}

export async function makeList(db: Db, ctx: OrgContext, name: string) {
  return db.contactList.create({ data: { id: newId("list"), orgId: ctx.orgId, name } });
}

/** Contacts and their list memberships, in two statements; returns their ids in order. */
export async function seedContacts(db: Db, ctx: OrgContext, contacts: SeedContact[]): Promise<string[]> {
  const ids = contacts.map(() => newId("contact"));
  await db.contact.createMany({
    data: contacts.map((c, i) => ({
      id: ids[i]!,
      orgId: ctx.orgId,
      phone: c.phone,
      firstName: c.firstName ?? null,
      customFields: c.customFields ?? {},
      // Where it is daytime now, unless the test says: quiet hours would hold their texts at night.
      timeZone: c.timeZone === undefined ? zoneAwakeNow() : c.timeZone,
      consentStatus: c.optedOut ? "OPTED_OUT" : "OPTED_IN",
    })),
  });
  await db.listMembership.createMany({
    data: contacts.flatMap((c, i) => (c.lists ?? []).map((listId) => ({ listId, contactId: ids[i]!, orgId: ctx.orgId }))),
  });
  return ids;
}

export const phone = (n: number) => `+1212555${String(n).padStart(4, "0")}`;
