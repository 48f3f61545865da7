// CSV import against a real PostgreSQL: the dry run's counts, every kind of bad row and the report,
// delimiters, BOM, quoted newlines, update vs skip, consent (history rows, opt-outs never undone),
// lists and tags, resume after a chunk dies mid-transaction, cancel.
import { beforeAll, describe, expect, it } from "vitest";
import { cancelImport } from "@/lib/contacts/import/cancel-import";
import { getImport } from "@/lib/contacts/import/get-import";
import { mergeImportChunk } from "@/lib/contacts/import/merge-import-chunk";
import { startImport } from "@/lib/contacts/import/start-import";
import { createContact } from "@/lib/contacts/create-contact";
import { changeConsent } from "@/lib/contacts/change-consent";
import { createCustomField } from "@/lib/custom-fields/manage-custom-fields";
import { addToList } from "@/lib/lists/list-membership";
import { createList } from "@/lib/lists/manage-lists";
import type { OrgContext } from "@/lib/org-context";
import { setupTestDatabase } from "../helpers/db";
import { expectDomainError } from "../helpers/expect-error";
import { createOrgWithOwner, orgContextFor } from "../helpers/factories";
import { importCsv, reportRows, staged, upload, setTempImportDir } from "./import-helpers";

setTempImportDir();
const { db } = await setupTestDatabase();

async function newOrg(): Promise<OrgContext> {
  const { org, owner } = await createOrgWithOwner(db, { defaultCountry: "US" });
  return orgContextFor(db, owner, org.id);
}

let ctx: OrgContext;
beforeAll(async () => {
  ctx = await newOrg();
  await createCustomField(ctx, { key: "score", label: "Score", type: "NUMBER" });
  await createCustomField(ctx, { key: "city", label: "City", type: "TEXT" });
});

const contacts = (c: OrgContext) => db.contact.findMany({ where: { orgId: c.orgId }, orderBy: { phone: "asc" } });

describe("the dry run", () => {
  it("proposes a mapping from the headers, writes nothing, and counts new, existing, duplicates and bad rows by reason", async () => {
    const org = await newOrg();
    await createCustomField(org, { key: "score", label: "Score", type: "NUMBER" });
    await createContact(org, { phone: "+12127362000", firstName: "Existing" });
    const csv = [
      "Mobile,First Name,Surname,E-mail,Tags,Time zone,Score,Unsubscribed,Notes",
      "+12127362000,Ann,Lee,ann@example.com,vip,,1,no,x", // existing
      "(212) 736-2001,Bob,Ray,,,,2,,x", // new (national format)
      "tel:+1-212-736-2002,Cy,,,,,,,x", // new (RFC 3966)
      "212.736.2001,Bob again,,,,,,,x", // duplicate of line 3
      ",No,Phone,,,,,,x",
      "12345,Bad,Phone,,,,,,x",
      "+12127362003,Bad,Email,not-an-email,,,,,x",
      "+12127362004,Bad,Zone,,,Mars/Olympus,,,x",
      "+12127362005,Bad,Tag,,a*b,,,,x",
      "+12127362006,Bad,Score,,,,lots,,x",
      `+12127362007,${"x".repeat(101)},Long,,,,,,x`,
      "+12127362008,Bad,Unsub,,,,,maybe,x",
      "+12127362009,Too,Few",
    ].join("\n");
    const view = await staged(org, csv);
    expect(view.columns.map((c) => c.target)).toEqual(["phone", "firstName", "lastName", "email", "tags", "timeZone", "custom", "unsubscribed", "ignore"]);
    expect(view.columns[6]).toEqual({ target: "custom", customFieldKey: "score" });
    expect(view.preview).toEqual({
      rows: 13,
      new: 2,
      existing: 1,
      existingOptedOut: 0,
      unsubscribed: 0,
      duplicates: 1,
      invalid: 9,
      invalidByReason: {
        missing_phone: 1,
        invalid_phone: 1,
        invalid_email: 1,
        invalid_time_zone: 1,
        invalid_tag: 1,
        invalid_custom_field: 1,
        too_long: 1,
        invalid_unsubscribed: 1,
        column_count: 1,
      },
    });
    expect(view.previewRows[1]).toMatchObject({ line: 3, phone: "+12127362001", firstName: "Bob", lastName: "Ray", customFields: { score: 2 }, guessedTimeZone: "America/New_York" });
    expect(view.previewRows[2]).toMatchObject({ line: 4, phone: "+12127362002" });
    // Nothing written yet.
    expect((await contacts(org)).map((c) => c.firstName)).toEqual(["Existing"]);
  });

  it("refuses a file that is not UTF-8, an empty one, and a mapping without a phone column", async () => {
    await expectDomainError(upload(ctx, Buffer.from([0x70, 0x68, 0xff, 0xfe, 0x0a])), "BAD_REQUEST", "file");
    await expectDomainError(upload(ctx, ""), "BAD_REQUEST", "file");
    const id = await upload(ctx, "phone,name\n+12127362000,Ann\n");
    const { requestImportStaging } = await import("@/lib/contacts/import/request-import-staging");
    await expect(requestImportStaging(ctx, { id, columns: [{ target: "ignore" }, { target: "firstName" }] })).rejects.toThrow(/phone numbers/);
    await expectDomainError(requestImportStaging(ctx, { id, columns: [{ target: "phone" }] }), "BAD_REQUEST", "columns");
    await expectDomainError(
      requestImportStaging(ctx, { id, columns: [{ target: "phone" }, { target: "custom", customFieldKey: "nope" }] }),
      "BAD_REQUEST",
      "columns.1.customFieldKey",
    );
  });
});

