// The campaigns' safety net: once a minute, a scheduled campaign whose start is five minutes past
// gets its fan-out asked for again (lib/campaigns/overdue-campaigns.ts).
import { overdueCampaigns } from "@/lib/campaigns/overdue-campaigns";
import { db } from "@/lib/db";
import { inngest } from "@/lib/events/client";
import { campaignFanOutRequested } from "@/lib/events/campaigns";

export const sweepCampaignsJob = inngest.createFunction(
  { id: "sweep-campaigns", name: "Campaigns safety net", triggers: [{ cron: "* * * * *" }], concurrency: { limit: 1 } },
  async ({ step }) => {
    const overdue = await step.run("find-overdue", () => overdueCampaigns(db));
    if (overdue.length > 0) await step.sendEvent("fan-out", overdue.map((c) => campaignFanOutRequested.create(c)));
    return { overdue: overdue.length };
  },
);
