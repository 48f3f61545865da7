"use client";
// A custom field created while mapping, named after the column; the column then fills it. Keyed by
// the column, so each opening starts from that column's name.
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useState, type FormEvent } from "react";
import { Button } from "@/components/ui/button";
import { Dialog } from "@/components/ui/dialog";
import { Field, FormError } from "@/components/ui/field";
import { CustomFieldTypeSelect } from "@/components/custom-fields/custom-field-type-select";
import { suggestKey } from "@/components/custom-fields/suggest-key";
import { Input } from "@/components/ui/input";
import type { CreateCustomFieldInput } from "@/lib/custom-fields/custom-field-input";
import { formErrors } from "@/lib/trpc/form-errors";
import { useTRPC } from "@/lib/trpc/react";

export function NewFieldDialog({
  open,
  suggestedLabel,
  onClose,
  onCreated,
}: {
  open: boolean;
  suggestedLabel: string;
  onClose: () => void;
  onCreated: (field: { key: string; label: string; type: CreateCustomFieldInput["type"] }) => void;
}) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const [label, setLabel] = useState(suggestedLabel);
  const [type, setType] = useState<CreateCustomFieldInput["type"]>("TEXT");
  const create = useMutation(
    trpc.customFields.create.mutationOptions({
      onSuccess: async (field) => {
        onCreated(field);
        create.reset();
        await queryClient.invalidateQueries({ queryKey: trpc.customFields.pathKey() });
      },
    }),
  );
  const errors = formErrors(create.error);

  function submit(event: FormEvent) {
    event.preventDefault();
    create.mutate({ label, key: suggestKey(label), type });
  }

  return (
    <Dialog open={open} onClose={onClose} title="New custom field">
      <form onSubmit={submit} className="space-y-4" noValidate>
        <Field label="Label" hint={`Merge field: {{custom.${suggestKey(label) || "…"}}}`} error={errors.fields.label ?? errors.fields.key}>
          <Input value={label} onChange={(e) => setLabel(e.target.value)} required />
        </Field>
        <Field label="Type" error={errors.fields.type}>
          <CustomFieldTypeSelect value={type} onChange={setType} />
        </Field>
        <FormError>{errors.form}</FormError>
        <div className="flex justify-end gap-2">
          <Button variant="secondary" onClick={onClose}>
            Cancel
          </Button>
          <Button type="submit" loading={create.isPending}>
            Create field
          </Button>
        </div>
      </form>
    </Dialog>
  );
}
