import { Badge } from "@/components/ui/badge";
import type { ConsentStatus } from "@/lib/generated/prisma/enums";

export function ConsentBadge({ status }: { status: ConsentStatus }) {
  return status === "OPTED_IN" ? <Badge tone="green">Opted in</Badge> : <Badge tone="red">Opted out</Badge>;
}
