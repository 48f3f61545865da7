// A verification code is for its recipient: the message log, the API and webhooks show it masked,
// the carrier gets the whole text, and the whole text is forgotten once the carrier has it. The
// simulator's virtual phones are the exception: reading the code on one is what they are for.
import { describe, expect, it, vi } from "vitest";
import { serializeMessage } from "@/lib/messaging/serialize-message";
import { newId } from "@/lib/ids";
import { dispatchRound } from "@/lib/delivery/dispatch-round";
import { getMessage } from "@/lib/messaging/get-message";
import { checkVerification } from "@/lib/verify/check-verification";
import { startVerification } from "@/lib/verify/start-verification";
import { setupTestDatabase } from "../helpers/db";
import { createOrgWithOwner, orgContextFor } from "../helpers/factories";
import { stubSmsc } from "../helpers/smpp";

const { db } = await setupTestDatabase();

const secretBodyOf = async (id: string) =>
  (await db.$queryRaw<{ secretBody: string | null }[]>`SELECT "secretBody" FROM "Message" WHERE id = ${id}`)[0]!.secretBody;

describe("verification codes in messages", () => {
  it("are masked in what the org can read, whole in what the carrier gets, and forgotten once sent", async () => {
    const stub = await stubSmsc();
    const { org, owner } = await createOrgWithOwner(db, { defaultCountry: "US" });
    const ctx = await orgContextFor(db, owner, org.id);
    await db.senderNumber.deleteMany({ where: { orgId: org.id } });
    const connection = await db.carrierConnection.create({
      data: { id: newId("connection"), orgId: org.id, name: "SMSC", kind: "SMPP", config: stub.config({ throughput: 1_000 }) },
    });
    const sender = await db.senderNumber.create({ data: { id: newId("sender"), orgId: org.id, connectionId: connection.id, address: "+15005550006", throughput: 1_000 } });

    await startVerification(ctx, { to: "+14155550150", channel: "sms" });
    const queued = await db.message.findFirstOrThrow({ where: { orgId: org.id, to: "+14155550150" } });
    expect(queued.body).toMatch(/^Your .+ verification code is \*{6}\. It expires in 10 minutes\.$/);
    expect(queued).not.toHaveProperty("secretBody");
    const whole = await secretBodyOf(queued.id);
    // After "is": the org's random name may hold six digits of its own ("Org 9e293148").
    const code = whole!.match(/code is (\d{6})/)![1]!;
    expect(whole).toBe(queued.body.replace("******", code));
    expect(JSON.stringify(serializeMessage(queued))).not.toContain(code);
    expect(JSON.stringify(await getMessage(ctx, queued.id))).not.toContain(code);

    await dispatchRound(db, sender.id);
    await vi.waitFor(() => expect(stub.submits).toHaveLength(1));
    expect(stub.submits[0]!.shortMessage.toString("latin1")).toContain(code);
    const sent = await db.message.findUniqueOrThrow({ where: { id: queued.id } });
    expect(sent.status).toBe("SENT");
    expect(sent.body).not.toContain(code);
    expect(await secretBodyOf(queued.id)).toBeNull();

    expect((await checkVerification(ctx, { to: "+14155550150", code })).status).toBe("APPROVED");
  });

  it("stay readable on the simulator's virtual phones", async () => {
    const { org, owner } = await createOrgWithOwner(db, { defaultCountry: "US" });
    const ctx = await orgContextFor(db, owner, org.id);
    await startVerification(ctx, { to: "+14155550151", channel: "sms" });
    const message = await db.message.findFirstOrThrow({ where: { orgId: org.id, to: "+14155550151" } });
    expect(message.body).toMatch(/verification code is \d{6}\./);
    expect(await secretBodyOf(message.id)).toBeNull();
  });
});
