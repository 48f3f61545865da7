"use client";
// The settings inputs of one kind of connection, from CONFIG_FIELDS. Secrets are write-only: a set
// one shows "••••" as its placeholder and stays as it is unless something is typed.
import { Field } from "@/components/ui/field";
import { Input } from "@/components/ui/input";
import { CONFIG_FIELDS } from "@/lib/delivery/connection-input";
import type { CarrierKind } from "@/lib/generated/prisma/enums";

export function ConfigFields({
  kind,
  values,
  secretsSet,
  errors,
  onChange,
}: {
  kind: CarrierKind;
  values: Record<string, string | boolean>;
  secretsSet: string[];
  errors: Record<string, string>;
  onChange: (values: Record<string, string | boolean>) => void;
}) {
  const fields = CONFIG_FIELDS[kind];
  return (
    <fieldset className="grid gap-4 sm:grid-cols-2">
      <legend className="mb-2 text-sm font-semibold">Settings</legend>
      {fields.map(({ key, label, type, hint }) => {
        const error = errors[`config.${key}`];
        if (type === "boolean") {
          return (
            <label key={key} className="flex items-center gap-2 self-end pb-2 text-sm font-medium text-zinc-700 dark:text-zinc-300">
              <input
                type="checkbox"
                checked={values[key] === true}
                onChange={(e) => onChange({ ...values, [key]: e.target.checked })}
                className="h-4 w-4 rounded border-zinc-300 accent-brand-600"
              />
              {label}
            </label>
          );
        }
        const secretSet = type === "secret" && secretsSet.includes(key);
        return (
          <Field key={key} label={label} error={error} hint={secretSet ? "Leave blank to keep the saved one" : hint}>
            <Input
              type={type === "secret" ? "password" : "text"}
              inputMode={type === "number" ? "decimal" : undefined}
              value={String(values[key] ?? "")}
              placeholder={secretSet ? "••••" : undefined}
              autoComplete={type === "secret" ? "new-password" : "off"}
              onChange={(e) => onChange({ ...values, [key]: e.target.value })}
            />
          </Field>
        );
      })}
    </fieldset>
  );
}
