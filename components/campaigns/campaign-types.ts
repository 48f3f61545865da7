// The shapes the campaign pages read, as the router returns them.
import type { inferRouterOutputs } from "@trpc/server";
import type { AppRouter } from "@/lib/trpc/root";

type Outputs = inferRouterOutputs<AppRouter>["campaigns"];
export type CampaignView = Outputs["get"];
export type CampaignPlanView = Outputs["plan"];
export type CampaignStatsView = Outputs["stats"];
export type CampaignListItem = Outputs["list"]["items"][number];
