// A condition node: "yes" when the contact meets the segment rules now, compiled by the segment
// compiler (lib/segments) for this one contact; "no" otherwise (and for a contact gone).
import type { OrgContext, ScopedTx } from "@/lib/org-context";
import { segmentCondition } from "@/lib/segments/evaluate-segment";
import type { NodeOf } from "@/lib/workflows/graph-model";

export async function conditionStep(ctx: OrgContext, tx: ScopedTx, node: NodeOf<"condition">, contactId: string): Promise<"yes" | "no"> {
  const { where } = await segmentCondition(ctx, node.data.definition);
  const [row] = await tx.$queryRaw<{ yes: boolean }[]>`SELECT (${where}) AS yes FROM "Contact" c WHERE c.id = ${contactId} AND c."orgId" = ${ctx.orgId}`;
  return row?.yes ? "yes" : "no";
}
