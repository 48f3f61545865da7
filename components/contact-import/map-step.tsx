"use client";
// Step 2: each column of the file mapped to a contact field, a custom field (one can be created
// here), or left out. The proposal comes from the headers; saving starts the dry run.
import { useMutation } from "@tanstack/react-query";
import { useState } from "react";
import { NewFieldDialog } from "@/components/contact-import/new-field-dialog";
import { Button } from "@/components/ui/button";
import { FormError } from "@/components/ui/field";
import { Select } from "@/components/ui/input";
import { Table, Td, Th } from "@/components/ui/table";
import { IMPORT_TARGET_LABELS, IMPORT_TARGETS, type ColumnMapping } from "@/lib/contacts/import/import-input";
import type { ImportView } from "@/lib/contacts/import/get-import";
import { formErrors } from "@/lib/trpc/form-errors";
import { useTRPC } from "@/lib/trpc/react";

const NEW_FIELD = "__new";
const valueOf = (c: ColumnMapping) => (c.target === "custom" ? `custom:${c.customFieldKey}` : c.target);
const mappingOf = (value: string): ColumnMapping => (value.startsWith("custom:") ? { target: "custom", customFieldKey: value.slice(7) } : { target: value as ColumnMapping["target"] });

export function MapStep({ view, onMapped }: { view: ImportView; onMapped: () => void }) {
  const trpc = useTRPC();
  const [columns, setColumns] = useState<ColumnMapping[]>(view.columns);
  const [fields, setFields] = useState(view.customFields);
  const [creatingFor, setCreatingFor] = useState<number | null>(null);
  const stage = useMutation(trpc.contactImports.stage.mutationOptions({ onSuccess: onMapped }));
  const errors = formErrors(stage.error);
  const set = (i: number, mapping: ColumnMapping) => setColumns((cs) => cs.map((c, j) => (j === i ? mapping : c)));

  return (
    <div className="space-y-4">
      <p className="text-sm text-zinc-600 dark:text-zinc-400">
        Say what each column of <span className="font-medium">{view.fileName}</span> holds. We matched what we could from the headers; columns left on
        &ldquo;Don&apos;t import&rdquo; are skipped.
      </p>
      <Table>
        <thead>
          <tr>
            <Th>Column</Th>
            <Th className="hidden md:table-cell">First values</Th>
            <Th>Import as</Th>
          </tr>
        </thead>
        <tbody>
          {view.headers.map((header, i) => (
            <tr key={i}>
              <Td className="font-medium">
                {header}
                <div className="mt-0.5 max-w-40 truncate text-xs font-normal text-zinc-500 md:hidden">{view.sample.map((r) => r[i]).filter(Boolean).slice(0, 2).join(", ")}</div>
              </Td>
              <Td card="hide" className="hidden max-w-72 truncate text-zinc-500 md:table-cell">{view.sample.map((r) => r[i]).filter(Boolean).slice(0, 3).join(", ") || "—"}</Td>
              <Td>
                <Select
                  aria-label={`Import ${header} as`}
                  value={valueOf(columns[i]!)}
                  onChange={(e) => (e.target.value === NEW_FIELD ? setCreatingFor(i) : set(i, mappingOf(e.target.value)))}
                  className="min-w-40"
                >
                  {IMPORT_TARGETS.filter((t) => t !== "custom").map((t) => (
                    <option key={t} value={t}>
                      {IMPORT_TARGET_LABELS[t]}
                    </option>
                  ))}
                  {fields.length > 0 && (
                    <optgroup label="Custom fields">
                      {fields.map((f) => (
                        <option key={f.key} value={`custom:${f.key}`}>
                          {f.label}
                        </option>
                      ))}
                    </optgroup>
                  )}
                  <option value={NEW_FIELD}>New custom field…</option>
                </Select>
              </Td>
            </tr>
          ))}
        </tbody>
      </Table>
      <FormError>{errors.form ?? Object.values(errors.fields)[0]}</FormError>
      <div className="flex justify-end">
        <Button loading={stage.isPending} onClick={() => stage.mutate({ id: view.id, columns })}>
          Continue
        </Button>
      </div>
      <NewFieldDialog
        key={creatingFor ?? "closed"}
        open={creatingFor !== null}
        suggestedLabel={creatingFor === null ? "" : view.headers[creatingFor]!}
        onClose={() => setCreatingFor(null)}
        onCreated={(field) => {
          setFields((fs) => [...fs, field]);
          if (creatingFor !== null) set(creatingFor, { target: "custom", customFieldKey: field.key });
          setCreatingFor(null);
        }}
      />
    </div>
  );
}
