"use client";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { toast } from "sonner";
import { LoadError, Loading } from "@/components/ui/query-state";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { Table, Td, Th } from "@/components/ui/table";
import { ROLE_LABELS } from "@/lib/members/roles";
import { errorMessage } from "@/lib/trpc/form-errors";
import { useTRPC } from "@/lib/trpc/react";

const dateFormat = new Intl.DateTimeFormat(undefined, { dateStyle: "medium", timeStyle: "short" });

export function InvitationsTable() {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const invitations = useQuery(trpc.members.invitations.queryOptions());
  const revoke = useMutation(trpc.members.revokeInvite.mutationOptions({ onError: (error) => toast.error(errorMessage(error)) }));

  if (invitations.isPending) return <Loading />;
  if (invitations.isError) return <LoadError error={invitations.error} />;
  if (invitations.data.length === 0) return <p className="text-sm text-zinc-500">No pending invitations.</p>;
  return (
    <Table aria-label="Pending invitations">
      <thead>
        <tr>
          <Th>Email</Th>
          <Th>Role</Th>
          <Th>Expires</Th>
          <Th className="w-0">
            <span className="sr-only">Actions</span>
          </Th>
        </tr>
      </thead>
      <tbody>
        {invitations.data.map((inv) => (
          <tr key={inv.id}>
            <Td className="font-medium">{inv.email}</Td>
            <Td>
              <Badge>{ROLE_LABELS[inv.role]}</Badge>
            </Td>
            <Td className="whitespace-nowrap text-zinc-500">{dateFormat.format(inv.expiresAt)}</Td>
            <Td>
              <Button
                variant="ghost"
                size="sm"
                aria-label={`Revoke invitation for ${inv.email}`}
                loading={revoke.isPending && revoke.variables?.id === inv.id}
                onClick={() =>
                  revoke.mutate(
                    { id: inv.id },
                    {
                      onSuccess: async () => {
                        toast.success(`Revoked the invitation for ${inv.email}`);
                        await queryClient.invalidateQueries({ queryKey: trpc.members.invitations.queryKey() });
                      },
                    },
                  )
                }
              >
                Revoke
              </Button>
            </Td>
          </tr>
        ))}
      </tbody>
    </Table>
  );
}
