// message.queued is a message's first queueing: at its send, or when its scheduled time comes; a
// requeue after a carrier's transient refusal is not one. Checked in the outbox the pipeline writes.
import { beforeAll, describe, expect, it } from "vitest";
import { systemSqlTransaction } from "@/lib/db/sql";
import { applyStatusChanges } from "@/lib/messaging/message-history";
import { queueDueScheduled } from "@/lib/messaging/queue-scheduled";
import { sendOne } from "@/lib/messaging/send-one";
import type { OrgContext } from "@/lib/org-context";
import { createEndpoint } from "@/lib/webhooks/manage-endpoints";
import { setupTestDatabase } from "../helpers/db";
import { createOrgWithOwner, orgContextFor } from "../helpers/factories";

const { db } = await setupTestDatabase();

let ctx: OrgContext;
let endpointId: string;
beforeAll(async () => {
  const { org, owner } = await createOrgWithOwner(db, { defaultCountry: "US" });
  ctx = await orgContextFor(db, owner, org.id);
  endpointId = (await createEndpoint(ctx, { url: "http://127.0.0.1:9/hooks", eventTypes: ["message.queued"] })).id;
});

const queuedEvents = (messageId: string) =>
  db.webhookDelivery.findMany({ where: { endpointId, eventType: "message.queued", orderingKey: messageId } });

describe("message.queued", () => {
  it("is sent when a scheduled message's time comes, once, and not on a requeue", async () => {
    const sendAt = new Date(Date.now() + 60_000);
    const message = await sendOne(ctx, { to: "+14155550140", body: "Doors open at 7", sendAt }, "api");
    expect(message.status).toBe("SCHEDULED");
    expect(await queuedEvents(message.id)).toHaveLength(0);

    expect(await queueDueScheduled(db, message.senderId!, new Date(sendAt.getTime() + 1_000))).toBe(1);
    const [event] = await queuedEvents(message.id);
    expect(event?.payload).toMatchObject({ type: "message.queued", data: { id: message.id, status: "queued" } });

    // Submitted, refused for now by the carrier, queued again with the attempt counted: no second event.
    await systemSqlTransaction(db, async (tx) => {
      await applyStatusChanges(tx, "SENDING", [{ messageId: message.id, to: "SENDING" }], "dispatcher");
      await applyStatusChanges(tx, "QUEUED", [{ messageId: message.id, to: "QUEUED", attempts: 1, errorCode: "throttled" }], "dispatcher");
    });
    expect((await db.message.findUniqueOrThrow({ where: { id: message.id } })).status).toBe("QUEUED");
    expect(await queuedEvents(message.id)).toHaveLength(1);
  });

  it("is sent at the send of a message that goes at once", async () => {
    const message = await sendOne(ctx, { to: "+14155550141", body: "Your code is on its way" }, "api");
    expect(await queuedEvents(message.id)).toHaveLength(1);
  });
});
