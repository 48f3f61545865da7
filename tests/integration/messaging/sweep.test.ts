import { beforeAll, describe, expect, it } from "vitest";
import { sendOne } from "@/lib/messaging/send-one";
import { STRANDED_AFTER_MS, sweepMessages } from "@/lib/messaging/sweep-messages";
import type { OrgContext } from "@/lib/org-context";
import { setupTestDatabase } from "../helpers/db";
import { createOrgWithOwner, orgContextFor } from "../helpers/factories";

const { db } = await setupTestDatabase();
let ctx: OrgContext;
let connectionId: string;

beforeAll(async () => {
  const { org, owner } = await createOrgWithOwner(db);
  ctx = await orgContextFor(db, owner, org.id);
  connectionId = (await db.carrierConnection.findFirstOrThrow({ where: { orgId: org.id } })).id;
});

describe("sweepMessages", () => {
  it("queues due scheduled messages, fails stranded sends without resending them, applies late receipts, and names senders with work", async () => {
    const now = new Date();
    const due = await sendOne(ctx, { to: "+14155550170", body: "later", sendAt: new Date(now.getTime() + 60_000) }, "api");
    const stranded = await sendOne(ctx, { to: "+14155550171", body: "stuck" }, "api");
    await db.message.update({ where: { id: stranded.id }, data: { status: "SENDING", updatedAt: new Date(now.getTime() - STRANDED_AFTER_MS - 1_000) } });
    const late = await sendOne(ctx, { to: "+14155550172", body: "late receipt" }, "api");
    await db.message.update({ where: { id: late.id }, data: { status: "SENT" } });
    await db.messageSubmission.create({ data: { connectionId, carrierMessageId: "SMlate", messageId: late.id, part: 0 } });
    await db.pendingReceipt.create({ data: { connectionId, carrierMessageId: "SMlate", status: "DELIVERED", occurredAt: now } });

    const result = await sweepMessages(db, new Date(now.getTime() + 120_000));
    expect(result).toMatchObject({ queued: 1, stranded: 1, appliedReceipts: 1 });
    const rows = await db.message.findMany({ where: { id: { in: [due.id, stranded.id, late.id] } } });
    const byId = Object.fromEntries(rows.map((m) => [m.id, m]));
    expect(byId[due.id]!.status).toBe("QUEUED");
    expect(byId[stranded.id]).toMatchObject({ status: "FAILED", errorCode: "submit_outcome_unknown" });
    expect(byId[late.id]!.status).toBe("DELIVERED");
    expect(result.senders.map((s) => s.orgId)).toContain(ctx.orgId);
  });
});
