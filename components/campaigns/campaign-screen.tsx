"use client";
// A campaign's page: its editor and plan while it is a draft, its results from when it is scheduled.
import { useQuery } from "@tanstack/react-query";
import { BackLink, DetailPageState } from "@/components/app/detail-page-state";
import { PageHeader } from "@/components/app/page-header";
import { CampaignEditor } from "@/components/campaigns/campaign-editor";
import { CampaignResults } from "@/components/campaigns/campaign-results";
import { CampaignStatusBadge, isLive } from "@/components/campaigns/campaign-status-badge";
import { useTRPC } from "@/lib/trpc/react";

const back = { href: "/campaigns", label: "Campaigns" };

export function CampaignScreen({ id }: { id?: string }) {
  const trpc = useTRPC();
  const campaign = useQuery({
    ...trpc.campaigns.get.queryOptions(
      { id: id ?? "" },
      // While it sends, its status moves on by itself (to completed); a draft changes only here.
      { retry: false, refetchInterval: (query) => (query.state.data && isLive(query.state.data.status) ? 5_000 : false) },
    ),
    enabled: id !== undefined,
  });
  if (id === undefined) {
    return (
      <>
        <BackLink {...back} />
        <PageHeader title="New campaign" description="Nothing is sent until you review the plan and send it." />
        <CampaignEditor />
      </>
    );
  }
  if (campaign.isPending || campaign.isError) return <DetailPageState query={campaign} noun="campaign" back={back} />;
  const c = campaign.data;
  return (
    <>
      <BackLink {...back} />
      <PageHeader
        title={c.name}
        description={
          <span className="inline-flex items-center gap-2">
            <CampaignStatusBadge status={c.status} />
            {c.status === "DRAFT" && "Edits are saved as you go; nothing is sent until you send it."}
          </span>
        }
      />
      {c.status === "DRAFT" ? <CampaignEditor key={c.id} saved={c} /> : <CampaignResults campaign={c} />}
    </>
  );
}
