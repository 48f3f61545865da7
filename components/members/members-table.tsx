"use client";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { toast } from "sonner";
import { ConfirmDialog } from "@/components/ui/confirm-dialog";
import { LoadError, Loading } from "@/components/ui/query-state";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { Select } from "@/components/ui/input";
import { Table, Td, Th } from "@/components/ui/table";
import type { Role } from "@/lib/generated/prisma/enums";
import { canManageMember, ROLE_LABELS, ROLES } from "@/lib/members/roles";
import { errorMessage } from "@/lib/trpc/form-errors";
import { useTRPC } from "@/lib/trpc/react";

interface Target {
  id: string;
  email: string;
  isMe: boolean;
}

const ROLE_PHRASES: Record<Role, string> = { OWNER: "an owner", ADMIN: "an admin", MEMBER: "a member" };
const dateFormat = new Intl.DateTimeFormat(undefined, { dateStyle: "medium" });

export function MembersTable({ myRole, currentUserId }: { myRole: Role; currentUserId: string }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const router = useRouter();
  const members = useQuery(trpc.members.list.queryOptions());
  const [removing, setRemoving] = useState<Target | null>(null);

  async function refresh(target: Target) {
    await Promise.all([
      queryClient.invalidateQueries({ queryKey: trpc.members.pathKey() }),
      // A change to my own role changes what this page (and the sidebar) lets me do.
      target.isMe && queryClient.invalidateQueries({ queryKey: trpc.org.pathKey() }),
    ]);
    if (target.isMe) router.refresh();
  }
  const changeRole = useMutation(trpc.members.changeRole.mutationOptions({ onError: (error) => toast.error(errorMessage(error)) }));
  const remove = useMutation(trpc.members.remove.mutationOptions({ onError: (error) => toast.error(errorMessage(error)) }));

  function onRoleChange(target: Target, role: Role) {
    changeRole.mutate(
      { membershipId: target.id, role },
      {
        onSuccess: async () => {
          toast.success(`${target.email} is now ${ROLE_PHRASES[role]}`);
          await refresh(target);
        },
      },
    );
  }

  function onRemove() {
    if (!removing) return;
    const target = removing;
    remove.mutate(
      { membershipId: target.id },
      {
        onSuccess: async () => {
          toast.success(`Removed ${target.email}`);
          setRemoving(null);
          await refresh(target);
        },
      },
    );
  }

  if (members.isPending) return <Loading />;
  if (members.isError) return <LoadError error={members.error} />;
  return (
    <>
      <Table aria-label="Members">
        <thead>
          <tr>
            <Th>Name</Th>
            <Th>Email</Th>
            <Th>Role</Th>
            <Th>Joined</Th>
            <Th className="w-0">
              <span className="sr-only">Actions</span>
            </Th>
          </tr>
        </thead>
        <tbody>
          {members.data.map((m) => {
            const target: Target = { id: m.id, email: m.user.email, isMe: m.user.id === currentUserId };
            const canManage = canManageMember(myRole, m.role);
            // Only the roles this viewer may give; the server checks again, and refuses to leave no owner.
            const roles = ROLES.filter((r) => r === m.role || canManageMember(myRole, m.role, r));
            return (
              <tr key={m.id}>
                <Td className="font-medium">
                  {m.user.name || "—"} {target.isMe && <Badge tone="blue">You</Badge>}
                </Td>
                <Td>{m.user.email}</Td>
                <Td>
                  {canManage ? (
                    <Select
                      aria-label={`Role for ${m.user.email}`}
                      value={m.role}
                      // Not disabled while saving: that would drop keyboard focus from the select.
                      aria-busy={(changeRole.isPending && changeRole.variables?.membershipId === m.id) || undefined}
                      onChange={(e) => onRoleChange(target, e.target.value as Role)}
                      className="w-32"
                    >
                      {roles.map((r) => (
                        <option key={r} value={r}>
                          {ROLE_LABELS[r]}
                        </option>
                      ))}
                    </Select>
                  ) : (
                    <Badge>{ROLE_LABELS[m.role]}</Badge>
                  )}
                </Td>
                <Td className="whitespace-nowrap text-zinc-500">{dateFormat.format(m.createdAt)}</Td>
                <Td>
                  {/* Leaving the organisation yourself is not offered here: it would lock you out mid-page. */}
                  {canManage && !target.isMe && (
                    <Button variant="ghost" size="sm" aria-label={`Remove ${m.user.email}`} onClick={() => setRemoving(target)}>
                      Remove
                    </Button>
                  )}
                </Td>
              </tr>
            );
          })}
        </tbody>
      </Table>
      <ConfirmDialog
        open={removing != null}
        title={`Remove ${removing?.email ?? ""}?`}
        confirmLabel="Remove member"
        pending={remove.isPending}
        onConfirm={onRemove}
        onClose={() => setRemoving(null)}
      >
        They lose access to this organisation straight away. You can invite them again later.
      </ConfirmDialog>
    </>
  );
}
