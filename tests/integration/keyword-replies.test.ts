// The org's replies to STOP, START and HELP: saved trimmed, blank back to the built-in wording,
// audited only when something changed, and admins only.
import { beforeAll, describe, expect, it } from "vitest";
import { keywordReply } from "@/lib/messaging/keyword-replies";
import { updateKeywordReplies } from "@/lib/messaging/update-keyword-replies";
import type { OrgContext } from "@/lib/org-context";
import { setupTestDatabase } from "./helpers/db";
import { expectTRPCError } from "./helpers/expect-error";
import { addMember, callerFor, createOrgWithOwner, orgContextFor } from "./helpers/factories";

const { db } = await setupTestDatabase();

let ctx: OrgContext;

beforeAll(async () => {
  const { owner, org } = await createOrgWithOwner(db, { name: "Roastery" });
  ctx = await orgContextFor(db, owner, org.id);
});

describe("keyword replies", () => {
  it("saves the org's wording, and blank goes back to the built-in reply", async () => {
    const saved = await updateKeywordReplies(ctx, { helpReply: "  Roastery: call us on 555-0100.  ", optOutReply: "Bye from Roastery." });
    expect(saved).toEqual({ helpReply: "Roastery: call us on 555-0100.", optOutReply: "Bye from Roastery.", optInReply: null });
    const org = await db.organization.findUniqueOrThrow({ where: { id: ctx.orgId } });
    expect(keywordReply(org, "HELP")).toMatchObject({ body: "Roastery: call us on 555-0100.", own: true });
    expect(keywordReply(org, "OPT_IN")).toMatchObject({ body: expect.stringMatching(/^Roastery: You are subscribed again/), own: false });

    await updateKeywordReplies(ctx, { helpReply: "" });
    const after = await db.organization.findUniqueOrThrow({ where: { id: ctx.orgId } });
    expect(after).toMatchObject({ helpReply: null, optOutReply: "Bye from Roastery." });
    expect(keywordReply(after, "HELP")).toEqual({ body: "Roastery: Reply STOP to unsubscribe. Msg&data rates may apply.", own: false, builtIn: "Roastery: Reply STOP to unsubscribe. Msg&data rates may apply." });

    const audit = await db.auditLog.findMany({ where: { orgId: ctx.orgId, action: "organization.keyword_replies_updated" }, orderBy: { id: "asc" } });
    expect(audit.map((a) => a.changes)).toEqual([
      { helpReply: { from: null, to: "Roastery: call us on 555-0100." }, optOutReply: { from: null, to: "Bye from Roastery." } },
      { helpReply: { from: "Roastery: call us on 555-0100.", to: null } },
    ]);
    // Saving the same wording again changes nothing and records nothing.
    await updateKeywordReplies(ctx, { optOutReply: "Bye from Roastery." });
    expect(await db.auditLog.count({ where: { orgId: ctx.orgId, action: "organization.keyword_replies_updated" } })).toBe(2);
  });

  it("refuses replies longer than a message may be, and members", async () => {
    await expect(updateKeywordReplies(ctx, { helpReply: "x".repeat(1601) })).rejects.toThrow(/limited to 1600 characters/);
    const { user } = await addMember(db, ctx.orgId, "MEMBER");
    await expectTRPCError(callerFor(db, user, ctx.orgId).org.updateKeywordReplies({ helpReply: "Mine" }), "FORBIDDEN");
  });
});
