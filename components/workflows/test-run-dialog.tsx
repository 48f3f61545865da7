"use client";
// "Test run": a contact found by name or number, or a number no contact has yet (a virtual phone's:
// it becomes a contact), walks the live version now, its waits shortened (a second each, a minute
// for a reply); the run's page then opens to watch it step by step.
import { useMutation, useQuery } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { contactName } from "@/components/contacts/contact-name";
import { useDebouncedValue } from "@/components/contacts/use-debounced-value";
import { Dialog } from "@/components/ui/dialog";
import { Input } from "@/components/ui/input";
import { errorMessage } from "@/lib/trpc/form-errors";
import { useTRPC } from "@/lib/trpc/react";

export function TestRunDialog({ open, onClose, workflowId }: { open: boolean; onClose: () => void; workflowId: string }) {
  const trpc = useTRPC();
  const router = useRouter();
  const [search, setSearch] = useState("");
  const term = useDebouncedValue(search.trim(), 250);
  const contacts = useQuery(trpc.contacts.list.queryOptions({ search: term, limit: 8, sort: "name", dir: "asc" }, { enabled: open && term.length > 0 }));
  const start = useMutation(trpc.workflowRuns.testRun.mutationOptions({ onSuccess: ({ runId }) => router.push(`/workflows/${workflowId}/runs/${runId}`) }));
  const items = term ? (contacts.data?.items ?? []) : [];
  // A number typed that no contact found has: offered as a new contact.
  const digits = term.replace(/\D/g, "");
  const newNumber = digits.length >= 7 && /^[\d\s()+.-]+$/.test(term) && contacts.isSuccess && !items.some((c) => c.phone.replace(/\D/g, "").endsWith(digits));

  return (
    <Dialog
      open={open}
      onClose={() => {
        setSearch("");
        start.reset();
        onClose();
      }}
      title="Test run"
    >
      <p className="mb-3 text-sm text-zinc-600 dark:text-zinc-400">
        The contact goes through the live version for real (texts are sent), with every wait cut to a second and a minute to reply. Test runs are kept out of the counters.
      </p>
      <Input autoFocus type="search" value={search} onChange={(e) => setSearch(e.target.value)} placeholder="A contact's name or number, or a new number" aria-label="Find a contact" />
      <ul className="mt-3 divide-y divide-zinc-200 dark:divide-zinc-800" aria-label="Contacts found">
        {term && contacts.isSuccess && items.length === 0 && !newNumber && <li className="py-2 text-sm text-zinc-500">No contact matches.</li>}
        {newNumber && (
          <li>
            <button
              type="button"
              className="flex w-full items-baseline justify-between gap-3 py-2 text-left text-sm hover:bg-zinc-50 disabled:opacity-60 dark:hover:bg-zinc-800/50"
              onClick={() => start.mutate({ workflowId, phone: term })}
              disabled={start.isPending}
            >
              <span className="min-w-0">
                <span className="block font-medium">A new contact: {term}</span>
                <span className="block text-xs text-zinc-500">A virtual phone&apos;s number, for instance: answer from it on the Phones page.</span>
              </span>
              <span className="shrink-0 font-mono text-xs text-zinc-500">Start</span>
            </button>
          </li>
        )}
        {items.map((c) => (
          <li key={c.id}>
            <button
              type="button"
              className="flex w-full items-baseline justify-between gap-3 py-2 text-left text-sm hover:bg-zinc-50 disabled:opacity-60 dark:hover:bg-zinc-800/50"
              onClick={() => start.mutate({ workflowId, contactId: c.id })}
              disabled={start.isPending}
            >
              <span className="truncate font-medium">{contactName(c) ?? c.phone}</span>
              <span className="shrink-0 font-mono text-xs text-zinc-500">Start · {c.phone}</span>
            </button>
          </li>
        ))}
      </ul>
      {start.isError && (
        <p role="alert" className="mt-2 text-sm font-medium text-red-600 dark:text-red-400">
          {errorMessage(start.error)}
        </p>
      )}
    </Dialog>
  );
}
