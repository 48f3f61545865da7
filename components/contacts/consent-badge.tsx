import { Badge } from "@/components/ui/badge";
import type { SubscriptionStatus } from "@/lib/generated/prisma/enums";

export function ConsentBadge({ status }: { status: SubscriptionStatus }) {
  return status === "SUBSCRIBED" ? <Badge tone="green">Opted in</Badge> : <Badge tone="red">Opted out</Badge>;
}
