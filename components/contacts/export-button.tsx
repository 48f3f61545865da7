"use client";
// "Export CSV": a link to the UI's streamed download (app/api/export/contacts/route.ts) of a list, a
// saved segment, or the Contacts page's view (its filters: search, list, tag, status, definition),
// or of the contacts a campaign skips for one reason (app/api/export/campaign-skipped/route.ts). A plain link, so the
// browser streams the file to disk itself (a fetch would hold the whole file in memory first); it
// names the org the page was rendered for, as the tRPC client's header does.
import { Download } from "lucide-react";
import { buttonClass } from "@/components/ui/button";
import { ACTIVE_ORG_HEADER } from "@/lib/orgs/active-org-cookie";
import type { ContactFilterInput } from "@/lib/contacts/contact-input";
import { activeOrgHeaders } from "@/lib/trpc/react";

export type ExportSource = { listId: string } | { segmentId: string } | { filter: ContactFilterInput } | { campaignId: string; skipReason: string };

function exportHref(source: ExportSource) {
  const query = new URLSearchParams();
  const org = activeOrgHeaders()[ACTIVE_ORG_HEADER];
  if (org) query.set("org", org);
  if ("campaignId" in source) {
    query.set("campaign_id", source.campaignId);
    query.set("reason", source.skipReason);
    return `/api/export/campaign-skipped?${query}`;
  }
  if ("listId" in source) query.set("list_id", source.listId);
  else if ("segmentId" in source) query.set("segment_id", source.segmentId);
  else query.set("filter", JSON.stringify(source.filter));
  return `/api/export/contacts?${query}`;
}

export function ExportButton({ source, label = "Export CSV", className }: { source: ExportSource; label?: string; className?: string }) {
  return (
    <a
      href={exportHref(source)}
      // The org is read when clicked: the shell may name it after this first rendered.
      onClick={(event) => (event.currentTarget.href = exportHref(source))}
      download
      data-testid="export-csv"
      className={className ?? buttonClass({ variant: "secondary", size: "sm" })}
    >
      <Download className="h-4 w-4" aria-hidden />
      {label}
    </a>
  );
}
