"use client";
// The Lists page: the org's lists with their member counts; create, rename and delete.
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { toast } from "sonner";
import { formatCount } from "@/components/app/format";
import { PageHeader } from "@/components/app/page-header";
import { CreateListButton } from "@/components/lists/create-list-dialog";
import { ListsTable, type ListRow } from "@/components/lists/lists-table";
import { RenameListDialog } from "@/components/lists/rename-list-dialog";
import { ConfirmDialog } from "@/components/ui/confirm-dialog";
import { EmptyState } from "@/components/ui/empty-state";
import { errorMessage } from "@/lib/trpc/form-errors";
import { useTRPC } from "@/lib/trpc/react";

export function ListsScreen() {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const lists = useQuery(trpc.lists.list.queryOptions());
  const [renaming, setRenaming] = useState<ListRow | null>(null);
  const [deleting, setDeleting] = useState<ListRow | null>(null);
  const del = useMutation(
    trpc.lists.delete.mutationOptions({
      onSuccess: async (_, { id }) => {
        toast.success(`Deleted list “${lists.data?.find((l) => l.id === id)?.name ?? ""}”`);
        setDeleting(null);
        await Promise.all([
          queryClient.invalidateQueries({ queryKey: trpc.lists.pathKey() }),
          queryClient.invalidateQueries({ queryKey: trpc.contacts.pathKey() }),
        ]);
      },
      onError: (error) => toast.error(errorMessage(error)),
    }),
  );

  return (
    <>
      <PageHeader title="Lists" description="Groups of contacts, such as your VIPs or one store’s customers." actions={<CreateListButton />} />
      {lists.isPending ? (
        <p className="text-sm text-zinc-500">Loading lists…</p>
      ) : lists.isError ? (
        <p role="alert" className="text-sm text-red-600 dark:text-red-400">
          Could not load lists: {lists.error.message}
        </p>
      ) : lists.data.length === 0 ? (
        <EmptyState title="No lists yet" description="Create a list, then add contacts to it from the Contacts page." />
      ) : (
        <ListsTable lists={lists.data} onRename={setRenaming} onDelete={setDeleting} />
      )}
      <RenameListDialog list={renaming} onClose={() => setRenaming(null)} />
      <ConfirmDialog
        open={deleting !== null}
        onClose={() => setDeleting(null)}
        onConfirm={() => deleting && del.mutate({ id: deleting.id })}
        pending={del.isPending}
        title={`Delete the list “${deleting?.name ?? ""}”?`}
      >
        {deleting && deleting.memberCount > 0
          ? `The ${formatCount(deleting.memberCount, "contact")} in it stay in your contacts; only the list goes.`
          : "The list is empty, so no contacts are affected."}
      </ConfirmDialog>
    </>
  );
}
