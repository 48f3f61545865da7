// A/B split of a run: a branch by weight, chosen from a hash of the run and the node so a retried
// step (or a replay) picks the same branch, and a loop through the same node picks again the same.
import { createHash } from "node:crypto";

export function chooseSplitBranch(branches: readonly { id: string; weight: number }[], runId: string, nodeId: string): string {
  if (branches.length === 0) throw new Error(`Random split ${nodeId} has no branches`);
  const total = branches.reduce((sum, b) => sum + b.weight, 0);
  // 48 bits of the hash: uniform enough for any weights up to 100 a branch.
  const point = (parseInt(createHash("sha256").update(`${runId}:${nodeId}`).digest("hex").slice(0, 12), 16) / 2 ** 48) * total;
  let at = 0;
  for (const b of branches) {
    at += b.weight;
    if (point < at) return b.id;
  }
  return branches[branches.length - 1]!.id;
}
