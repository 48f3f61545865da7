"use client";
// A list's page: its name, how many members it has, and the members in the contacts table.
import { useQuery } from "@tanstack/react-query";
import { ArrowLeft } from "lucide-react";
import Link from "next/link";
import { formatCount } from "@/components/app/format";
import { PageHeader } from "@/components/app/page-header";
import { ContactsBrowser } from "@/components/contacts/contacts-browser";
import { EmptyState } from "@/components/ui/empty-state";
import { useTRPC } from "@/lib/trpc/react";

export function ListDetailScreen({ id }: { id: string }) {
  const trpc = useTRPC();
  const list = useQuery(trpc.lists.get.queryOptions({ id }, { retry: false }));

  const back = (
    <Link href="/lists" className="mb-3 inline-flex items-center gap-1 text-sm text-zinc-500 hover:text-zinc-900 dark:hover:text-zinc-100">
      <ArrowLeft className="h-4 w-4" aria-hidden /> Lists
    </Link>
  );

  if (list.isPending) {
    return (
      <div>
        {back}
        <p className="text-sm text-zinc-500">Loading list…</p>
      </div>
    );
  }
  if (list.isError) {
    const missing = list.error.data?.code === "NOT_FOUND";
    return (
      <div>
        {back}
        <EmptyState
          title={missing ? "List not found" : "Could not load the list"}
          description={missing ? "It may have been deleted, or it belongs to another organisation." : list.error.message}
        />
      </div>
    );
  }

  return (
    <div>
      {back}
      <PageHeader
        title={list.data.name}
        description={<span data-testid="list-member-count">{formatCount(list.data.memberCount, "member")}</span>}
      />
      <ContactsBrowser list={{ id: list.data.id, name: list.data.name }} />
    </div>
  );
}