describe("reading files", () => {
  it.each([
    ["comma", ","],
    ["semicolon", ";"],
    ["tab", "\t"],
  ])("sniffs the %s delimiter, drops a BOM, and keeps quoted fields with delimiters and newlines whole", async (_name, d) => {
    const org = await newOrg();
    const csv = `\uFEFFphone${d}first name${d}city\r\n+12127362000${d}"Ann${d} the ""first"""${d}"New\r\nYork"\r\n\r\n+12127362001${d}Bob${d}Boston\r\n`;
    await createCustomField(org, { key: "city", label: "City", type: "TEXT" });
    const done = await importCsv(org, csv);
    expect(done.status).toBe("COMPLETED");
    expect(done.headers).toEqual(["phone", "first name", "city"]);
    const rows = await contacts(org);
    expect(rows.map((c) => [c.phone, c.firstName, c.customFields])).toEqual([
      ["+12127362000", `Ann${d} the "first"`, { city: "New\r\nYork" }],
      ["+12127362001", "Bob", { city: "Boston" }],
    ]);
  });

  it("reports bad rows by their line in the file, counting quoted newlines, and never stops on one", async () => {
    const org = await newOrg();
    const csv = ['phone,name', '+12127362000,"two', 'lines"', "nope,Bad", '+12127362001,bad"quote', "+12127362002,Fine", '+12127362003,"unclosed'].join("\n");
    const done = await importCsv(org, csv);
    expect(done.result).toMatchObject({ created: 2, invalid: 3 });
    const report = await reportRows(org, done.id);
    expect(report[0]).toBe("line,column,reason,message,value");
    expect(report.slice(1).map((l) => l.split(",").slice(0, 3).join(","))).toEqual(["4,phone,invalid_phone", "5,,malformed_row", "7,,malformed_row"]);
    expect(report[1]).toContain("Not a valid phone number,nope");
  });
});

