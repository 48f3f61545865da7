"use client";
// Carrier connections: how the org's messages reach phones. Admins add, edit and delete them; a
// Twilio connection shows the two webhook URLs to paste into the Twilio console.
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { Plus } from "lucide-react";
import { useState } from "react";
import { toast } from "sonner";
import { ConnectionDialog } from "@/components/carriers/connection-dialog";
import { connectionSummary } from "@/components/carriers/connection-summary";
import { AdminsOnly } from "@/components/settings/admins-only";
import { Section } from "@/components/settings/section";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { ConfirmDialog } from "@/components/ui/confirm-dialog";
import { EditDeleteButtons } from "@/components/ui/edit-delete-buttons";
import { CopyField } from "@/components/ui/copy-field";
import { EmptyState } from "@/components/ui/empty-state";
import { LoadError, Loading } from "@/components/ui/query-state";
import { Table, Td, Th } from "@/components/ui/table";
import { CARRIER_KIND_LABELS } from "@/lib/delivery/connection-input";
import type { ConnectionView } from "@/lib/delivery/manage-connections";
import { formatMoney } from "@/lib/money";
import { errorMessage } from "@/lib/trpc/form-errors";
import { useTRPC } from "@/lib/trpc/react";

export function ConnectionsSettings() {
  return (
    <Section
      title="Carrier connections"
      description="How messages reach phones: the built-in simulator (virtual phones, no carrier needed), an SMPP link to an SMSC, or a Twilio account. Each sender number sends through one connection."
    >
      <AdminsOnly what="carrier connections">
        <Connections />
      </AdminsOnly>
    </Section>
  );
}

function Connections() {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const connections = useQuery(trpc.carriers.connections.list.queryOptions());
  const [editing, setEditing] = useState<ConnectionView | "new" | null>(null);
  const [deleting, setDeleting] = useState<ConnectionView | null>(null);
  const remove = useMutation(
    trpc.carriers.connections.delete.mutationOptions({
      onSuccess: async () => {
        toast.success(`Deleted ${deleting?.name ?? "the connection"}`);
        setDeleting(null);
        await queryClient.invalidateQueries({ queryKey: trpc.carriers.pathKey() });
      },
      // Refused while senders use it: the message says which.
      onError: (error) => {
        setDeleting(null);
        toast.error(errorMessage(error));
      },
    }),
  );
  const add = (
    <Button onClick={() => setEditing("new")}>
      <Plus className="h-4 w-4" aria-hidden /> Add connection
    </Button>
  );

  return (
    <>
      {connections.isPending ? (
        <Loading />
      ) : connections.isError ? (
        <LoadError error={connections.error} />
      ) : connections.data.length === 0 ? (
        <EmptyState title="No connections yet" description="Add the simulator to try messaging with virtual phones, or connect a carrier." action={add} />
      ) : (
        <>
          <div className="mb-3 flex justify-end">{add}</div>
          <Table aria-label="Carrier connections">
            <thead>
              <tr>
                <Th>Name</Th>
                <Th>Kind</Th>
                <Th>Settings</Th>
                <Th>Price SMS / MMS</Th>
                <Th>Senders</Th>
                <Th className="w-0">
                  <span className="sr-only">Actions</span>
                </Th>
              </tr>
            </thead>
            <tbody>
              {connections.data.map((connection) => (
                <tr key={connection.id} className="align-top">
                  <Td className="font-medium">{connection.name}</Td>
                  <Td>
                    <Badge tone={connection.kind === "SIMULATOR" ? "neutral" : "blue"}>{CARRIER_KIND_LABELS[connection.kind]}</Badge>
                  </Td>
                  <Td className="text-zinc-600 dark:text-zinc-400">
                    {connectionSummary(connection)}
                    {connection.webhookUrls && (
                      <details className="mt-2">
                        <summary className="cursor-pointer text-xs font-medium text-brand-700 dark:text-brand-100">Webhook URLs for Twilio</summary>
                        <div className="mt-2 space-y-2">
                          <CopyField label="Incoming messages URL" value={connection.webhookUrls.inbound} copiedMessage="Incoming messages URL copied" />
                          <CopyField label="Status callback URL" value={connection.webhookUrls.status} copiedMessage="Status callback URL copied" />
                        </div>
                      </details>
                    )}
                  </Td>
                  <Td className="whitespace-nowrap tabular-nums">
                    {formatMoney(connection.smsPriceMicros)} / {formatMoney(connection.mmsPriceMicros)}
                  </Td>
                  <Td className="tabular-nums">{connection.senderCount}</Td>
                  <Td className="whitespace-nowrap">
                    <EditDeleteButtons name={connection.name} onEdit={() => setEditing(connection)} onDelete={() => setDeleting(connection)} />
                  </Td>
                </tr>
              ))}
            </tbody>
          </Table>
        </>
      )}
      <ConnectionDialog open={editing !== null} connection={editing === "new" ? null : editing} onClose={() => setEditing(null)} />
      <ConfirmDialog
        open={deleting !== null}
        title={`Delete ${deleting?.name ?? ""}?`}
        confirmLabel="Delete connection"
        pending={remove.isPending}
        onConfirm={() => deleting && remove.mutate({ id: deleting.id })}
        onClose={() => setDeleting(null)}
      >
        Its settings are removed. A connection that sender numbers still use cannot be deleted: move those senders to another connection first.
      </ConfirmDialog>
    </>
  );
}
