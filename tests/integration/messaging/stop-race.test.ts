// The compliance promise under contention: a STOP and a marketing send to the same number race, a
// thousand times. Whichever commits first wins, and a send is never accepted after the STOP was
// recorded. Both clocks are the database's: the send's acceptance time is read after its share lock
// on the contact is held, the STOP's time when its row lock is.
import { beforeAll, describe, expect, it } from "vitest";
import { receiveMessage } from "@/lib/messaging/receive-message";
import { sendOne } from "@/lib/messaging/send-one";
import type { OrgContext } from "@/lib/org-context";
import { setupTestDatabase } from "../helpers/db";
import { createOrgWithOwner, orgContextFor } from "../helpers/factories";

const { db } = await setupTestDatabase();
const TRIALS = 1_000;
const PARALLEL = 4;

let ctx: OrgContext;
let sender: { address: string; connectionId: string };

beforeAll(async () => {
  const { org, owner } = await createOrgWithOwner(db);
  ctx = await orgContextFor(db, owner, org.id);
  sender = await db.senderNumber.findFirstOrThrow({ where: { orgId: org.id } });
});

const jitter = () => new Promise((resolve) => setTimeout(resolve, Math.random() * 4));

async function trial(i: number) {
  const phone = `+1212555${String(i).padStart(4, "0")}`;
  // Half the numbers are already contacts; for the rest, the send and the STOP both create the row.
  if (i % 2 === 0) await db.contact.create({ data: { id: `ct_race${String(i).padStart(21, "0")}`, orgId: ctx.orgId, phone } });
  const [sent] = await Promise.all([
    jitter().then(() => sendOne(ctx, { to: phone, body: "Flash sale: 30% off today" }, "campaign").then((m) => m, () => null)),
    jitter().then(() => receiveMessage(db, sender.connectionId, { from: phone, to: sender.address, body: "STOP", media: [], receivedAt: new Date() })),
  ]);
  const contact = await db.contact.findFirstOrThrow({ where: { orgId: ctx.orgId, phone } });
  const [stop] = await db.consentEvent.findMany({ where: { contactId: contact.id, action: "OPT_OUT" } });
  return { accepted: sent !== null, acceptedAt: sent?.createdAt ?? null, stoppedAt: stop!.occurredAt, status: sent ? (await db.message.findUniqueOrThrow({ where: { id: sent.id } })).status : null };
}

describe("STOP racing a marketing send", () => {
  it(`accepts 0 messages after the STOP was recorded, over ${TRIALS} trials`, { timeout: 600_000 }, async () => {
    const outcomes: Awaited<ReturnType<typeof trial>>[] = [];
    for (let i = 0; i < TRIALS; i += PARALLEL) {
      outcomes.push(...(await Promise.all(Array.from({ length: Math.min(PARALLEL, TRIALS - i) }, (_, k) => trial(i + k)))));
    }
    // Both times are kept to the millisecond, and a send that commits just before the STOP that waited
    // for it can share the STOP's millisecond: a later millisecond is a violation, the same one says
    // nothing. The status check below is exact whatever the clocks say: a send accepted after the STOP
    // committed would still be queued, as only the STOP's own transaction fails queued marketing.
    const acceptedAfterStop = outcomes.filter((o) => o.accepted && o.acceptedAt! > o.stoppedAt);
    expect(acceptedAfterStop).toEqual([]);
    // Every accepted one came before its STOP, so the STOP failed it while it waited in the queue.
    expect(outcomes.filter((o) => o.accepted).every((o) => o.status === "FAILED")).toBe(true);
    // The race was real: both orders happened.
    const accepted = outcomes.filter((o) => o.accepted).length;
    console.log(`STOP race: ${TRIALS} trials, ${accepted} sends committed before the STOP, ${TRIALS - accepted} refused, ${acceptedAfterStop.length} accepted after it`);
    expect(accepted).toBeGreaterThan(0);
    expect(TRIALS - accepted).toBeGreaterThan(0);
  });
});
