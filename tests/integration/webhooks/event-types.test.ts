// Every event type an endpoint is offered (lib/webhooks/event-types.ts) is one something sends: an
// endpoint subscribed to all of them gets each, from the pipeline, inbound texts and verifications.
// An event offered before its feature sends it fails here.
import { beforeAll, describe, expect, it } from "vitest";
import { completeIfSettled } from "@/lib/campaigns/complete-campaign";
import { fanOutChunk } from "@/lib/campaigns/fan-out-chunk";
import { createCampaign } from "@/lib/campaigns/manage-campaigns";
import { scheduleCampaign } from "@/lib/campaigns/schedule-campaign";
import { startCampaign } from "@/lib/campaigns/start-campaign";
import { systemSqlTransaction } from "@/lib/db/sql";
import { recordClick } from "@/lib/links/record-click";
import { addToList } from "@/lib/lists/list-membership";
import { createList } from "@/lib/lists/manage-lists";
import { applyStatusChanges } from "@/lib/messaging/message-history";
import { receiveMessage } from "@/lib/messaging/receive-message";
import { sendOne } from "@/lib/messaging/send-one";
import type { OrgContext } from "@/lib/org-context";
import { checkVerification } from "@/lib/verify/check-verification";
import { startVerification } from "@/lib/verify/start-verification";
import { WEBHOOK_EVENT_TYPES } from "@/lib/webhooks/event-types";
import { newId } from "@/lib/ids";
import { finishRun } from "@/lib/workflows/finish-run";
import { createEndpoint } from "@/lib/webhooks/manage-endpoints";
import { setupTestDatabase } from "../helpers/db";
import { createOrgWithOwner, orgContextFor } from "../helpers/factories";

const { db } = await setupTestDatabase();

let ctx: OrgContext;
let endpointId: string;
let sender: { id: string; address: string; connectionId: string };
beforeAll(async () => {
  const { org, owner } = await createOrgWithOwner(db, { defaultCountry: "US" });
  ctx = await orgContextFor(db, owner, org.id);
  sender = await db.senderNumber.findFirstOrThrow({ where: { orgId: org.id } });
  endpointId = (await createEndpoint(ctx, { url: "http://127.0.0.1:9/hooks", eventTypes: [...WEBHOOK_EVENT_TYPES] })).id;
});

/** Moves a queued message through `statuses`, each in a transaction of its own as the pipeline does. */
async function move(messageId: string, ...statuses: ("SENDING" | "SENT" | "DELIVERED" | "UNDELIVERED" | "FAILED")[]) {
  for (const to of statuses) await systemSqlTransaction(db, (tx) => applyStatusChanges(tx, to, [{ messageId, to }], "carrier"));
}

const inbound = (from: string, body: string) => receiveMessage(db, sender.connectionId, { from, to: sender.address, body, media: [], receivedAt: new Date() });

describe("the webhook event types offered", () => {
  it("are each sent by something", async () => {
    const delivered = await sendOne(ctx, { to: "+14155550171", body: "Your table is ready" }, "api");
    await move(delivered.id, "SENDING", "SENT", "DELIVERED");
    await move((await sendOne(ctx, { to: "+14155550172", body: "Your table is ready" }, "api")).id, "SENDING", "UNDELIVERED");
    await move((await sendOne(ctx, { to: "+14155550173", body: "Your table is ready" }, "api")).id, "FAILED");

    await inbound("+14155550174", "Do you have oat milk?");
    await inbound("+14155550174", "STOP");
    await inbound("+14155550174", "START");

    // The simulator's virtual phones get the code in the clear: reading it there is what they are for.
    const { verification } = await startVerification(ctx, { to: "+14155550175", channel: "sms" });
    const text = await db.message.findFirstOrThrow({ where: { orgId: ctx.orgId, to: "+14155550175" } });
    expect(text.body).toMatch(/code is \d+/);
    const code = /code is (\d+)/.exec(text.body)![1]!;
    expect((await checkVerification(ctx, { to: verification.to, code })).status).toBe("APPROVED");

    // A campaign to one contact whose message is delivered completes (the org's cap of one marketing
    // text a day off: the contact got one above).
    await db.organization.update({ where: { id: ctx.orgId }, data: { marketingCapPer24h: null } });
    const list = await createList(ctx, { name: "One" });
    const contact = await db.contact.findFirstOrThrow({ where: { orgId: ctx.orgId, phone: "+14155550171" } });
    await addToList(ctx, { listId: list.id, contactIds: [contact.id] });
    const campaign = await createCampaign(ctx, { name: "Once", body: "Hi https://shop.example.com/", audience: { include: { listIds: [list.id], segmentIds: [] } }, senderIds: [sender.id] });
    await scheduleCampaign(ctx, { id: campaign.id });
    await startCampaign(ctx, campaign.id);
    await fanOutChunk(ctx, campaign.id);
    await move((await db.message.findFirstOrThrow({ where: { campaignId: campaign.id } })).id, "SENDING", "SENT", "DELIVERED");
    expect(await completeIfSettled(ctx, campaign.id)).toEqual({ completed: true });
    // Its link opened by a person a minute after delivery (sooner is a scanner's).
    const link = await db.shortLink.findFirstOrThrow({ where: { campaignId: campaign.id } });
    const minuteAgo = new Date(Date.now() - 60_000);
    await db.message.update({ where: { id: link.messageId! }, data: { sentAt: minuteAgo, deliveredAt: minuteAgo } });
    const iPhone = "Mozilla/5.0 (iPhone; CPU iPhone OS 18_1 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/18.1 Mobile/15E148 Safari/604.1";
    expect(await recordClick(db, { code: link.code, method: "GET", userAgent: iPhone })).toMatchObject({ kind: "redirect", botReason: null });

    // A workflow run of the contact that ends (the interpreter's and a cancel's way: finishRun).
    const workflowId = newId("workflow");
    const versionId = newId("workflowVersion");
    const graph = { nodes: [{ id: "start", type: "trigger", position: { x: 0, y: 0 }, data: { trigger: { kind: "manual" } } }], edges: [] };
    await db.workflow.create({ data: { id: workflowId, orgId: ctx.orgId, name: "Ends", status: "ACTIVE", draft: graph, settings: {} } });
    await db.workflowVersion.create({ data: { id: versionId, orgId: ctx.orgId, workflowId, version: 1, graph, settings: {}, triggerKind: "manual" } });
    const run = await db.workflowRun.create({ data: { id: newId("workflowRun"), orgId: ctx.orgId, workflowId, versionId, contactId: contact.id, nodeId: "start", trigger: { kind: "manual", data: {} } } });
    expect(await ctx.db.$transaction((tx) => finishRun(tx, ctx.orgId, run.id, "COMPLETED", "completed"))).toBe(true);

    const sent = await db.webhookDelivery.findMany({ where: { endpointId }, distinct: ["eventType"], select: { eventType: true } });
    expect(sent.map((d) => d.eventType).sort()).toEqual([...WEBHOOK_EVENT_TYPES].sort());
  });
});
