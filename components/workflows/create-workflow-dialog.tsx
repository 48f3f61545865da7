"use client";
// "New workflow": a name in a dialog, then the editor on an empty canvas.
import { useMutation } from "@tanstack/react-query";
import { Plus } from "lucide-react";
import { useRouter } from "next/navigation";
import { useRef, useState, type FormEvent } from "react";
import { focusFirstInvalid, zodFormErrors } from "@/components/app/form-state";
import { Button } from "@/components/ui/button";
import { Dialog } from "@/components/ui/dialog";
import { Field } from "@/components/ui/field";
import { Input } from "@/components/ui/input";
import { createWorkflowInput } from "@/lib/workflows/workflow-input";
import { formErrors, type FormErrors } from "@/lib/trpc/form-errors";
import { useTRPC } from "@/lib/trpc/react";

export function CreateWorkflowButton() {
  const [open, setOpen] = useState(false);
  return (
    <>
      <Button onClick={() => setOpen(true)}>
        <Plus className="h-4 w-4" aria-hidden /> New workflow
      </Button>
      <Dialog open={open} onClose={() => setOpen(false)} title="New workflow">
        <CreateWorkflowForm onClose={() => setOpen(false)} />
      </Dialog>
    </>
  );
}

function CreateWorkflowForm({ onClose }: { onClose: () => void }) {
  const trpc = useTRPC();
  const router = useRouter();
  const [name, setName] = useState("");
  const [clientErrors, setClientErrors] = useState<FormErrors | null>(null);
  const formRef = useRef<HTMLFormElement>(null);
  const create = useMutation(trpc.workflows.create.mutationOptions({ onSuccess: (w) => router.push(`/workflows/${w.id}`) }));
  const errors = clientErrors ?? formErrors(create.error);

  function submit(event: FormEvent) {
    event.preventDefault();
    const parsed = createWorkflowInput.safeParse({ name });
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
      <Field label="Workflow name" error={errors.fields.name ?? errors.form}>
        <Input value={name} onChange={(e) => setName(e.target.value)} placeholder="e.g. Welcome series" autoComplete="off" maxLength={100} />
      </Field>
      <div className="flex justify-end gap-2">
        <Button variant="secondary" onClick={onClose} disabled={create.isPending}>
          Cancel
        </Button>
        <Button type="submit" loading={create.isPending || create.isSuccess}>
          Create and open
        </Button>
      </div>
    </form>
  );
}
