// The two SQL helpers a campaign's fan-out uses: quietColumnsSql (each message's recipient window,
// from the contact's zone or its number's, and its state's law) and frequencyCappedSql (who has had
// their fill of marketing in the rolling 24 hours), run over real contacts and messages.
import { beforeAll, describe, expect, it } from "vitest";
import { systemSql } from "@/lib/db/sql";
import { Prisma } from "@/lib/generated/prisma/client";
import { newId } from "@/lib/ids";
import { frequencyCappedSql } from "@/lib/messaging/frequency-cap";
import { postgresZones } from "@/lib/messaging/postgres-zones";
import { quietColumnsSql } from "@/lib/messaging/quiet-columns";
import { areaCodeInfo, NANP_AREA_CODES } from "@/lib/sms/area-codes";
import { setupTestDatabase } from "../helpers/db";
import { createOrgWithOwner } from "../helpers/factories";

const { db } = await setupTestDatabase();
const sql = systemSql(db);

let orgId: string;
const contactIds = new Map<string, string>();

async function contact(phone: string, timeZone: string | null) {
  const id = newId("contact");
  await db.contact.create({ data: { id, orgId, phone, timeZone } });
  contactIds.set(phone, id);
  return id;
}

beforeAll(async () => {
  orgId = (await createOrgWithOwner(db)).org.id;
});

describe("quietColumnsSql", () => {
  it("takes the contact's zone, else its area code's, and narrows the org's window by the number's state", async () => {
    await contact("+13055550101", "America/New_York"); // Miami, FL: 20:00 end
    await contact("+12125550102", null); // New York: zone from the area code
    await contact("+12065550103", "america/los_angeles"); // Seattle, WA, zone written in lower case
    await contact("+447700900104", "Europe/London");
    await contact("+447700900105", null); // no zone anywhere
    await contact("+13125550106", "Mars/Olympus"); // a zone PostgreSQL does not know: Chicago's area code
    const window = { start: 540, end: 1230 };
    const read = async (fallbackZone: string | null) => {
      const q = quietColumnsSql(window, await postgresZones(), { fallbackZone });
      const rows = await sql.$queryRaw<{ phone: string; zone: string | null; start: number | null; end: number | null }[]>`
        SELECT c.phone, ${q.zone} AS zone, ${q.start} AS start, ${q.end} AS "end" FROM "Contact" c ${q.join}
        WHERE c."orgId" = ${orgId} ORDER BY c.phone`;
      return Object.fromEntries(rows.map((r) => [r.phone, [r.zone, r.start, r.end]]));
    };
    expect(await read(null)).toEqual({
      "+13055550101": ["America/New_York", 540, 1200],
      "+12125550102": ["America/New_York", 540, 1230],
      "+12065550103": ["America/Los_Angeles", 540, 1200],
      "+447700900104": ["Europe/London", 540, 1230],
      "+447700900105": [null, null, null],
      "+13125550106": ["America/Chicago", 540, 1230],
    });
    expect((await read("America/Denver"))["+447700900105"]).toEqual(["America/Denver", 540, 1230]);
  });

  it("writes rows the Message table takes, one per contact", async () => {
    const sender = await db.senderNumber.findFirstOrThrow({ where: { orgId } });
    const q = quietColumnsSql({ start: 480, end: 1260 }, await postgresZones());
    const inserted = await sql.$executeRaw`
      INSERT INTO "Message" (id, "orgId", direction, status, "senderId", "contactId", "from", "to", body, encoding, segments, "quietZone", "quietStart", "quietEnd", "updatedAt")
      SELECT 'msg_qc_' || c.id, c."orgId", 'OUTBOUND', 'QUEUED', ${sender.id}, c.id, ${sender.address}, c.phone, 'Hi', 'GSM-7', 1, ${q.zone}, ${q.start}, ${q.end}, now()
      FROM "Contact" c ${q.join} WHERE c."orgId" = ${orgId}`;
    expect(inserted).toBe(contactIds.size);
    await sql.$executeRaw`DELETE FROM "Message" WHERE id LIKE 'msg_qc_%' AND "orgId" = ${orgId}`;
  });

  it("uses only zones PostgreSQL knows for every area code", async () => {
    const zones = [...new Set(NANP_AREA_CODES.map((code) => areaCodeInfo(code)!.timeZone))];
    const unknown = await sql.$queryRaw<{ zone: string }[]>`
      SELECT z AS zone FROM unnest(${zones}::text[]) z WHERE z NOT IN (SELECT name FROM pg_timezone_names)`;
    expect(unknown).toEqual([]);
  });

  it("refuses a window that leaves a state no time, naming the state", () => {
    expect(() => quietColumnsSql({ start: 1200, end: 1260 }, [])).toThrow(/leaves no time in (CT|FL|MD|OK|WA)/);
  });

  it("refuses a fallback zone that is not one, naming it", () => {
    expect(() => quietColumnsSql({ start: 480, end: 1260 }, [], { fallbackZone: "Mars/Olympus" })).toThrow(/"Mars\/Olympus" is not a time zone/);
  });
});

