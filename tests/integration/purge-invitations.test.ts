import { describe, expect, it } from "vitest";
import { newId } from "@/lib/ids";
import { purgeExpiredInvitations } from "@/lib/members/purge-expired-invitations";
import { setupTestDatabase } from "./helpers/db";
import { createOrgWithOwner } from "./helpers/factories";

const { db } = await setupTestDatabase();
const DAY = 86_400_000;

describe("purgeExpiredInvitations", () => {
  it("deletes invitations expired unused past the grace period, in every org, and keeps the rest", async () => {
    const now = new Date("2026-11-21T12:00:00Z");
    const orgs = [(await createOrgWithOwner(db)).org.id, (await createOrgWithOwner(db)).org.id];
    const invite = (orgId: string, email: string, expiresInDays: number, accepted = false) =>
      db.invitation.create({
        data: {
          id: newId("invitation"),
          orgId,
          email,
          role: "MEMBER",
          tokenHash: newId("invitation"),
          invitedById: "usr_x",
          expiresAt: new Date(now.getTime() + expiresInDays * DAY),
          acceptedAt: accepted ? new Date(now.getTime() - 40 * DAY) : null,
        },
      });
    await invite(orgs[0]!, "old-a@example.test", -31);
    await invite(orgs[1]!, "old-b@example.test", -45);
    await invite(orgs[0]!, "recently-expired@example.test", -29);
    await invite(orgs[0]!, "pending@example.test", 5);
    await invite(orgs[1]!, "accepted-long-ago@example.test", -60, true);

    expect(await purgeExpiredInvitations(db, 30, now)).toEqual({ deleted: 2 });
    const left = await db.invitation.findMany({ orderBy: { email: "asc" }, select: { email: true } });
    expect(left.map((i) => i.email)).toEqual(["accepted-long-ago@example.test", "pending@example.test", "recently-expired@example.test"]);
    expect(await purgeExpiredInvitations(db, 0, now)).toEqual({ deleted: 1 });
  });
});
