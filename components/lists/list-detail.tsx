"use client";
// A list's page: its name, how many members it has, its CSV export, and the members in the contacts table.
import { useQuery } from "@tanstack/react-query";
import { formatCount } from "@/components/app/format";
import { BackLink, DetailPageState } from "@/components/app/detail-page-state";
import { PageHeader } from "@/components/app/page-header";
import { ContactsBrowser } from "@/components/contacts/contacts-browser";
import { ExportButton } from "@/components/contacts/export-button";
import { useTRPC } from "@/lib/trpc/react";

export function ListDetailScreen({ id }: { id: string }) {
  const trpc = useTRPC();
  const list = useQuery(trpc.lists.get.queryOptions({ id }, { retry: false }));

  if (list.isPending || list.isError) return <DetailPageState query={list} noun="list" back={{ href: "/lists", label: "Lists" }} />;

  return (
    <div>
      <BackLink href="/lists" label="Lists" />
      <PageHeader
        title={list.data.name}
        description={<span data-testid="list-member-count">{formatCount(list.data.memberCount, "member")}</span>}
        actions={<ExportButton source={{ listId: list.data.id }} />}
      />
      <ContactsBrowser list={{ id: list.data.id, name: list.data.name }} />
    </div>
  );
}
