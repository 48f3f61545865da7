"use client";
// The API keys tab: the org's Account SID (for the Twilio-compatible API), the keys with their
// scopes and last use, creating one (shown once) and revoking one (effective at once).
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { Plus } from "lucide-react";
import { useState } from "react";
import { toast } from "sonner";
import { formatDate, formatDateTime } from "@/components/app/format";
import { CreateApiKeyDialog } from "@/components/developers/create-api-key-dialog";
import { AdminsOnly } from "@/components/settings/admins-only";
import { Section, SectionCard } from "@/components/settings/section";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { ConfirmDialog } from "@/components/ui/confirm-dialog";
import { CopyField } from "@/components/ui/copy-field";
import { EmptyState } from "@/components/ui/empty-state";
import { LoadError, Loading } from "@/components/ui/query-state";
import { Table, Td, Th } from "@/components/ui/table";
import type { ApiKeyView } from "@/lib/api-keys/list-api-keys";
import { errorMessage } from "@/lib/trpc/form-errors";
import { useTRPC } from "@/lib/trpc/react";

function keyState(key: Pick<ApiKeyView, "revokedAt" | "expiresAt">) {
  if (key.revokedAt) return <Badge tone="red">Revoked</Badge>;
  if (key.expiresAt && new Date(key.expiresAt) <= new Date()) return <Badge>Expired</Badge>;
  return <Badge tone="green">Active</Badge>;
}

export function ApiKeysSettings() {
  return (
    <AdminsOnly what="API keys">
      <AccountSid />
      <ApiKeys />
    </AdminsOnly>
  );
}

function AccountSid() {
  const trpc = useTRPC();
  const credentials = useQuery(trpc.twilioApi.credentials.queryOptions());
  return (
    <Section
      title="Twilio-compatible API"
      description="Use the Account SID where Twilio's client asks for it, with an API key as the password. StatusCallback requests are signed with the auth token, so twilio.validateRequest can check them."
    >
      <SectionCard>
        {credentials.error ? (
          <LoadError error={credentials.error} />
        ) : credentials.data ? (
          <div className="space-y-3">
            <CopyField label="Account SID" value={credentials.data.accountSid} copiedMessage="Account SID copied" />
            <CopyField label="Auth token (verifies StatusCallback signatures)" value={credentials.data.authToken} copiedMessage="Auth token copied" />
          </div>
        ) : (
          <Loading />
        )}
      </SectionCard>
    </Section>
  );
}

function ApiKeys() {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const keys = useQuery(trpc.apiKeys.list.queryOptions());
  const [creating, setCreating] = useState(false);
  const [revoking, setRevoking] = useState<ApiKeyView | null>(null);
  const revoke = useMutation(
    trpc.apiKeys.revoke.mutationOptions({
      onSuccess: async (key) => {
        setRevoking(null);
        toast.success(`Revoked the key ${key.name}`);
        await queryClient.invalidateQueries({ queryKey: trpc.apiKeys.list.queryKey() });
      },
      onError: (error) => toast.error(errorMessage(error)),
    }),
  );

  return (
    <Section
      title="API keys"
      description={
        <>
          Send them as <code className="rounded bg-zinc-100 px-1 dark:bg-zinc-800">Authorization: Bearer tsk_live_…</code>. A key acts
          for the whole organisation, within its scopes.
        </>
      }
    >
      <div className="mb-4">
        <Button onClick={() => setCreating(true)}>
          <Plus className="h-4 w-4" aria-hidden />
          Create API key
        </Button>
      </div>
      {keys.isPending ? (
        <Loading />
      ) : keys.isError ? (
        <LoadError error={keys.error} />
      ) : keys.data.length === 0 ? (
        <EmptyState title="No API keys yet" description="Create one to send messages from your own code." />
      ) : (
        <Table aria-label="API keys">
          <thead>
            <tr>
              <Th>Name</Th>
              <Th>Key</Th>
              <Th>Scopes</Th>
              <Th>Last used</Th>
              <Th>Created</Th>
              <Th>Status</Th>
              <Th className="w-0">
                <span className="sr-only">Actions</span>
              </Th>
            </tr>
          </thead>
          <tbody>
            {keys.data.map((key) => (
              <tr key={key.id}>
                <Td className="font-medium">{key.name}</Td>
                <Td>
                  <code className="text-xs">{key.preview}</code>
                </Td>
                <Td>
                  <div className="flex flex-wrap gap-1">
                    {key.scopes.map((scope) => (
                      <Badge key={scope}>{scope}</Badge>
                    ))}
                  </div>
                </Td>
                <Td className="whitespace-nowrap">{key.lastUsedAt ? formatDateTime(key.lastUsedAt) : "Never"}</Td>
                <Td className="whitespace-nowrap">
                  {formatDate(key.createdAt)}
                  {key.expiresAt && <span className="block text-xs text-zinc-500">expires {formatDate(key.expiresAt)}</span>}
                </Td>
                <Td card="badge">{keyState(key)}</Td>
                <Td>
                  {!key.revokedAt && (
                    <Button variant="ghost" size="sm" aria-label={`Revoke the key ${key.name}`} onClick={() => setRevoking(key)}>
                      Revoke
                    </Button>
                  )}
                </Td>
              </tr>
            ))}
          </tbody>
        </Table>
      )}

      <CreateApiKeyDialog open={creating} onClose={() => setCreating(false)} />
      <ConfirmDialog
        open={revoking != null}
        title={`Revoke the key ${revoking?.name ?? ""}?`}
        confirmLabel="Revoke key"
        pending={revoke.isPending}
        onConfirm={() => revoking && revoke.mutate({ id: revoking.id })}
        onClose={() => setRevoking(null)}
      >
        Requests with <code>{revoking?.preview}</code> are refused from now on. This cannot be undone: whatever uses the key needs a new one.
      </ConfirmDialog>
    </Section>
  );
}
