"use client";
// A workflow's two pages: the editor over its draft, and its runs over the published versions.
import { TabLinks } from "@/components/ui/tab-links";

export function WorkflowTabs({ id }: { id: string }) {
  return (
    <TabLinks
      label="Workflow"
      tabs={[
        { href: `/workflows/${id}`, label: "Editor" },
        { href: `/workflows/${id}/runs`, label: "Runs" },
      ]}
    />
  );
}
