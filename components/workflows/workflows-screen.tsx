"use client";
// Workflows: each with its status, what starts it, its published version and whether its draft
// has changes not yet published.
import { useQuery } from "@tanstack/react-query";
import Link from "next/link";
import { formatDateTime } from "@/components/app/format";
import { PageHeader } from "@/components/app/page-header";
import { Badge } from "@/components/ui/badge";
import { EmptyState } from "@/components/ui/empty-state";
import { LoadError, Loading } from "@/components/ui/query-state";
import { Table, Td, Th } from "@/components/ui/table";
import { CreateWorkflowButton } from "@/components/workflows/create-workflow-dialog";
import { WorkflowStatusBadge } from "@/components/workflows/workflow-status-badge";
import { useTRPC } from "@/lib/trpc/react";

export function WorkflowsScreen() {
  const trpc = useTRPC();
  const list = useQuery(trpc.workflows.list.queryOptions({}));
  return (
    <>
      <PageHeader title="Workflows" description="Conversations that run themselves: when someone texts JOIN, welcome them, wait, ask, and branch on the answer." actions={<CreateWorkflowButton />} />
      {list.isPending ? (
        <Loading label="Loading workflows…" />
      ) : list.isError ? (
        <LoadError error={list.error} />
      ) : list.data.length === 0 ? (
        <EmptyState
          title="No workflows yet"
          description="Start from a trigger (a keyword, a new contact, a tag, a date), then send, wait for replies and branch on them. Nothing runs until you publish."
          action={<CreateWorkflowButton />}
        />
      ) : (
        <Table aria-label="Workflows">
          <thead>
            <tr>
              <Th>Workflow</Th>
              <Th>Status</Th>
              <Th>Trigger</Th>
              <Th>Version</Th>
              <Th>Updated</Th>
            </tr>
          </thead>
          <tbody>
            {list.data.map((w) => (
              <tr key={w.id} className="hover:bg-zinc-50 dark:hover:bg-zinc-800/50">
                <Td card="primary">
                  <Link href={`/workflows/${w.id}`} className="font-medium hover:underline">
                    {w.name}
                  </Link>
                </Td>
                <Td card="badge">
                  <WorkflowStatusBadge status={w.status} />
                </Td>
                <Td>{w.trigger ?? <span className="text-zinc-400">No trigger yet</span>}</Td>
                <Td className="whitespace-nowrap">
                  {w.version === null ? <span className="text-zinc-400">Not published</span> : `v${w.version}`}
                  {w.draftChanged && (
                    <Badge tone="blue" className="ml-2">
                      Unpublished changes
                    </Badge>
                  )}
                </Td>
                <Td className="whitespace-nowrap text-zinc-600 dark:text-zinc-400">{formatDateTime(w.updatedAt)}</Td>
              </tr>
            ))}
          </tbody>
        </Table>
      )}
    </>
  );
}
