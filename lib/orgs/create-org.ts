import { randomBytes } from "node:crypto";
import { recordAudit } from "@/lib/audit/record-audit";
import { provisionSimulator } from "@/lib/simulator/provision-simulator";
import type { Db } from "@/lib/db/client";
import { newId } from "@/lib/ids";
import { createOrgInput, type CreateOrgInput } from "@/lib/orgs/org-input";

/** The org's id on the Twilio-compatible API, shaped like Twilio's: AC + 32 hex. */
const newAccountSid = () => `AC${randomBytes(16).toString("hex")}`;

/** Creates an organisation with `userId` as its owner, and a simulator number to text from. */
export async function createOrg(db: Db, userId: string, raw: CreateOrgInput) {
  const input = createOrgInput.parse(raw);
  return db.$transaction(async (tx) => {
    const org = await tx.organization.create({ data: { id: newId("organization"), accountSid: newAccountSid(), ...input } });
    await tx.membership.create({ data: { id: newId("membership"), orgId: org.id, userId, role: "OWNER" } });
    await provisionSimulator(tx, org.id);
    const user = await tx.user.findUniqueOrThrow({ where: { id: userId }, select: { email: true } });
    const actor = { type: "USER", id: userId, label: user.email } as const;
    await recordAudit({ orgId: org.id, actor }, tx, {
      action: "organization.created",
      targetType: "organization",
      targetId: org.id,
      changes: input,
    });
    return org;
  });
}
