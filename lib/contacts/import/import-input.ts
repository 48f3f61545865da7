// The CSV import's schemas and limits: pure zod, shared by the import pages, the tRPC procedures
// and the upload route.
import { z } from "zod";
import { tagSchema } from "@/lib/lists/tag-schema";

export const MAX_IMPORT_BYTES = 200 * 1024 * 1024;
export const MAX_IMPORT_ROWS = 1_000_000;

/** What a column of the file becomes. */
export const IMPORT_TARGETS = ["ignore", "phone", "firstName", "lastName", "email", "tags", "timeZone", "unsubscribed", "custom"] as const;
export type ImportTarget = (typeof IMPORT_TARGETS)[number];

export const IMPORT_TARGET_LABELS: Record<ImportTarget, string> = {
  ignore: "Don't import",
  phone: "Phone number",
  firstName: "First name",
  lastName: "Last name",
  email: "Email",
  tags: "Tags",
  timeZone: "Time zone",
  unsubscribed: "Unsubscribed (yes/no)",
  custom: "Custom field",
};

export const columnMappingSchema = z
  .object({ target: z.enum(IMPORT_TARGETS), customFieldKey: z.string().min(1).max(40).optional() })
  .strict()
  .refine((c) => c.target !== "custom" || c.customFieldKey, { message: "Choose the custom field", path: ["customFieldKey"] });
export type ColumnMapping = z.infer<typeof columnMappingSchema>;

const SINGLE_TARGETS: ImportTarget[] = ["phone", "firstName", "lastName", "email", "timeZone", "unsubscribed"];

export const importIdInput = z.object({ id: z.string().min(1) }).strict();

/** The mapping of every column of the file, in order; staging (the dry run) starts with it. */
export const stageImportInput = z
  .object({ id: z.string().min(1), columns: z.array(columnMappingSchema).min(1).max(500) })
  .strict()
  .superRefine(({ columns }, ctx) => {
    if (!columns.some((c) => c.target === "phone")) {
      ctx.addIssue({ code: "custom", message: "Choose the column that holds phone numbers", path: ["columns"] });
    }
    for (const target of SINGLE_TARGETS) {
      const indexes = columns.flatMap((c, i) => (c.target === target ? [i] : []));
      if (indexes.length > 1) {
        ctx.addIssue({ code: "custom", message: `Only one column can be ${IMPORT_TARGET_LABELS[target]}`, path: ["columns", indexes[1]!, "target"] });
      }
    }
    const keys = columns.flatMap((c, i) => (c.target === "custom" ? [[c.customFieldKey, i] as const] : []));
    keys.forEach(([key, i], n) => {
      if (keys.findIndex(([k]) => k === key) !== n) {
        ctx.addIssue({ code: "custom", message: `Only one column can fill the custom field "${key}"`, path: ["columns", i, "customFieldKey"] });
      }
    });
  });
export type StageImportInput = z.input<typeof stageImportInput>;

export const ON_EXISTING = ["update", "skip"] as const;

/** The run's options and the consent the rows carry; the run starts with them. */
export const startImportInput = z
  .object({
    id: z.string().min(1),
    listId: z.string().min(1).nullish(),
    tags: z.array(tagSchema).max(20, "At most 20 tags").default([]).transform((t) => [...new Set(t)]),
    onExisting: z.enum(ON_EXISTING).default("update"),
    consentStatement: z
      .string()
      .trim()
      .min(10, "Say how these people gave consent to receive texts (at least 10 characters)")
      .max(1000, "Use at most 1000 characters"),
  })
  .strict();
export type StartImportInput = z.input<typeof startImportInput>;

/** The options as stored on the import (ContactImport.options). */
export const importOptionsSchema = z.object({
  listId: z.string().nullable().default(null),
  tags: z.array(z.string()).default([]),
  onExisting: z.enum(ON_EXISTING).default("update"),
});
export type ImportOptions = z.infer<typeof importOptionsSchema>;

export const mappingSchema = z.object({ columns: z.array(columnMappingSchema) });
