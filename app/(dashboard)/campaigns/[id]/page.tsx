import type { Metadata } from "next";
import { CampaignScreen } from "@/components/campaigns/campaign-screen";

export const metadata: Metadata = { title: "Campaign" };

export default async function CampaignPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  return <CampaignScreen id={id} />;
}
