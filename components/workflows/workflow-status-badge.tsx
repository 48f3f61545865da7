import { Badge } from "@/components/ui/badge";

const TONE = { DRAFT: "neutral", ACTIVE: "green", PAUSED: "red" } as const;
const LABEL = { DRAFT: "Draft", ACTIVE: "Active", PAUSED: "Paused" } as const;

export function WorkflowStatusBadge({ status }: { status: keyof typeof TONE }) {
  return <Badge tone={TONE[status]}>{LABEL[status]}</Badge>;
}
