"use client";
// Sender numbers: the numbers and sender IDs the org texts from. Everyone sees them; admins add,
// edit and delete (refused while messages from the number wait to go out).
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { Plus } from "lucide-react";
import Link from "next/link";
import { useState } from "react";
import { toast } from "sonner";
import { SenderDialog, type EditableSender } from "@/components/senders/sender-dialog";
import { Section } from "@/components/settings/section";
import { Badge } from "@/components/ui/badge";
import { Button, buttonClass } from "@/components/ui/button";
import { ConfirmDialog } from "@/components/ui/confirm-dialog";
import { EditDeleteButtons } from "@/components/ui/edit-delete-buttons";
import { EmptyState } from "@/components/ui/empty-state";
import { LoadError, Loading } from "@/components/ui/query-state";
import { Table, Td, Th } from "@/components/ui/table";
import { CARRIER_KIND_LABELS } from "@/lib/delivery/connection-input";
import { hasRole } from "@/lib/members/roles";
import { SENDER_KIND_LABELS } from "@/lib/senders/sender-input";
import { errorMessage } from "@/lib/trpc/form-errors";
import { useTRPC } from "@/lib/trpc/react";

export function SendersSettings() {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const org = useQuery(trpc.org.current.queryOptions());
  const senders = useQuery(trpc.carriers.senders.list.queryOptions());
  const [editing, setEditing] = useState<EditableSender | "new" | null>(null);
  const [deleting, setDeleting] = useState<{ id: string; address: string } | null>(null);
  const remove = useMutation(
    trpc.carriers.senders.delete.mutationOptions({
      onSuccess: async () => {
        toast.success(`Deleted ${deleting?.address ?? "the sender"}`);
        setDeleting(null);
        await queryClient.invalidateQueries({ queryKey: trpc.carriers.pathKey() });
      },
      onError: (error) => {
        setDeleting(null);
        toast.error(errorMessage(error));
      },
    }),
  );
  const isAdmin = hasRole(org.data?.role, "ADMIN");
  const add = isAdmin && (
    <Button onClick={() => setEditing("new")}>
      <Plus className="h-4 w-4" aria-hidden /> Add sender
    </Button>
  );

  return (
    <Section
      title="Sender numbers"
      description="The numbers and sender IDs your messages come from. Each sends through one carrier connection, at its own pace."
    >
      {senders.isPending ? (
        <Loading />
      ) : senders.isError ? (
        <LoadError error={senders.error} />
      ) : senders.data.length === 0 ? (
        <EmptyState
          title="No sender numbers yet"
          description={isAdmin ? "Add a number to send from. It needs a carrier connection first." : "Admins can add sender numbers."}
          action={
            isAdmin && (
              <div className="flex gap-2">
                {add}
                <Link href="/settings/connections" className={buttonClass({ variant: "secondary" })}>
                  Connections
                </Link>
              </div>
            )
          }
        />
      ) : (
        <>
          {add && <div className="mb-3 flex justify-end">{add}</div>}
          <Table aria-label="Sender numbers">
            <thead>
              <tr>
                <Th>Number or ID</Th>
                <Th>Kind</Th>
                <Th>Connection</Th>
                <Th>Msg/s</Th>
                <Th>MMS</Th>
                {isAdmin && (
                  <Th className="w-0">
                    <span className="sr-only">Actions</span>
                  </Th>
                )}
              </tr>
            </thead>
            <tbody>
              {senders.data.map((sender) => (
                <tr key={sender.id}>
                  <Td>
                    <span className="font-mono">{sender.address}</span>
                    {sender.label && <span className="ml-2 text-zinc-500">{sender.label}</span>}
                  </Td>
                  <Td>{SENDER_KIND_LABELS[sender.kind]}</Td>
                  <Td>
                    {sender.connection.name} <Badge>{CARRIER_KIND_LABELS[sender.connection.kind]}</Badge>
                  </Td>
                  <Td className="tabular-nums">{sender.throughput}</Td>
                  <Td>{sender.mmsEnabled ? <Badge tone="green">Yes</Badge> : <span className="text-zinc-500">No</span>}</Td>
                  {isAdmin && (
                    <Td className="whitespace-nowrap">
                      <EditDeleteButtons name={sender.address} onEdit={() => setEditing(sender)} onDelete={() => setDeleting(sender)} />
                    </Td>
                  )}
                </tr>
              ))}
            </tbody>
          </Table>
        </>
      )}
      {isAdmin && <SenderDialog open={editing !== null} sender={editing === "new" ? null : editing} onClose={() => setEditing(null)} />}
      <ConfirmDialog
        open={deleting !== null}
        title={`Delete ${deleting?.address ?? ""}?`}
        confirmLabel="Delete sender"
        pending={remove.isPending}
        onConfirm={() => deleting && remove.mutate({ id: deleting.id })}
        onClose={() => setDeleting(null)}
      >
        Messages already sent from it keep their history. A sender with messages still waiting to go out cannot be deleted.
      </ConfirmDialog>
    </Section>
  );
}
