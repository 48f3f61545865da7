// Every procedure of appRouter by path. In tRPC v11 `_def.procedures` is, at run time, a flat
// record of "router.procedure" -> procedure (its declared type mirrors the nested router instead).
import { appRouter } from "@/lib/trpc/root";
import type { Caller } from "./factories";

type ProcedureType = "query" | "mutation" | "subscription";

const procedures = appRouter._def.procedures as unknown as Record<string, { _def: { type: ProcedureType } }>;

export const PROCEDURE_PATHS: string[] = Object.keys(procedures);

export function procedureType(path: string): ProcedureType {
  const procedure = procedures[path];
  if (!procedure) throw new Error(`No procedure ${path}`);
  return procedure._def.type;
}

/** Calls `path` ("contacts.get") on a caller with `input`, as the client would. */
export function callProcedure(caller: Caller, path: string, input: unknown): Promise<unknown> {
  const fn = path.split(".").reduce<unknown>((node, key) => (node as Record<string, unknown>)[key], caller);
  return (fn as (input: unknown) => Promise<unknown>)(input);
}
