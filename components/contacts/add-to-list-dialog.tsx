"use client";
// Bulk "Add to list": pick one of the org's lists for the selected (or all matching) contacts.
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import Link from "next/link";
import { useState, type FormEvent } from "react";
import { toast } from "sonner";
import { formatCount, formatNumber } from "@/components/app/format";
import { describeTarget, targetSize, type BulkTarget } from "@/components/contacts/bulk-target";
import { Button } from "@/components/ui/button";
import { Dialog } from "@/components/ui/dialog";
import { Field, FormError } from "@/components/ui/field";
import { Select } from "@/components/ui/input";
import { formErrors } from "@/lib/trpc/form-errors";
import { useTRPC } from "@/lib/trpc/react";

export function AddToListDialog({
  open,
  onClose,
  target,
  excludeListId,
}: {
  open: boolean;
  onClose: () => void;
  target: BulkTarget;
  /** The list being viewed, which makes no sense as a target. */
  excludeListId?: string;
}) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const lists = useQuery({ ...trpc.lists.list.queryOptions(), enabled: open });
  const choices = (lists.data ?? []).filter((l) => l.id !== excludeListId);
  const [picked, setPicked] = useState("");
  const listId = picked || choices[0]?.id || "";
  async function done(added: number, matched: number) {
    const name = choices.find((l) => l.id === listId)?.name ?? "the list";
    const already = matched - added;
    toast.success(`Added ${formatCount(added, "contact")} to ${name}${already > 0 ? ` (${formatNumber(already)} already in it)` : ""}`);
    close();
    await Promise.all([
      queryClient.invalidateQueries({ queryKey: trpc.lists.pathKey() }),
      queryClient.invalidateQueries({ queryKey: trpc.contacts.pathKey() }),
    ]);
  }
  const addIds = useMutation(trpc.lists.addContacts.mutationOptions({ onSuccess: ({ added }) => done(added, targetSize(target)) }));
  const addAll = useMutation(trpc.contacts.bulk.mutationOptions({ onSuccess: ({ changed, matched }) => done(changed, matched) }));
  const add = "ids" in target ? addIds : addAll;
  const errors = formErrors(add.error);

  function close() {
    addIds.reset();
    addAll.reset();
    setPicked("");
    onClose();
  }

  function submit(event: FormEvent) {
    event.preventDefault();
    if (!listId) return;
    if ("ids" in target) addIds.mutate({ listId, contactIds: target.ids });
    else addAll.mutate({ filter: target.filter, action: { kind: "add_to_list", listId } });
  }

  return (
    <Dialog open={open} onClose={close} title={`Add ${describeTarget(target)} to a list`}>
      {lists.isPending ? (
        <p className="text-sm text-zinc-500">Loading lists…</p>
      ) : choices.length === 0 ? (
        <p className="text-sm text-zinc-600 dark:text-zinc-400">
          There are no lists to add to yet.{" "}
          <Link href="/lists" className="font-medium text-brand-600 hover:underline">
            Create a list
          </Link>{" "}
          first.
        </p>
      ) : (
        <form onSubmit={submit} className="space-y-4" noValidate>
          <Field label="List" error={errors.fields.listId ?? errors.fields.contactIds}>
            <Select value={listId} onChange={(e) => setPicked(e.target.value)}>
              {choices.map((list) => (
                <option key={list.id} value={list.id}>
                  {list.name}
                </option>
              ))}
            </Select>
          </Field>
          <FormError>{errors.form}</FormError>
          <div className="flex justify-end gap-2">
            <Button variant="secondary" onClick={close} disabled={add.isPending}>
              Cancel
            </Button>
            <Button type="submit" loading={add.isPending}>
              Add to list
            </Button>
          </div>
        </form>
      )}
    </Dialog>
  );
}