describe("frequencyCappedSql", () => {
  const now = new Date("2027-03-10T15:00:00Z");
  const hoursAgo = (h: number) => new Date(now.getTime() - h * 3_600_000);
  let sender: { id: string; address: string };

  beforeAll(async () => {
    sender = await db.senderNumber.findFirstOrThrow({ where: { orgId } });
  });

  async function texted(phone: string, at: Date, extra: { status?: "SENT" | "FAILED" | "SCHEDULED" | "DELIVERED"; marketing?: boolean } = {}) {
    const status = extra.status ?? "DELIVERED";
    await db.message.create({
      data: {
        id: newId("message", at),
        orgId,
        direction: "OUTBOUND",
        status,
        senderId: sender.id,
        contactId: contactIds.get(phone) ?? (await contact(phone, null)),
        from: sender.address,
        to: phone,
        body: "Sale",
        encoding: "GSM-7",
        segments: 1,
        marketing: extra.marketing ?? true,
        sentAt: status === "SENT" || status === "DELIVERED" ? at : null,
        createdAt: at,
      },
    });
  }

  async function capped(orgCap: number | null) {
    const rows = await sql.$queryRaw<{ phone: string }[]>`
      SELECT c.phone FROM "Contact" c WHERE c."orgId" = ${orgId} AND ${frequencyCappedSql({ orgId, orgCap, now })} ORDER BY c.phone`;
    return rows.map((r) => r.phone);
  }

  it("counts marketing sent in the last 24 hours or still on its way, against the org's cap and FL/OK/MD's 3", async () => {
    await texted("+12125551001", hoursAgo(2)); // NY: one today
    await texted("+12125551002", hoursAgo(25)); // NY: yesterday's
    await texted("+12125551003", hoursAgo(1), { marketing: false }); // a code
    await texted("+12125551004", hoursAgo(1), { status: "FAILED" });
    await texted("+12125551005", hoursAgo(30), { status: "SCHEDULED" }); // made yesterday, held until tomorrow
    for (const h of [1, 2]) await texted("+13055551006", hoursAgo(h)); // Miami: two today
    for (const h of [1, 2, 3]) await texted("+13055551007", hoursAgo(h)); // Miami: three today
    for (const h of [1, 2, 3]) await texted("+12125551008", hoursAgo(h)); // NY: three today

    expect(await capped(1)).toEqual(["+12125551001", "+12125551005", "+12125551008", "+13055551006", "+13055551007"]);
    // No cap of the org's own: Florida's law alone.
    expect(await capped(null)).toEqual(["+13055551007"]);
    // The org allows 5: Florida still stops at 3.
    expect(await capped(5)).toEqual(["+13055551007"]);
    expect(await capped(3)).toEqual(["+12125551008", "+13055551007"]);
  });

  it("reads a contact's recent texts through the index on (orgId, contactId, id), not the whole table", async () => {
    // A busy org: 50,000 texts to others in the last hours, all inside the id range the cap reads,
    // so only the contact's own index entries keep the read small.
    const recent = newId("message", hoursAgo(1)).slice(0, 14);
    await sql.$executeRaw`
      INSERT INTO "Message" (id, "orgId", direction, status, "senderId", "from", "to", body, encoding, segments, "sentAt", "updatedAt", "createdAt")
      SELECT ${recent} || lpad(to_hex(g), 14, '0'), ${orgId}, 'OUTBOUND', 'DELIVERED', ${sender.id}, ${sender.address}, '+12125550000', 'x', 'GSM-7', 1,
             ${hoursAgo(1).toISOString()}::timestamp, now(), now()
      FROM generate_series(1, 50000) g`;
    await sql.$executeRaw`ANALYZE "Message"`;
    const plan = await sql.$queryRaw<{ "QUERY PLAN": string }[]>`
      EXPLAIN SELECT count(*) FROM "Contact" c WHERE c."orgId" = ${orgId} AND ${frequencyCappedSql({ orgId, orgCap: 1, now })}`;
    const text = plan.map((r) => r["QUERY PLAN"]).join("\n");
    expect(text).toMatch(/Index (Only )?Scan( Backward)? using "?Message_orgId_contactId_id/);
    expect(text).not.toMatch(/Seq Scan on "Message"|Message_pkey/);
  });

  it("refuses a cap that is not a whole number of at least 1", () => {
    expect(() => frequencyCappedSql({ orgId, orgCap: 0 })).toThrow(/whole number >= 1 or null, not 0/);
    expect(Prisma.sql`${frequencyCappedSql({ orgId, orgCap: null })}`.values).toContain(orgId);
  });
});
