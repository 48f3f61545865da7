"use client";
// The workflows a contact is in or has been through: each run's workflow, status, where it is now
// (or why it ended) and when it started, linking to the run's page.
import { useQuery } from "@tanstack/react-query";
import Link from "next/link";
import { formatDateTime } from "@/components/app/format";
import { Card } from "@/components/ui/card";
import { LoadError } from "@/components/ui/query-state";
import { RunStatusBadge, runPlace, sentenceCase, waitWords } from "@/components/workflows/run-words";
import { useTRPC } from "@/lib/trpc/react";

export function ContactWorkflowsCard({ contactId }: { contactId: string }) {
  const trpc = useTRPC();
  const runs = useQuery(trpc.workflowRuns.byContact.queryOptions({ contactId, limit: 20 }));
  return (
    <Card className="p-5" aria-labelledby="contact-workflows">
      <h2 id="contact-workflows" className="mb-2 text-base font-semibold">
        Workflows
      </h2>
      {runs.isError ? (
        <LoadError error={runs.error} />
      ) : runs.isPending ? (
        <p className="text-sm text-zinc-500">Loading…</p>
      ) : runs.data.length === 0 ? (
        <p className="text-sm text-zinc-500">Not in any workflow.</p>
      ) : (
        <ul className="divide-y divide-zinc-100 dark:divide-zinc-800" data-testid="contact-runs">
          {runs.data.map((run) => (
            <li key={run.id} className="py-2">
              <div className="flex items-center justify-between gap-2">
                <Link href={`/workflows/${run.workflow.id}/runs/${run.id}`} className="min-w-0 truncate text-sm font-medium text-brand-600 hover:underline dark:text-brand-100">
                  {run.workflow.name}
                </Link>
                <RunStatusBadge status={run.status} />
              </div>
              {/* Step names need the version's graph, which the run's page draws: here, what the run says of itself. */}
              <p className="text-xs text-zinc-500">
                {run.status === "ACTIVE" ? sentenceCase(waitWords(run) ?? "in progress") : runPlace(run, undefined)}
                {run.test ? " · test" : ""} · v{run.version.version} · started {formatDateTime(run.startedAt)}
              </p>
            </li>
          ))}
        </ul>
      )}
    </Card>
  );
}
