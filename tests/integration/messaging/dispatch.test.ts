// One dispatcher round on the simulator, called directly (the job around it is pipeline.test.ts's).
import { describe, expect, it } from "vitest";
import { newId } from "@/lib/ids";
import { dispatchRound } from "@/lib/delivery/dispatch-round";
import { sendOne } from "@/lib/messaging/send-one";
import { setupTestDatabase } from "../helpers/db";
import { createOrgWithOwner, orgContextFor } from "../helpers/factories";

const { db } = await setupTestDatabase();

describe("a dispatcher round", () => {
  it("fails a message whose media is gone, alone and with the reason, and sends the rest", async () => {
    const { org, owner } = await createOrgWithOwner(db, { defaultCountry: "US" });
    const ctx = await orgContextFor(db, owner, org.id);
    const asset = await db.mediaAsset.create({
      data: { id: newId("media"), orgId: org.id, storageKey: "k/dispatch", contentType: "image/png", size: 1_000, sha256: "x" },
    });
    const mms = await sendOne(ctx, { to: "+14155550170", body: "Our new menu", mediaIds: [asset.id] }, "api");
    const text = await sendOne(ctx, { to: "+14155550171", body: "Doors open at 7" }, "api");
    await db.mediaAsset.delete({ where: { id: asset.id } });

    const round = await dispatchRound(db, mms.senderId!);
    expect(round).toMatchObject({ claimed: 2, sent: 1, failed: 1, more: false });
    expect(await db.message.findUniqueOrThrow({ where: { id: mms.id } })).toMatchObject({ status: "FAILED", errorCode: "media_not_found" });
    expect((await db.message.findUniqueOrThrow({ where: { id: text.id } })).status).toBe("SENT");
    // Nothing left to claim: the next round finds an empty queue rather than the same failure.
    expect(await dispatchRound(db, mms.senderId!)).toMatchObject({ claimed: 0, failed: 0 });
  });
});
