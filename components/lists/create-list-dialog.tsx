"use client";
// "Create list": a name in a dialog; the new list appears in the table with no members.
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { Plus } from "lucide-react";
import { useRef, useState, type FormEvent } from "react";
import { toast } from "sonner";
import { focusFirstInvalid, zodFormErrors } from "@/components/app/form-state";
import { Button } from "@/components/ui/button";
import { Dialog } from "@/components/ui/dialog";
import { Field } from "@/components/ui/field";
import { Input } from "@/components/ui/input";
import { createListInput } from "@/lib/lists/list-input";
import { formErrors, type FormErrors } from "@/lib/trpc/form-errors";
import { useTRPC } from "@/lib/trpc/react";

export function CreateListButton() {
  const [open, setOpen] = useState(false);
  return (
    <>
      <Button onClick={() => setOpen(true)}>
        <Plus className="h-4 w-4" aria-hidden /> Create list
      </Button>
      <Dialog open={open} onClose={() => setOpen(false)} title="New list">
        {/* The dialog mounts its content only while open, so every opening starts empty. */}
        <CreateListForm onClose={() => setOpen(false)} />
      </Dialog>
    </>
  );
}

function CreateListForm({ onClose }: { onClose: () => void }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const [name, setName] = useState("");
  const [clientErrors, setClientErrors] = useState<FormErrors | null>(null);
  const formRef = useRef<HTMLFormElement>(null);
  const create = useMutation(
    trpc.lists.create.mutationOptions({
      onSuccess: async (list) => {
        toast.success(`Created list “${list.name}”`);
        onClose();
        await queryClient.invalidateQueries({ queryKey: trpc.lists.pathKey() });
      },
    }),
  );
  const errors = clientErrors ?? formErrors(create.error);

  function submit(event: FormEvent) {
    event.preventDefault();
    const parsed = createListInput.safeParse({ name });
    if (!parsed.success) {
      setClientErrors(zodFormErrors(parsed.error));
      focusFirstInvalid(formRef.current);
      return;
    }
    setClientErrors(null);
    create.mutate(parsed.data, { onError: () => focusFirstInvalid(formRef.current) });
  }

  return (
    <form ref={formRef} onSubmit={submit} noValidate className="space-y-4">
      <Field label="List name" error={errors.fields.name ?? errors.form}>
        <Input value={name} onChange={(e) => setName(e.target.value)} placeholder="e.g. Newsletter" autoComplete="off" maxLength={100} />
      </Field>
      <div className="flex justify-end gap-2">
        <Button variant="secondary" onClick={onClose} disabled={create.isPending}>
          Cancel
        </Button>
        <Button type="submit" loading={create.isPending}>
          Create list
        </Button>
      </div>
    </form>
  );
}
