// The org's sender numbers as the compose box offers them ("From"): readable by every member, who
// may send, unlike the sender settings (admins), which also show connection details.
import type { OrgContext } from "@/lib/org-context";

export async function listSenderOptions(ctx: OrgContext) {
  // Oldest first: the first is the one a send without `from` goes out from.
  return ctx.db.senderNumber.findMany({
    orderBy: [{ createdAt: "asc" }, { id: "asc" }],
    select: { id: true, address: true, label: true, kind: true, mmsEnabled: true, connection: { select: { kind: true } } },
  });
}
