// The segment rule "Clicked a link" (engagement.clicked): in the last N days, not, never; people's
// clicks only (a preview's or scanner's request is not a click), the org's own, exact sets.
import { beforeAll, describe, expect, it } from "vitest";
import { newId } from "@/lib/ids";
import { setupTestDatabase } from "../helpers/db";
import { all, buildFixture, rule, type SegmentFixture } from "../segments/segment-fixture";

const { db } = await setupTestDatabase();
const NOW = new Date("2026-06-15T15:00:00Z");
let fx: SegmentFixture;

async function click(orgId: string, contactId: string | null, at: string, botReason: string | null = null, campaignId: string | null = null) {
  const link = await db.shortLink.create({ data: { id: newId("shortLink"), orgId, code: newId("shortLink").slice(-7), url: "https://shop.example.com/", contactId, campaignId } });
  await db.linkClick.create({ data: { id: newId("linkClick"), orgId, linkId: link.id, contactId, campaignId, occurredAt: new Date(at), botReason, userAgent: "test" } });
}

beforeAll(async () => {
  fx = await buildFixture(db, {
    now: NOW,
    customFields: [],
    lists: [],
    contacts: { ann: { phone: "+12125550301" }, bob: { phone: "+12125550302" }, cy: { phone: "+12125550303" }, dee: { phone: "+12125550304" } },
  });
  const org = fx.ctx.orgId;
  await click(org, fx.ids.ann!, "2026-06-13T12:00:00Z");
  await click(org, fx.ids.bob!, "2026-06-14T12:00:00Z", "agent");
  await click(org, fx.ids.bob!, "2026-06-14T12:00:01Z", "too_soon");
  await click(org, fx.ids.cy!, "2026-05-20T12:00:00Z", null, "cmp_spring");
  // A deleted contact's click (contactId null): a NULL must not make "never" match no one.
  await click(org, null, "2026-06-15T12:00:00Z");
  // dee's number in another org, clicked there today: not this org's click.
  const other = await buildFixture(db, { now: NOW, customFields: [], lists: [], contacts: { dee: { phone: "+12125550304" } } });
  await click(other.ctx.orgId, other.ids.dee!, "2026-06-15T12:00:00Z");
});

const only = (...rules: Parameters<typeof all>) => ({ root: all(...rules) });

describe("clicked a link", () => {
  it.each([
    ["in the last 7 days", rule("engagement.clicked", "in_last_days", 7), ["ann"]],
    ["in the last 30 days", rule("engagement.clicked", "in_last_days", 30), ["ann", "cy"]],
    ["not in the last 7 days", rule("engagement.clicked", "not_in_last_days", 7), ["bob", "cy", "dee"]],
    ["never (bots' requests are not clicks)", rule("engagement.clicked", "never"), ["bob", "dee"]],
    ["of one campaign, in the last 30 days", { ...rule("engagement.clicked", "in_last_days", 30), campaignId: "cmp_spring" }, ["cy"]],
    ["never of one campaign", { ...rule("engagement.clicked", "never"), campaignId: "cmp_spring" }, ["ann", "bob", "dee"]],
  ])("%s", async (_, r, expected) => {
    expect(await fx.match(only(r))).toEqual(expected);
  });

  it("takes a campaign on no other rule, and campaign_id on the API's wire", async () => {
    await expect(fx.match(only({ ...rule("engagement.replied", "never"), campaignId: "cmp_spring" }))).rejects.toThrow('Only "Clicked a link" rules take a campaign');
    const { segmentDefinitionParams, serializeSegmentDefinition, toSegmentDefinition } = await import("@/lib/api/segments/segment-definition-params");
    const { segmentDefinition } = await import("@/lib/segments/rule-model");
    const wire = { time_zone: "UTC", root: { type: "group", match: "all", rules: [{ type: "condition", field: "engagement.clicked", operator: "never", campaign_id: "cmp_spring" }] } };
    const domain = segmentDefinition.parse(toSegmentDefinition(segmentDefinitionParams.parse(wire)));
    expect(domain.root.rules[0]).toMatchObject({ field: "engagement.clicked", campaignId: "cmp_spring" });
    expect(serializeSegmentDefinition(domain)).toEqual(wire);
  });
});
