"use client";
// The org's saved replies: listed, added, changed and deleted here; picked in the reply box. Merge
// fields ({{first_name}}) are filled in for the contact when the reply is sent.
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useState, type FormEvent } from "react";
import { toast } from "sonner";
import { Button } from "@/components/ui/button";
import { Dialog } from "@/components/ui/dialog";
import { Field } from "@/components/ui/field";
import { Input, Textarea } from "@/components/ui/input";
import { errorMessage, formErrors } from "@/lib/trpc/form-errors";
import { useTRPC } from "@/lib/trpc/react";

export function SavedRepliesDialog({ open, onClose }: { open: boolean; onClose: () => void }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const replies = useQuery(trpc.inbox.savedReplies.queryOptions()).data ?? [];
  const [editing, setEditing] = useState<{ id: string | null; name: string; body: string } | null>(null);
  const refresh = () => queryClient.invalidateQueries({ queryKey: trpc.inbox.savedReplies.queryKey() });
  const done = () => {
    setEditing(null);
    void refresh();
  };
  const create = useMutation(trpc.inbox.createSavedReply.mutationOptions({ onSuccess: done }));
  const update = useMutation(trpc.inbox.updateSavedReply.mutationOptions({ onSuccess: done }));
  const remove = useMutation(trpc.inbox.deleteSavedReply.mutationOptions({ onSuccess: done, onError: (e) => toast.error(errorMessage(e)) }));
  const errors = formErrors(create.error ?? update.error);

  function save(event: FormEvent) {
    event.preventDefault();
    if (!editing) return;
    if (editing.id) update.mutate({ id: editing.id, name: editing.name, body: editing.body });
    else create.mutate({ name: editing.name, body: editing.body });
  }

  return (
    <Dialog open={open} onClose={onClose} title="Saved replies">
      {editing ? (
        <form onSubmit={save} className="space-y-3">
          <Field label="Name" error={errors.fields.name}>
            <Input value={editing.name} onChange={(e) => setEditing({ ...editing, name: e.target.value })} maxLength={60} autoFocus />
          </Field>
          <Field label="Text" error={errors.fields.body ?? errors.form ?? undefined} hint="Merge fields such as {{first_name}} are filled in for the contact.">
            <Textarea value={editing.body} onChange={(e) => setEditing({ ...editing, body: e.target.value })} rows={4} />
          </Field>
          <div className="flex justify-end gap-2">
            <Button type="button" variant="ghost" onClick={() => setEditing(null)}>
              Back
            </Button>
            <Button type="submit" disabled={create.isPending || update.isPending}>
              Save
            </Button>
          </div>
        </form>
      ) : (
        <div className="space-y-3">
          {replies.length === 0 && <p className="text-sm text-zinc-500">None yet. A saved reply is a text your team sends often.</p>}
          <ul className="divide-y divide-zinc-200 dark:divide-zinc-800">
            {replies.map((r) => (
              <li key={r.id} className="flex items-start justify-between gap-2 py-2">
                <div className="min-w-0">
                  <p className="text-sm font-medium">{r.name}</p>
                  <p className="truncate text-sm text-zinc-500">{r.body}</p>
                </div>
                <div className="flex shrink-0 gap-1">
                  <Button size="sm" variant="ghost" onClick={() => setEditing({ id: r.id, name: r.name, body: r.body })}>
                    Edit
                  </Button>
                  <Button size="sm" variant="ghost" className="text-red-700 dark:text-red-400" onClick={() => remove.mutate({ id: r.id })}>
                    Delete
                  </Button>
                </div>
              </li>
            ))}
          </ul>
          <div className="flex justify-between">
            <Button variant="secondary" onClick={() => setEditing({ id: null, name: "", body: "" })}>
              New saved reply
            </Button>
            <Button variant="ghost" onClick={onClose}>
              Close
            </Button>
          </div>
        </div>
      )}
    </Dialog>
  );
}
