import type { Metadata } from "next";
import { CampaignScreen } from "@/components/campaigns/campaign-screen";

export const metadata: Metadata = { title: "New campaign" };

export default function NewCampaignPage() {
  return <CampaignScreen />;
}
