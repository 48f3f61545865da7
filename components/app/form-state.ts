// Client-side helpers for forms that validate with the same zod schema as their procedure, before
// sending, and show server errors (lib/trpc/form-errors.ts) in the same places.
import type { ZodError } from "zod";
import type { FormErrors } from "@/lib/trpc/form-errors";

export const NO_ERRORS: FormErrors = { fields: {}, form: null };

/** The first message per top-level field of a failed parse. */
export function zodFormErrors(error: ZodError): FormErrors {
  const fields: Record<string, string> = {};
  for (const issue of error.issues) fields[String(issue.path[0] ?? "form")] ??= issue.message;
  return { fields, form: null };
}

/** Moves keyboard focus to the first field marked invalid, after React has rendered the errors. */
export function focusFirstInvalid(form: HTMLFormElement | null) {
  requestAnimationFrame(() => form?.querySelector<HTMLElement>("[aria-invalid='true']")?.focus());
}
