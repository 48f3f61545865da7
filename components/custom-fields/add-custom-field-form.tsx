"use client";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useRef, useState, type FormEvent } from "react";
import { toast } from "sonner";
import { focusFirstInvalid, NO_ERRORS, zodFormErrors } from "@/components/app/form-state";
import { suggestKey } from "@/components/custom-fields/suggest-key";
import { Button } from "@/components/ui/button";
import { Field, FormError } from "@/components/ui/field";
import { CustomFieldTypeSelect } from "@/components/custom-fields/custom-field-type-select";
import { Input } from "@/components/ui/input";
import { createCustomFieldInput } from "@/lib/custom-fields/custom-field-input";
import type { CustomFieldType } from "@/lib/generated/prisma/enums";
import { formErrors, type FormErrors } from "@/lib/trpc/form-errors";
import { useTRPC } from "@/lib/trpc/react";

export function AddCustomFieldForm() {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const formRef = useRef<HTMLFormElement>(null);
  const labelRef = useRef<HTMLInputElement>(null);
  const [label, setLabel] = useState("");
  const [key, setKey] = useState("");
  // Once the key is typed by hand, the label no longer overwrites it.
  const [keyEdited, setKeyEdited] = useState(false);
  const [type, setType] = useState<CustomFieldType>("TEXT");
  const [errors, setErrors] = useState<FormErrors>(NO_ERRORS);
  const create = useMutation(trpc.customFields.create.mutationOptions());

  function onSubmit(event: FormEvent) {
    event.preventDefault();
    const parsed = createCustomFieldInput.safeParse({ label, key, type });
    if (!parsed.success) {
      setErrors(zodFormErrors(parsed.error));
      return focusFirstInvalid(formRef.current);
    }
    setErrors(NO_ERRORS);
    create.mutate(parsed.data, {
      onSuccess: async (field) => {
        toast.success(`Added the field ${field.label}`);
        setLabel("");
        setKey("");
        setKeyEdited(false);
        setType("TEXT");
        // Ready for the next field.
        labelRef.current?.focus();
        await queryClient.invalidateQueries({ queryKey: trpc.customFields.pathKey() });
      },
      onError: (error) => {
        setErrors(formErrors(error));
        focusFirstInvalid(formRef.current);
      },
    });
  }

  return (
    <form ref={formRef} onSubmit={onSubmit} noValidate aria-label="Add a custom field" className="space-y-4">
      <div className="grid gap-4 sm:grid-cols-3">
        <Field label="Label" error={errors.fields.label} hint="What people see, e.g. Loyalty tier">
          <Input
            ref={labelRef}
            name="label"
            value={label}
            onChange={(e) => {
              setLabel(e.target.value);
              if (!keyEdited) setKey(suggestKey(e.target.value));
            }}
            required
          />
        </Field>
        <Field label="Key" error={errors.fields.key} hint={<>In messages: {`{{custom.${key || "key"}}}`}</>}>
          <Input
            name="key"
            value={key}
            onChange={(e) => {
              setKey(e.target.value);
              setKeyEdited(e.target.value !== "");
            }}
            className="font-mono"
            autoCapitalize="none"
            spellCheck={false}
            required
          />
        </Field>
        <Field label="Type" error={errors.fields.type}>
          <CustomFieldTypeSelect name="type" value={type} onChange={setType} />
        </Field>
      </div>
      <FormError>{errors.form}</FormError>
      <Button type="submit" loading={create.isPending}>
        Add field
      </Button>
    </form>
  );
}
