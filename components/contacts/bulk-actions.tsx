"use client";
// The bar that appears while contacts are selected: add to a list, tag, delete — or, on a list's
// own page, remove from that list.
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { ListMinus, ListPlus, Tag, Trash2, X } from "lucide-react";
import { useState } from "react";
import { toast } from "sonner";
import { formatCount } from "@/components/app/format";
import { AddToListDialog } from "@/components/contacts/add-to-list-dialog";
import { TagContactsDialog } from "@/components/contacts/tag-contacts-dialog";
import { Button } from "@/components/ui/button";
import { ConfirmDialog } from "@/components/ui/confirm-dialog";
import { errorMessage } from "@/lib/trpc/form-errors";
import { useTRPC } from "@/lib/trpc/react";

type Open = "list" | "tag" | "delete" | null;

export function BulkActions({
  selectedIds,
  onClear,
  list,
}: {
  selectedIds: string[];
  onClear: () => void;
  /** Set on a list's page: adds "Remove from list" and leaves deleting to the Contacts page. */
  list?: { id: string; name: string };
}) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const [open, setOpen] = useState<Open>(null);
  const close = () => setOpen(null);
  const refresh = () =>
    Promise.all([
      queryClient.invalidateQueries({ queryKey: trpc.contacts.pathKey() }),
      queryClient.invalidateQueries({ queryKey: trpc.lists.pathKey() }),
    ]);

  const remove = useMutation(
    trpc.lists.removeContacts.mutationOptions({
      onSuccess: async ({ removed }) => {
        toast.success(`Removed ${formatCount(removed, "contact")} from ${list?.name ?? "the list"}`);
        onClear();
        await refresh();
      },
      onError: (error) => toast.error(errorMessage(error)),
    }),
  );
  const del = useMutation(
    trpc.contacts.delete.mutationOptions({
      onSuccess: async ({ deleted }) => {
        toast.success(`Deleted ${formatCount(deleted, "contact")}`);
        close();
        onClear();
        await refresh();
      },
      onError: (error) => toast.error(errorMessage(error)),
    }),
  );

  const count = formatCount(selectedIds.length, "contact");
  return (
    <div
      role="region"
      aria-label="Bulk actions"
      className="mb-3 flex flex-wrap items-center gap-2 rounded-lg border border-brand-100 bg-brand-50 px-3 py-2 dark:border-brand-700/40 dark:bg-brand-700/10"
    >
      <p className="mr-2 text-sm font-medium" aria-live="polite">
        {count} selected
      </p>
      {list && (
        <Button
          variant="secondary"
          size="sm"
          loading={remove.isPending}
          onClick={() => remove.mutate({ listId: list.id, contactIds: selectedIds })}
        >
          <ListMinus className="h-4 w-4" aria-hidden /> Remove from list
        </Button>
      )}
      <Button variant="secondary" size="sm" onClick={() => setOpen("list")}>
        <ListPlus className="h-4 w-4" aria-hidden /> Add to list
      </Button>
      <Button variant="secondary" size="sm" onClick={() => setOpen("tag")}>
        <Tag className="h-4 w-4" aria-hidden /> Tag
      </Button>
      {!list && (
        <Button variant="secondary" size="sm" className="text-red-700 dark:text-red-400" onClick={() => setOpen("delete")}>
          <Trash2 className="h-4 w-4" aria-hidden /> Delete
        </Button>
      )}
      <Button variant="ghost" size="sm" className="ml-auto" onClick={onClear}>
        <X className="h-4 w-4" aria-hidden /> Clear selection
      </Button>

      <AddToListDialog
        open={open === "list"}
        onClose={close}
        contactIds={selectedIds}
        excludeListId={list?.id}
      />
      <TagContactsDialog open={open === "tag"} onClose={close} contactIds={selectedIds} />
      <ConfirmDialog
        open={open === "delete"}
        onClose={close}
        onConfirm={() => del.mutate({ ids: selectedIds })}
        pending={del.isPending}
        title={`Delete ${count}?`}
      >
        This deletes {selectedIds.length === 1 ? "the contact" : `the ${count}`}, their list memberships and custom
        values. It cannot be undone.
      </ConfirmDialog>
    </div>
  );
}
