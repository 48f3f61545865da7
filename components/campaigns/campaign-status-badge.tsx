import { Badge } from "@/components/ui/badge";
import type { CampaignStatus } from "@/lib/generated/prisma/enums";

const LOOK: Record<CampaignStatus, { label: string; tone: "neutral" | "green" | "red" | "blue" }> = {
  DRAFT: { label: "Draft", tone: "neutral" },
  SCHEDULED: { label: "Scheduled", tone: "blue" },
  SENDING: { label: "Sending", tone: "blue" },
  PAUSED: { label: "Paused", tone: "neutral" },
  COMPLETED: { label: "Completed", tone: "green" },
  CANCELED: { label: "Canceled", tone: "red" },
};

/** Scheduled, sending or paused: its status and counts move on without the viewer doing anything, so its pages poll. */
export const isLive = (status: CampaignStatus) => status === "SCHEDULED" || status === "SENDING" || status === "PAUSED";

export function CampaignStatusBadge({ status }: { status: CampaignStatus }) {
  const look = LOOK[status];
  return <Badge tone={look.tone}>{look.label}</Badge>;
}
