import { Badge } from "@/components/ui/badge";
import type { SubscriptionStatus } from "@/lib/generated/prisma/enums";

export function SubscriptionBadge({ status }: { status: SubscriptionStatus }) {
  return status === "SUBSCRIBED" ? <Badge tone="green">Subscribed</Badge> : <Badge tone="red">Unsubscribed</Badge>;
}
