import { Badge } from "@/components/ui/badge";
import type { MessageStatus } from "@/lib/generated/prisma/enums";

const LOOK: Record<MessageStatus, { label: string; tone: "neutral" | "green" | "red" | "blue" }> = {
  SCHEDULED: { label: "Scheduled", tone: "blue" },
  QUEUED: { label: "Queued", tone: "neutral" },
  SENDING: { label: "Sending", tone: "neutral" },
  SENT: { label: "Sent", tone: "blue" },
  DELIVERED: { label: "Delivered", tone: "green" },
  UNDELIVERED: { label: "Undelivered", tone: "red" },
  FAILED: { label: "Failed", tone: "red" },
  RECEIVED: { label: "Received", tone: "green" },
  CANCELED: { label: "Canceled", tone: "neutral" },
};

export const statusLabel = (status: MessageStatus) => LOOK[status].label;

export function MessageStatusBadge({ status }: { status: MessageStatus }) {
  return (
    <Badge tone={LOOK[status].tone} data-status={status}>
      {LOOK[status].label}
    </Badge>
  );
}
