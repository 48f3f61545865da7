"use client";
// The contact form, for adding (in a dialog) and editing (on the contact page). It checks the
// input with the procedure's own schema before sending, and puts server errors beside the field
// they name; what the user typed is kept either way.
import { useQuery } from "@tanstack/react-query";
import { useEffect, useId, useMemo, useRef, useState, type FormEvent } from "react";
import {
  EMPTY_CONTACT,
  formValuesToInput,
  issueField,
  type ContactFormValues,
} from "@/components/contacts/contact-form-values";
import { CustomFieldInput } from "@/components/contacts/custom-field-input";
import { focusFirstInvalid } from "@/components/app/form-state";
import { Button } from "@/components/ui/button";
import { Field, FormError } from "@/components/ui/field";
import { Input } from "@/components/ui/input";
import { createContactInput, type CreateContactInput } from "@/lib/contacts/contact-input";
import { allTimeZones } from "@/lib/sms/time-zone";
import { formErrors, type FormErrors } from "@/lib/trpc/form-errors";
import { useTRPC } from "@/lib/trpc/react";

const BASE_FIELDS = ["phone", "firstName", "lastName", "email", "timeZone", "tags"] as const;

interface ContactFormProps {
  initial?: ContactFormValues;
  mode: "create" | "edit";
  pending: boolean;
  /** The mutation's error, if its last attempt failed. */
  error: unknown;
  onSubmit: (input: CreateContactInput) => void;
  onCancel?: () => void;
}

export function ContactForm({ initial = EMPTY_CONTACT, mode, pending, error, onSubmit, onCancel }: ContactFormProps) {
  const trpc = useTRPC();
  const definitions = useQuery(trpc.customFields.list.queryOptions()).data ?? [];
  const [values, setValues] = useState(initial);
  const [clientErrors, setClientErrors] = useState<FormErrors | null>(null);
  // Fields changed since the last submit: their old error no longer describes what is there.
  const [edited, setEdited] = useState<ReadonlySet<string>>(new Set());
  const formRef = useRef<HTMLFormElement>(null);
  const zonesId = useId();
  const timeZones = useMemo(() => allTimeZones(), []);

  const errors = clientErrors ?? formErrors(error);
  const fieldError = (name: string) => (edited.has(name) ? undefined : errors.fields[name]);
  const shown = new Set<string>([...BASE_FIELDS, ...definitions.map((d) => `customFields.${d.key}`)]);
  // An error for a field this form has no input for still has to be seen somewhere.
  const stray = Object.entries(errors.fields).find(([name]) => !shown.has(name))?.[1];
  const formMessage = errors.form ?? stray ?? null;

  useEffect(() => {
    if (error) focusFirstInvalid(formRef.current);
  }, [error]);

  function set<K extends keyof ContactFormValues>(key: K, value: ContactFormValues[K], errorKey: string = key) {
    setValues((v) => ({ ...v, [key]: value }));
    setEdited((e) => (e.has(errorKey) ? e : new Set(e).add(errorKey)));
  }

  function setCustom(key: string, value: string) {
    set("customFields", { ...values.customFields, [key]: value }, `customFields.${key}`);
  }

  function submit(event: FormEvent) {
    event.preventDefault();
    setEdited(new Set());
    const input = formValuesToInput(values, definitions);
    const parsed = createContactInput.safeParse(input);
    if (!parsed.success) {
      const fields: Record<string, string> = {};
      for (const issue of parsed.error.issues) fields[issueField(issue.path)] ??= issue.message;
      setClientErrors({ fields, form: null });
      focusFirstInvalid(formRef.current);
      return;
    }
    setClientErrors(null);
    onSubmit(input);
  }

  return (
    <form ref={formRef} onSubmit={submit} noValidate className="space-y-4">
      <Field
        label="Phone"
        hint="Numbers without + use the organisation's default country"
        error={fieldError("phone")}
      >
        <Input
          name="phone"
          type="tel"
          autoComplete="off"
          className="font-mono"
          placeholder="e.g. +14155550123"
          value={values.phone}
          onChange={(e) => set("phone", e.target.value)}
          required
        />
      </Field>
      <div className="grid gap-4 sm:grid-cols-2">
        <Field label="First name" error={fieldError("firstName")}>
          <Input name="firstName" autoComplete="off" value={values.firstName} onChange={(e) => set("firstName", e.target.value)} />
        </Field>
        <Field label="Last name" error={fieldError("lastName")}>
          <Input name="lastName" autoComplete="off" value={values.lastName} onChange={(e) => set("lastName", e.target.value)} />
        </Field>
      </div>
      <div className="grid gap-4 sm:grid-cols-2">
        <Field label="Email" error={fieldError("email")}>
          <Input name="email" type="email" autoComplete="off" value={values.email} onChange={(e) => set("email", e.target.value)} />
        </Field>
        <Field
          label="Time zone"
          hint={mode === "create" ? "Leave blank to derive it from the number" : "An IANA name, e.g. America/Chicago"}
          error={fieldError("timeZone")}
        >
          <Input
            name="timeZone"
            list={zonesId}
            autoComplete="off"
            value={values.timeZone}
            onChange={(e) => set("timeZone", e.target.value)}
          />
        </Field>
      </div>
      <datalist id={zonesId}>
        {timeZones.map((zone) => (
          <option key={zone} value={zone} />
        ))}
      </datalist>
      <Field label="Tags" hint="Separate tags with commas" error={fieldError("tags")}>
        <Input name="tags" autoComplete="off" placeholder="e.g. vip, coffee" value={values.tags} onChange={(e) => set("tags", e.target.value)} />
      </Field>
      {definitions.length > 0 && (
        <fieldset className="space-y-4 border-t border-zinc-200 pt-4 dark:border-zinc-800">
          <legend className="pr-2 text-sm font-semibold">Custom fields</legend>
          <div className="grid gap-4 sm:grid-cols-2">
            {definitions.map((definition) => (
              <CustomFieldInput
                key={definition.key}
                definition={definition}
                value={values.customFields[definition.key] ?? ""}
                error={fieldError(`customFields.${definition.key}`)}
                onChange={(value) => setCustom(definition.key, value)}
              />
            ))}
          </div>
        </fieldset>
      )}
      <FormError>{formMessage}</FormError>
      <div className="flex justify-end gap-2 pt-2">
        {onCancel && (
          <Button variant="secondary" onClick={onCancel} disabled={pending}>
            Cancel
          </Button>
        )}
        <Button type="submit" loading={pending}>
          Save contact
        </Button>
      </div>
    </form>
  );
}
