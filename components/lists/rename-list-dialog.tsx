"use client";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useState, type FormEvent } from "react";
import { toast } from "sonner";
import { zodFormErrors } from "@/components/app/form-state";
import { Button } from "@/components/ui/button";
import { Dialog } from "@/components/ui/dialog";
import { Field } from "@/components/ui/field";
import { Input } from "@/components/ui/input";
import { renameListInput } from "@/lib/lists/list-input";
import { formErrors, type FormErrors } from "@/lib/trpc/form-errors";
import { useTRPC } from "@/lib/trpc/react";

/** Renames `list`; open while `list` is set. */
export function RenameListDialog({ list, onClose }: { list: { id: string; name: string } | null; onClose: () => void }) {
  return (
    <Dialog open={list !== null} onClose={onClose} title="Rename list">
      {/* Keyed so each list starts from its own name. */}
      {list && <RenameForm key={list.id} list={list} onClose={onClose} />}
    </Dialog>
  );
}

function RenameForm({ list, onClose }: { list: { id: string; name: string }; onClose: () => void }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const [name, setName] = useState(list.name);
  const [clientErrors, setClientErrors] = useState<FormErrors | null>(null);
  const rename = useMutation(
    trpc.lists.rename.mutationOptions({
      onSuccess: async (renamed) => {
        toast.success(`Renamed to “${renamed.name}”`);
        onClose();
        await queryClient.invalidateQueries({ queryKey: trpc.lists.pathKey() });
      },
    }),
  );
  const errors = clientErrors ?? formErrors(rename.error);

  function submit(event: FormEvent) {
    event.preventDefault();
    const parsed = renameListInput.safeParse({ id: list.id, name });
    if (!parsed.success) return setClientErrors(zodFormErrors(parsed.error));
    setClientErrors(null);
    rename.mutate(parsed.data);
  }

  return (
    <form onSubmit={submit} noValidate className="space-y-4">
      <Field label="New name" error={errors.fields.name ?? errors.form}>
        <Input value={name} onChange={(e) => setName(e.target.value)} autoComplete="off" maxLength={100} />
      </Field>
      <div className="flex justify-end gap-2">
        <Button variant="secondary" onClick={onClose} disabled={rename.isPending}>
          Cancel
        </Button>
        <Button type="submit" loading={rename.isPending}>
          Save name
        </Button>
      </div>
    </form>
  );
}
