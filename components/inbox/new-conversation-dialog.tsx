"use client";
// "New conversation": find any contact by name or number and open their conversation (started if
// they have none; inbox.start), to write the first text.
import { useMutation, useQuery } from "@tanstack/react-query";
import { useState } from "react";
import { toast } from "sonner";
import { contactName } from "@/components/contacts/contact-name";
import { useDebouncedValue } from "@/components/contacts/use-debounced-value";
import { Dialog } from "@/components/ui/dialog";
import { Input } from "@/components/ui/input";
import { errorMessage } from "@/lib/trpc/form-errors";
import { useTRPC } from "@/lib/trpc/react";

export function NewConversationDialog({ open, onClose, onOpened }: { open: boolean; onClose: () => void; onOpened: (conversationId: string) => void }) {
  const trpc = useTRPC();
  const [search, setSearch] = useState("");
  const term = useDebouncedValue(search.trim(), 250);
  const contacts = useQuery(trpc.contacts.list.queryOptions({ search: term, limit: 8, sort: "name", dir: "asc" }, { enabled: open && term.length > 0 }));
  const start = useMutation(
    trpc.inbox.start.mutationOptions({
      onSuccess: ({ id }) => {
        setSearch("");
        onOpened(id);
      },
      onError: (error) => toast.error(errorMessage(error)),
    }),
  );
  const items = term ? (contacts.data?.items ?? []) : [];

  return (
    <Dialog open={open} onClose={onClose} title="New conversation">
      <Input autoFocus type="search" value={search} onChange={(e) => setSearch(e.target.value)} placeholder="A contact's name or number" aria-label="Find a contact" />
      <ul className="mt-3 divide-y divide-zinc-200 dark:divide-zinc-800" aria-label="Contacts found">
        {term && contacts.isSuccess && items.length === 0 && <li className="py-2 text-sm text-zinc-500">No contact matches. Add them on the Contacts page first.</li>}
        {items.map((c) => (
          <li key={c.id}>
            <button type="button" className="flex w-full items-baseline justify-between gap-3 py-2 text-left text-sm hover:bg-zinc-50 dark:hover:bg-zinc-800/50" onClick={() => start.mutate({ contactId: c.id })} disabled={start.isPending}>
              <span className="truncate font-medium">{contactName(c) ?? c.phone}</span>
              <span className="shrink-0 font-mono text-xs text-zinc-500">{c.phone}</span>
            </button>
          </li>
        ))}
      </ul>
    </Dialog>
  );
}
