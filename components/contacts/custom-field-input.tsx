"use client";
// One input per custom field, of the kind its type needs. Values stay strings in the form; the
// server turns them into numbers, dates and booleans (lib/custom-fields/custom-field-input.ts).
import { Field } from "@/components/ui/field";
import { Input, Select } from "@/components/ui/input";
import type { FieldDefinition } from "@/lib/custom-fields/custom-field-input";

export function CustomFieldInput({
  definition,
  value,
  error,
  onChange,
}: {
  definition: FieldDefinition;
  value: string;
  error?: string;
  onChange: (value: string) => void;
}) {
  const name = `customFields.${definition.key}`;
  const hint = `Merge field {{custom.${definition.key}}}`;
  switch (definition.type) {
    case "BOOLEAN":
      return (
        <Field label={definition.label} hint={hint} error={error}>
          <Select name={name} value={value} onChange={(e) => onChange(e.target.value)}>
            <option value="">—</option>
            <option value="true">Yes</option>
            <option value="false">No</option>
          </Select>
        </Field>
      );
    case "NUMBER":
      return (
        <Field label={definition.label} hint={hint} error={error}>
          <Input name={name} type="number" step="any" value={value} onChange={(e) => onChange(e.target.value)} />
        </Field>
      );
    case "DATE":
      return (
        <Field label={definition.label} hint={hint} error={error}>
          <Input name={name} type="date" value={value} onChange={(e) => onChange(e.target.value)} />
        </Field>
      );
    case "TEXT":
      return (
        <Field label={definition.label} hint={hint} error={error}>
          <Input name={name} autoComplete="off" value={value} onChange={(e) => onChange(e.target.value)} />
        </Field>
      );
  }
}
