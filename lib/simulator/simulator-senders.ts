// The org's senders on simulator connections: the numbers virtual phones text with and hear from.
import type { OrgContext } from "@/lib/org-context";

export async function simulatorSenders(ctx: OrgContext) {
  return ctx.db.senderNumber.findMany({
    where: { connection: { kind: "SIMULATOR" } },
    select: { id: true, address: true, kind: true, label: true },
    orderBy: { createdAt: "asc" },
  });
}
