"use client";
// The Webhooks tab: the org's endpoints with their events and state, and adding one.
import { useQuery } from "@tanstack/react-query";
import { Plus } from "lucide-react";
import Link from "next/link";
import { useState } from "react";
import { formatDate } from "@/components/app/format";
import { AdminsOnly } from "@/components/settings/admins-only";
import { Section } from "@/components/settings/section";
import { Button } from "@/components/ui/button";
import { EmptyState } from "@/components/ui/empty-state";
import { LoadError, Loading } from "@/components/ui/query-state";
import { Table, Td, Th } from "@/components/ui/table";
import { EndpointFormDialog } from "@/components/webhooks/endpoint-form-dialog";
import { EndpointState } from "@/components/webhooks/endpoint-status";
import { useTRPC } from "@/lib/trpc/react";

export function WebhookEndpoints() {
  return (
    <AdminsOnly what="webhooks">
      <Endpoints />
    </AdminsOnly>
  );
}

function Endpoints() {
  const trpc = useTRPC();
  const endpoints = useQuery(trpc.webhooks.endpoints.list.queryOptions());
  const [creating, setCreating] = useState(false);
  return (
    <Section
      title="Webhook endpoints"
      description="We POST each event you choose to your URL, signed per Standard Webhooks, and retry failures for about 27 hours. A message's events arrive in order."
    >
      <div className="mb-4">
        <Button onClick={() => setCreating(true)}>
          <Plus className="h-4 w-4" aria-hidden />
          Add endpoint
        </Button>
      </div>
      {endpoints.isPending ? (
        <Loading />
      ) : endpoints.isError ? (
        <LoadError error={endpoints.error} />
      ) : endpoints.data.length === 0 ? (
        <EmptyState title="No webhook endpoints yet" description="Add one to hear about deliveries, replies and opt-outs as they happen." />
      ) : (
        <Table aria-label="Webhook endpoints">
          <thead>
            <tr>
              <Th>URL</Th>
              <Th>Events</Th>
              <Th>Created</Th>
              <Th>Status</Th>
            </tr>
          </thead>
          <tbody>
            {endpoints.data.map((endpoint) => (
              <tr key={endpoint.id}>
                <Td className="max-w-xs break-all">
                  <Link href={`/developers/webhooks/${endpoint.id}`} className="font-medium text-brand-700 hover:underline dark:text-brand-100">
                    {endpoint.url}
                  </Link>
                  {endpoint.description && <span className="block text-xs text-zinc-500">{endpoint.description}</span>}
                </Td>
                <Td className="text-xs">{endpoint.eventTypes.join(", ")}</Td>
                <Td className="whitespace-nowrap">{formatDate(endpoint.createdAt)}</Td>
                <Td card="badge">
                  <EndpointState endpoint={endpoint} />
                </Td>
              </tr>
            ))}
          </tbody>
        </Table>
      )}
      <EndpointFormDialog open={creating} onClose={() => setCreating(false)} />
    </Section>
  );
}
