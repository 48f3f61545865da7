"use client";
// Bulk "Tag": add some tags to, and remove others from, the selected (or all matching) contacts in one go.
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useRef, useState, type FormEvent } from "react";
import { toast } from "sonner";
import { formatCount } from "@/components/app/format";
import { focusFirstInvalid, zodFormErrors } from "@/components/app/form-state";
import { describeTarget, type BulkTarget } from "@/components/contacts/bulk-target";
import { parseTags } from "@/components/contacts/tags";
import { Button } from "@/components/ui/button";
import { Dialog } from "@/components/ui/dialog";
import { Field, FormError } from "@/components/ui/field";
import { Input } from "@/components/ui/input";
import { tagContactsInput } from "@/lib/contacts/contact-input";
import { formErrors, type FormErrors } from "@/lib/trpc/form-errors";
import { useTRPC } from "@/lib/trpc/react";

export function TagContactsDialog({
  open,
  onClose,
  target,
}: {
  open: boolean;
  onClose: () => void;
  target: BulkTarget;
}) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const [add, setAdd] = useState("");
  const [remove, setRemove] = useState("");
  const [clientErrors, setClientErrors] = useState<FormErrors | null>(null);
  const formRef = useRef<HTMLFormElement>(null);
  async function done(updated: number) {
    if (updated === 0) toast.info("No tags changed: the contacts already had those tags");
    else toast.success(`Updated tags on ${formatCount(updated, "contact")}`);
    close();
    await queryClient.invalidateQueries({ queryKey: trpc.contacts.pathKey() });
  }
  const tagIds = useMutation(trpc.contacts.tag.mutationOptions({ onSuccess: ({ updated }) => done(updated) }));
  const tagAll = useMutation(trpc.contacts.bulk.mutationOptions({ onSuccess: ({ changed }) => done(changed) }));
  const tag = "ids" in target ? tagIds : tagAll;
  const errors = clientErrors ?? formErrors(tag.error);

  function close() {
    tagIds.reset();
    tagAll.reset();
    setAdd("");
    setRemove("");
    setClientErrors(null);
    onClose();
  }

  function submit(event: FormEvent) {
    event.preventDefault();
    const input = { ids: "ids" in target ? target.ids : ["all"], add: parseTags(add), remove: parseTags(remove) };
    const parsed = tagContactsInput.safeParse(input);
    if (!parsed.success) {
      setClientErrors(zodFormErrors(parsed.error));
      focusFirstInvalid(formRef.current);
      return;
    }
    if (input.add.length === 0 && input.remove.length === 0) {
      setClientErrors({ fields: { add: "Enter a tag to add or one to remove" }, form: null });
      focusFirstInvalid(formRef.current);
      return;
    }
    setClientErrors(null);
    if ("ids" in target) tagIds.mutate(input);
    else tagAll.mutate({ filter: target.filter, action: { kind: "tag", add: input.add, remove: input.remove } });
  }

  return (
    <Dialog open={open} onClose={close} title={`Tag ${describeTarget(target)}`}>
      <form ref={formRef} onSubmit={submit} className="space-y-4" noValidate>
        <Field label="Tags to add" hint="Separate tags with commas" error={errors.fields.add}>
          <Input value={add} onChange={(e) => setAdd(e.target.value)} placeholder="e.g. vip, coffee" autoComplete="off" />
        </Field>
        <Field label="Tags to remove" error={errors.fields.remove}>
          <Input value={remove} onChange={(e) => setRemove(e.target.value)} autoComplete="off" />
        </Field>
        <FormError>{errors.form ?? errors.fields.ids}</FormError>
        <div className="flex justify-end gap-2">
          <Button variant="secondary" onClick={close} disabled={tag.isPending}>
            Cancel
          </Button>
          <Button type="submit" loading={tag.isPending}>
            Apply
          </Button>
        </div>
      </form>
    </Dialog>
  );
}
