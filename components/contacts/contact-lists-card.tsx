"use client";
// The lists a contact is in, each removable, and a picker to add it to another.
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { X } from "lucide-react";
import Link from "next/link";
import { useState, type FormEvent } from "react";
import { toast } from "sonner";
import { formatDate } from "@/components/app/format";
import type { ContactDetail } from "@/components/contacts/contact-types";
import { Button } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { Select } from "@/components/ui/input";
import { errorMessage } from "@/lib/trpc/form-errors";
import { useTRPC } from "@/lib/trpc/react";

export function ContactListsCard({ contact }: { contact: ContactDetail }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const allLists = useQuery(trpc.lists.list.queryOptions()).data ?? [];
  const memberOf = new Set(contact.lists.map((l) => l.id));
  const available = allLists.filter((l) => !memberOf.has(l.id));
  const [picked, setPicked] = useState("");
  const listId = available.some((l) => l.id === picked) ? picked : (available[0]?.id ?? "");

  const refresh = () =>
    Promise.all([
      queryClient.invalidateQueries({ queryKey: trpc.contacts.pathKey() }),
      queryClient.invalidateQueries({ queryKey: trpc.lists.pathKey() }),
    ]);
  const add = useMutation(
    trpc.lists.addContacts.mutationOptions({
      onSuccess: async (_, { listId }) => {
        toast.success(`Added to ${allLists.find((l) => l.id === listId)?.name ?? "the list"}`);
        setPicked("");
        await refresh();
      },
      onError: (error) => toast.error(errorMessage(error)),
    }),
  );
  const remove = useMutation(
    trpc.lists.removeContacts.mutationOptions({
      onSuccess: async (_, { listId }) => {
        toast.success(`Removed from ${contact.lists.find((l) => l.id === listId)?.name ?? "the list"}`);
        await refresh();
      },
      onError: (error) => toast.error(errorMessage(error)),
    }),
  );

  function submit(event: FormEvent) {
    event.preventDefault();
    if (listId) add.mutate({ listId, contactIds: [contact.id] });
  }

  return (
    <Card className="p-5">
      <h2 className="mb-2 text-base font-semibold">Lists</h2>
      {contact.lists.length === 0 ? (
        <p className="text-sm text-zinc-500">Not in any list.</p>
      ) : (
        <ul className="divide-y divide-zinc-100 text-sm dark:divide-zinc-800">
          {contact.lists.map((list) => (
            <li key={list.id} className="flex items-center justify-between gap-2 py-1.5">
              <div className="min-w-0">
                <Link href={`/lists/${list.id}`} className="font-medium hover:underline">
                  {list.name}
                </Link>
                <p className="text-xs text-zinc-500">Added {formatDate(list.addedAt)}</p>
              </div>
              <Button
                variant="ghost"
                size="sm"
                disabled={remove.isPending}
                onClick={() => remove.mutate({ listId: list.id, contactIds: [contact.id] })}
              >
                <X className="h-4 w-4" aria-hidden />
                Remove<span className="sr-only"> from {list.name}</span>
              </Button>
            </li>
          ))}
        </ul>
      )}
      {available.length > 0 && (
        <form onSubmit={submit} className="mt-4 flex gap-2">
          <Select aria-label="List to add to" value={listId} onChange={(e) => setPicked(e.target.value)} className="min-w-0 flex-1">
            {available.map((list) => (
              <option key={list.id} value={list.id}>
                {list.name}
              </option>
            ))}
          </Select>
          <Button type="submit" variant="secondary" loading={add.isPending}>
            Add to list
          </Button>
        </form>
      )}
      {allLists.length === 0 && (
        <p className="mt-3 text-sm text-zinc-500">
          <Link href="/lists" className="font-medium text-brand-600 hover:underline">
            Create a list
          </Link>{" "}
          to group contacts.
        </p>
      )}
    </Card>
  );
}