describe("running an import", () => {
  it("creates contacts with their consent history, list and tags; reports duplicates and bad rows; audits start and end", async () => {
    const org = await newOrg();
    const list = await createList(org, { name: "Imported" });
    const csv = "phone,first,tags\n+12127362000,Ann,VIP;early\n+12127362001,Bob,\n+12127362000,Ann again,\nbad,X,\n";
    const done = await importCsv(org, csv, { listId: list.id, tags: ["spring-fair"] });
    expect(done.status).toBe("COMPLETED");
    expect(done.result).toEqual({ created: 2, updated: 0, skipped: 0, optedOut: 0, duplicates: 1, invalid: 1 });
    expect(done.rowsDone).toBe(4);
    const rows = await contacts(org);
    expect(rows.map((c) => [c.phone, c.firstName, c.tags, c.consentStatus, c.timeZone])).toEqual([
      ["+12127362000", "Ann", ["vip", "early", "spring-fair"], "OPTED_IN", "America/New_York"],
      ["+12127362001", "Bob", ["spring-fair"], "OPTED_IN", "America/New_York"],
    ]);
    expect(await db.listMembership.count({ where: { listId: list.id } })).toBe(2);
    const events = await db.consentEvent.findMany({ where: { orgId: org.orgId } });
    expect(events).toHaveLength(2);
    expect(events.every((e) => e.source === "import" && e.importId === done.id && e.action === "OPT_IN" && e.detail === "imported: contacts.csv")).toBe(true);
    const imp = await db.contactImport.findUniqueOrThrow({ where: { id: done.id } });
    expect(imp.consentStatement).toBe("Signed up at the store counter, paper form");
    const audit = await db.auditLog.findMany({ where: { orgId: org.orgId, targetType: "contact_import" }, orderBy: { id: "asc" } });
    expect(audit.map((a) => a.action)).toEqual(["contact_import.mapped", "contact_import.started", "contact_import.finished"]);
    // The report keeps the rows not imported; the imported ones leave the staging table.
    expect(await reportRows(org, done.id)).toEqual([
      "line,column,reason,message,value",
      "4,,duplicate,Same number as an earlier row (line 2),+12127362000",
      "5,phone,invalid_phone,Not a valid phone number,bad",
    ]);
    expect(await db.contactImportRow.count({ where: { importId: done.id } })).toBe(2);
    // Never anything sent.
    expect(await db.message.count({ where: { orgId: org.orgId } })).toBe(0);
  });

  it("updates existing contacts (cells given win, empty cells keep, tags and custom fields add) or skips them, and lists them either way", async () => {
    for (const onExisting of ["update", "skip"] as const) {
      const org = await newOrg();
      await createCustomField(org, { key: "city", label: "City", type: "TEXT" });
      await createCustomField(org, { key: "score", label: "Score", type: "NUMBER" });
      const old = await createContact(org, { phone: "+12127362000", firstName: "Old", lastName: "Name", email: "old@example.com", tags: ["kept"], customFields: { city: "Paris" } });
      const member = await createContact(org, { phone: "+12127362002" });
      const list = await createList(org, { name: "Imported" });
      await addToList(org, { listId: list.id, contactIds: [member.id] });
      const done = await importCsv(org, "phone,first,last,email,score,tags\n+12127362000,New,,,7,added\n+12127362001,Bob,,,,\n+12127362002,,,,,\n", { onExisting, listId: list.id });
      const [existing, created] = await contacts(org);
      expect(created!.firstName).toBe("Bob");
      // Existing contacts are listed as new ones are; one already on the list stays there once.
      const members = await db.listMembership.findMany({ where: { listId: list.id }, orderBy: { contactId: "asc" } });
      expect(members.map((m) => m.contactId)).toEqual([old.id, member.id, created!.id]);
      if (onExisting === "update") {
        expect(done.result).toMatchObject({ created: 1, updated: 2, skipped: 0 });
        expect(existing).toMatchObject({ firstName: "New", lastName: "Name", email: "old@example.com", tags: ["kept", "added"], customFields: { city: "Paris", score: 7 } });
      } else {
        expect(done.result).toMatchObject({ created: 1, updated: 0, skipped: 2 });
        expect(existing).toMatchObject({ firstName: "Old", tags: ["kept"], customFields: { city: "Paris" } });
      }
      // An existing contact gets no consent row from an import that does not change its consent.
      expect(await db.consentEvent.count({ where: { contactId: existing!.id } })).toBe(0);
    }
  });

  it("never opts anyone back in; rows marked unsubscribed are imported opted out or opt existing contacts out", async () => {
    const org = await newOrg();
    const optedOut = await createContact(org, { phone: "+12127362000" });
    await changeConsent(org, { id: optedOut.id, kind: "OPT_OUT" }, "ui");
    const stillIn = await createContact(org, { phone: "+12127362001" });
    const csv = "phone,unsubscribed\n+12127362000,no\n+12127362001,yes\n+12127362002,Unsubscribed\n+12127362003,\n";
    for (const onExisting of ["update", "skip"] as const) {
      const done = await importCsv(org, csv, { onExisting });
      expect(done.status).toBe("COMPLETED");
    }
    const byPhone = Object.fromEntries((await contacts(org)).map((c) => [c.phone, c]));
    expect(byPhone["+12127362000"]!.consentStatus).toBe("OPTED_OUT");
    expect(byPhone["+12127362001"]).toMatchObject({ consentStatus: "OPTED_OUT", optOutSource: "import" });
    expect(byPhone["+12127362002"]).toMatchObject({ consentStatus: "OPTED_OUT", optOutSource: "import", optedInAt: null });
    expect(byPhone["+12127362003"]!.consentStatus).toBe("OPTED_IN");
    const history = await db.consentEvent.findMany({ where: { contactId: stillIn.id } });
    expect(history).toMatchObject([{ action: "OPT_OUT", source: "import", detail: "imported: contacts.csv" }]);
    expect(await db.consentEvent.count({ where: { contactId: optedOut.id, action: "OPT_IN" } })).toBe(0);
    const newOut = await db.consentEvent.findMany({ where: { contactId: byPhone["+12127362002"]!.id } });
    expect(newOut).toMatchObject([{ action: "OPT_OUT", source: "import" }]);
  });

  it("resumes after a chunk dies before its commit: no row twice, none lost", async () => {
    const org = await newOrg();
    const lines = ["phone,first"];
    for (let i = 0; i < 50; i++) lines.push(`+1212736${String(2000 + i)},N${i}`);
    lines.push("+12127362000,dup");
    const view = await staged(org, lines.join("\n"));
    await startImport(org, { id: view.id, consentStatement: "Opted in on our web form" });
    const merge = { chunkLines: 7 };
    for (let i = 0; i < 3; i++) await mergeImportChunk(org, view.id, merge);
    // The fourth chunk's transaction dies after its merge statements, before it records progress.
    await expect(
      mergeImportChunk(org, view.id, {
        ...merge,
        beforeProgress: () => {
          throw new Error("killed");
        },
      }),
    ).rejects.toThrow("killed");
    // Chunks are ranges of lines: [0, 7) holds lines 2-6 (line 1 is the header), then 7 lines each.
    expect(await db.contact.count({ where: { orgId: org.orgId } })).toBe(19);
    let outcome;
    do outcome = await mergeImportChunk(org, view.id, merge);
    while (!outcome.done);
    const done = await getImport(org, view.id);
    expect(done.result).toEqual({ created: 50, updated: 0, skipped: 0, optedOut: 0, duplicates: 1, invalid: 0 });
    expect(done.rowsDone).toBe(51);
    expect(await db.contact.count({ where: { orgId: org.orgId } })).toBe(50);
    expect(await db.consentEvent.count({ where: { orgId: org.orgId } })).toBe(50);
  });

  it("cancel stops a running import before its next chunk and keeps what was merged", async () => {
    const org = await newOrg();
    const lines = ["phone"];
    for (let i = 0; i < 20; i++) lines.push(`+1212736${String(3000 + i)}`);
    const view = await staged(org, lines.join("\n"));
    await startImport(org, { id: view.id, consentStatement: "Opted in on our web form" });
    await mergeImportChunk(org, view.id, { chunkLines: 5 });
    expect(await cancelImport(org, { id: view.id })).toEqual({ id: view.id, rowsDone: 3 });
    expect(await mergeImportChunk(org, view.id, { chunkLines: 5 })).toEqual({ done: true, rowsDone: 3 });
    expect(await db.contact.count({ where: { orgId: org.orgId } })).toBe(3);
    expect((await getImport(org, view.id)).status).toBe("CANCELED");
    await expectDomainError(startImport(org, { id: view.id, consentStatement: "Opted in on our web form" }), "CONFLICT", "id");
    await expectDomainError(cancelImport(org, { id: view.id }), "CONFLICT", "id");
    const audit = await db.auditLog.findMany({ where: { orgId: org.orgId, targetType: "contact_import" }, orderBy: { id: "asc" } });
    expect(audit.map((a) => a.action)).toEqual(["contact_import.mapped", "contact_import.started", "contact_import.canceled"]);
  });

  it("requires the consent statement and a list of the org", async () => {
    const view = await staged(ctx, "phone\n+12127362000\n");
    await expect(startImport(ctx, { id: view.id, consentStatement: "short" })).rejects.toThrow(/how these people gave consent/);
    const other = await newOrg();
    const foreign = await createList(other, { name: "Theirs" });
    await expectDomainError(startImport(ctx, { id: view.id, listId: foreign.id, consentStatement: "Opted in on our web form" }), "BAD_REQUEST", "listId");
  });
});
