// The org's sending rules: defaults, the law's bounds (narrow, never widen), the cap and the opt-out
// language validated with a message naming the field, audited only when something changed, admins
// only, and one org's save never touching another's.
import { beforeAll, describe, expect, it } from "vitest";
import type { OrgContext } from "@/lib/org-context";
import { sendingRules } from "@/lib/orgs/sending-rules";
import { updateSendingRules } from "@/lib/orgs/update-sending-rules";
import { setupTestDatabase } from "./helpers/db";
import { expectTRPCError } from "./helpers/expect-error";
import { addMember, callerFor, createOrgWithOwner, orgContextFor } from "./helpers/factories";

const { db } = await setupTestDatabase();

let ctx: OrgContext;
const rules = { quietStart: 540, quietEnd: 1200, marketingCapPer24h: 2, optOutLanguage: "  Text STOP to end these.  " };

beforeAll(async () => {
  const { owner, org } = await createOrgWithOwner(db);
  ctx = await orgContextFor(db, owner, org.id);
});

const audits = () => db.auditLog.findMany({ where: { orgId: ctx.orgId, action: "organization.sending_rules_updated" }, orderBy: { id: "asc" } });

describe("sending rules", () => {
  it("start at the law's window, a cap of 1 a day and the built-in opt-out language", async () => {
    expect(await sendingRules(ctx)).toEqual({ window: { start: 480, end: 1260 }, marketingCapPer24h: 1, optOutLanguage: "Reply STOP to opt out." });
  });

  it("save a narrower window, a cap and the org's wording, audited with what changed, once", async () => {
    const saved = await updateSendingRules(ctx, rules);
    expect(saved).toEqual({ quietStart: 540, quietEnd: 1200, marketingCapPer24h: 2, optOutLanguage: "Text STOP to end these." });
    expect(await sendingRules(ctx)).toEqual({ window: { start: 540, end: 1200 }, marketingCapPer24h: 2, optOutLanguage: "Text STOP to end these." });
    await updateSendingRules(ctx, rules);
    await updateSendingRules(ctx, { ...rules, marketingCapPer24h: null, optOutLanguage: "" });
    expect(await sendingRules(ctx)).toMatchObject({ marketingCapPer24h: null, optOutLanguage: "Reply STOP to opt out." });
    expect((await audits()).map((a) => a.changes)).toEqual([
      {
        quietStart: { from: 480, to: 540 },
        quietEnd: { from: 1260, to: 1200 },
        marketingCapPer24h: { from: 1, to: 2 },
        optOutLanguage: { from: null, to: "Text STOP to end these." },
      },
      { marketingCapPer24h: { from: 2, to: null }, optOutLanguage: { from: "Text STOP to end these.", to: null } },
    ]);
  });

  it("refuse a window wider than the law's, or narrower than an hour, naming the field", async () => {
    await expect(updateSendingRules(ctx, { ...rules, quietStart: 420 })).rejects.toThrow(/"quietStart"[\s\S]*from 08:00 recipient time: start at 08:00 or later/);
    await expect(updateSendingRules(ctx, { ...rules, quietEnd: 1320 })).rejects.toThrow(/"quietEnd"[\s\S]*until 21:00 recipient time: end at 21:00 or earlier/);
    await expect(updateSendingRules(ctx, { ...rules, quietStart: 900, quietEnd: 930 })).rejects.toThrow(/End at least 60 minutes after the start/);
    await expect(updateSendingRules(ctx, { ...rules, quietStart: 1000, quietEnd: 900 })).rejects.toThrow(/End at least 60 minutes after the start/);
    // 20:00-21:00 is legal in New York but leaves Florida's numbers no time at all.
    await expect(updateSendingRules(ctx, { ...rules, quietStart: 1200, quietEnd: 1260 })).rejects.toThrow(/Start by 19:00: numbers in FL, CT, MD, OK, WA may be texted only until 20:00/);
  });

  it("refuse a cap outside 1-10 and opt-out language that does not say STOP", async () => {
    await expect(updateSendingRules(ctx, { ...rules, marketingCapPer24h: 0 })).rejects.toThrow(/At least 1 text a day, or no cap/);
    await expect(updateSendingRules(ctx, { ...rules, marketingCapPer24h: 1.5 })).rejects.toThrow(/whole number/);
    await expect(updateSendingRules(ctx, { ...rules, optOutLanguage: "Unsubscribe at example.com" })).rejects.toThrow(/include the word STOP/);
    // Nothing was saved by the refusals.
    expect(await sendingRules(ctx)).toMatchObject({ window: { start: 540, end: 1200 }, marketingCapPer24h: null });
  });

  it("are read by members and saved by admins only, through the procedure", async () => {
    const { user } = await addMember(db, ctx.orgId, "MEMBER");
    const member = callerFor(db, user, ctx.orgId);
    expect(await member.org.current()).toMatchObject({ quietStart: 540, quietEnd: 1200 });
    await expectTRPCError(member.org.updateSendingRules(rules), "FORBIDDEN");
    const { user: admin } = await addMember(db, ctx.orgId, "ADMIN");
    const refused = await expectTRPCError(callerFor(db, admin, ctx.orgId).org.updateSendingRules({ ...rules, quietStart: 0 }), "BAD_REQUEST");
    expect(refused.message).toMatch(/start at 08:00 or later/);
    expect(await callerFor(db, admin, ctx.orgId).org.updateSendingRules({ ...rules, quietEnd: 1260 })).toMatchObject({ quietEnd: 1260 });
  });

  it("of one org are not changed by another's save", async () => {
    const before = await sendingRules(ctx);
    const other = await createOrgWithOwner(db);
    await callerFor(db, other.owner, other.org.id).org.updateSendingRules({ quietStart: 600, quietEnd: 1000, marketingCapPer24h: 5, optOutLanguage: "STOP ends it" });
    expect(await sendingRules(ctx)).toEqual(before);
    expect(await sendingRules(await orgContextFor(db, other.owner, other.org.id))).toMatchObject({ window: { start: 600, end: 1000 }, marketingCapPer24h: 5 });
  });
});
