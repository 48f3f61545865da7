// Turns a failed mutation into what a form shows: a message per field, and one for the form.
import { TRPCClientError } from "@trpc/client";
import type { AppRouter } from "@/lib/trpc/root";

export interface FormErrors {
  fields: Record<string, string>;
  form: string | null;
}

export function formErrors(error: unknown): FormErrors {
  if (!(error instanceof TRPCClientError)) return { fields: {}, form: error ? "Something went wrong. Try again." : null };
  const data = (error as TRPCClientError<AppRouter>).data;
  const fields: Record<string, string> = {};
  for (const [field, messages] of Object.entries(data?.zodError?.fieldErrors ?? {})) {
    const first = (messages as string[] | undefined)?.[0];
    if (first) fields[field] = first;
  }
  if (data?.field) fields[data.field] = error.message;
  const form = Object.keys(fields).length > 0 ? null : error.message;
  return { fields, form };
}

/** The message for a toast. */
export function errorMessage(error: unknown): string {
  return error instanceof Error ? error.message : "Something went wrong. Try again.";
}
