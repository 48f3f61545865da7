"use client";
// The bar that appears while contacts are selected (ticked, or all a view matches): add to a list,
// tag, delete — or, on a list's own page, remove from that list.
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { ListMinus, ListPlus, Tag, Trash2, X } from "lucide-react";
import { useState } from "react";
import { toast } from "sonner";
import { formatCount } from "@/components/app/format";
import { AddToListDialog } from "@/components/contacts/add-to-list-dialog";
import { describeTarget, targetSize, type BulkTarget } from "@/components/contacts/bulk-target";
import { TagContactsDialog } from "@/components/contacts/tag-contacts-dialog";
import { Button } from "@/components/ui/button";
import { ConfirmDialog } from "@/components/ui/confirm-dialog";
import { errorMessage } from "@/lib/trpc/form-errors";
import { useTRPC } from "@/lib/trpc/react";

type Open = "list" | "tag" | "delete" | null;

export function BulkActions({
  target,
  onClear,
  list,
}: {
  target: BulkTarget;
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

  async function removed(n: number) {
    toast.success(`Removed ${formatCount(n, "contact")} from ${list?.name ?? "the list"}`);
    onClear();
    await refresh();
  }
  async function deleted(n: number) {
    toast.success(`Deleted ${formatCount(n, "contact")}`);
    close();
    onClear();
    await refresh();
  }
  const onError = (error: unknown) => toast.error(errorMessage(error));
  const removeIds = useMutation(trpc.lists.removeContacts.mutationOptions({ onSuccess: (r) => removed(r.removed), onError }));
  const removeAll = useMutation(trpc.contacts.bulk.mutationOptions({ onSuccess: (r) => removed(r.changed), onError }));
  const delIds = useMutation(trpc.contacts.delete.mutationOptions({ onSuccess: (r) => deleted(r.deleted), onError }));
  const delAll = useMutation(trpc.contacts.bulk.mutationOptions({ onSuccess: (r) => deleted(r.changed), onError }));
  const byIds = "ids" in target;
  function remove() {
    if (!list) return;
    if ("ids" in target) removeIds.mutate({ listId: list.id, contactIds: target.ids });
    else removeAll.mutate({ filter: target.filter, action: { kind: "remove_from_list", listId: list.id } });
  }
  function del() {
    if ("ids" in target) delIds.mutate({ ids: target.ids });
    else delAll.mutate({ filter: target.filter, action: { kind: "delete" } });
  }

  const count = describeTarget(target);
  return (
    <div
      role="region"
      aria-label="Bulk actions"
      className="mb-3 flex flex-wrap items-center gap-2 rounded-lg border border-brand-100 bg-brand-50 px-3 py-2 dark:border-brand-700/40 dark:bg-brand-700/10"
    >
      <p className="mr-2 text-sm font-medium" aria-live="polite">
        {byIds ? `${count} selected` : `${count[0]!.toUpperCase()}${count.slice(1)} selected`}
      </p>
      {list && (
        <Button
          variant="secondary"
          size="sm"
          loading={removeIds.isPending || removeAll.isPending}
          onClick={remove}
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
        target={target}
        excludeListId={list?.id}
      />
      <TagContactsDialog open={open === "tag"} onClose={close} target={target} />
      <ConfirmDialog
        open={open === "delete"}
        onClose={close}
        onConfirm={del}
        pending={delIds.isPending || delAll.isPending}
        title={`Delete ${count}?`}
      >
        This deletes {targetSize(target) === 1 && byIds ? "the contact" : byIds ? `the ${count}` : `${count}`}, their list
        memberships and custom values. It cannot be undone.
      </ConfirmDialog>
    </div>
  );
}
