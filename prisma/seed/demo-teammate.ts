// The demo org's second member (DEMO_TEAMMATE), made once: two browsers can work its inbox together.
import { signUp } from "../../lib/auth/sign-up.ts";
import type { Db } from "../../lib/db/client.ts";
import { newId } from "../../lib/ids.ts";
import { DEMO_TEAMMATE } from "../demo.ts";

export async function ensureDemoTeammate(db: Db, orgId: string): Promise<void> {
  const user = (await db.user.findUnique({ where: { email: DEMO_TEAMMATE.email }, select: { id: true } })) ?? (await signUp(db, DEMO_TEAMMATE));
  await db.membership.upsert({
    where: { orgId_userId: { orgId, userId: user.id } },
    create: { id: newId("membership"), orgId, userId: user.id, role: "MEMBER" },
    update: {},
  });
}
