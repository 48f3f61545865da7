// The messages a definition's rules get: the rule model's own checks (run in the browser on every
// edit) and the compiler's (unknown field, a list of another org), which come back from the server
// as a DomainError naming the rule's path.
import { TRPCClientError } from "@trpc/client";
import { incompleteRules, issuesByRule } from "@/components/segments/rule-tree";
import { segmentDefinition, type SegmentDefinition, type SegmentGroup } from "@/lib/segments/rule-model";
import type { AppRouter } from "@/lib/trpc/root";

export const INCOMPLETE = "Enter a value";

/**
 * The definition ready to count or save, or null while a rule is wrong or waiting for its value;
 * the message per rule (INCOMPLETE for the waiting ones, which a form shows only once saving is tried).
 */
export function checkDefinition(timeZone: string, root: SegmentGroup): { definition: SegmentDefinition | null; errors: Map<string, string> } {
  const parsed = segmentDefinition.safeParse({ timeZone, root });
  const errors = parsed.success ? new Map<string, string>() : issuesByRule(parsed.error.issues);
  for (const key of incompleteRules(root)) errors.set(key, INCOMPLETE);
  return { definition: parsed.success && errors.size === 0 ? parsed.data : null, errors };
}

/** The server's message about one rule, keyed by the rule's path; empty when the error is about something else. */
export function serverRuleErrors(error: unknown): Map<string, string> {
  if (!(error instanceof TRPCClientError)) return new Map();
  const field = (error as TRPCClientError<AppRouter>).data?.field;
  if (!field || !field.includes("root")) return new Map();
  return issuesByRule([{ path: field, message: error.message }]);
}

/** The viewer's zone: "in the last 7 days" and "on 2026-03-08" mean the days the marketer lives in. */
export function viewerTimeZone(): string {
  return Intl.DateTimeFormat().resolvedOptions().timeZone || "UTC";
}
