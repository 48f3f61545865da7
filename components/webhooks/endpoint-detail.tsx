"use client";
// One endpoint: its settings and state, the actions (edit, enable/disable, send a test event, rotate
// the secret, delete), and its delivery log.
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { toast } from "sonner";
import { AdminsOnly } from "@/components/settings/admins-only";
import { Section } from "@/components/settings/section";
import { Button } from "@/components/ui/button";
import { ConfirmDialog } from "@/components/ui/confirm-dialog";
import { CopyField } from "@/components/ui/copy-field";
import { Dialog } from "@/components/ui/dialog";
import { LoadError, Loading } from "@/components/ui/query-state";
import { DeliveryLog } from "@/components/webhooks/delivery-log";
import { EndpointFormDialog } from "@/components/webhooks/endpoint-form-dialog";
import { AutoDisabledNotice, EndpointState } from "@/components/webhooks/endpoint-status";
import { errorMessage } from "@/lib/trpc/form-errors";
import { useTRPC } from "@/lib/trpc/react";
import type { EndpointView } from "@/lib/webhooks/manage-endpoints";

export function WebhookEndpointDetail({ id }: { id: string }) {
  const trpc = useTRPC();
  const endpoint = useQuery(trpc.webhooks.endpoints.get.queryOptions({ id }));
  return (
    <AdminsOnly what="webhooks">
      {endpoint.isPending ? <Loading /> : endpoint.isError ? <LoadError error={endpoint.error} /> : <Endpoint endpoint={endpoint.data} />}
    </AdminsOnly>
  );
}

function Endpoint({ endpoint }: { endpoint: EndpointView }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const router = useRouter();
  const [editing, setEditing] = useState(false);
  const [deleting, setDeleting] = useState(false);
  const [rotating, setRotating] = useState(false);
  const [secret, setSecret] = useState<string | null>(null);
  const refresh = () => queryClient.invalidateQueries({ queryKey: trpc.webhooks.pathKey() });
  const onError = (error: Parameters<typeof errorMessage>[0]) => toast.error(errorMessage(error));

  const toggle = useMutation(trpc.webhooks.endpoints.update.mutationOptions({ onSuccess: refresh, onError }));
  const sendTest = useMutation(
    trpc.webhooks.endpoints.sendTest.mutationOptions({ onSuccess: async () => (toast.success("Test event queued"), await refresh()), onError }),
  );
  const rotate = useMutation(
    trpc.webhooks.endpoints.rotateSecret.mutationOptions({ onSuccess: (result) => (setRotating(false), setSecret(result.secret)), onError }),
  );
  const remove = useMutation(
    trpc.webhooks.endpoints.delete.mutationOptions({
      onSuccess: async () => {
        toast.success("Endpoint deleted");
        await refresh();
        router.push("/developers/webhooks");
      },
      onError,
    }),
  );

  return (
    <>
      <Section title={endpoint.url} description={endpoint.description ?? undefined}>
        <AutoDisabledNotice reason={endpoint.disabledReason} />
        <div className="mb-3 flex items-center gap-2 text-sm">
          <EndpointState endpoint={endpoint} />
          <span className="text-zinc-500">{endpoint.eventTypes.join(", ")}</span>
        </div>
        <div className="flex flex-wrap gap-2">
          <Button variant="secondary" onClick={() => setEditing(true)}>
            Edit
          </Button>
          <Button variant="secondary" loading={toggle.isPending} onClick={() => toggle.mutate({ id: endpoint.id, enabled: !endpoint.enabled })}>
            {endpoint.enabled ? "Disable" : "Enable"}
          </Button>
          <Button variant="secondary" loading={sendTest.isPending} disabled={!endpoint.enabled} onClick={() => sendTest.mutate({ id: endpoint.id })}>
            Send test event
          </Button>
          <Button variant="secondary" onClick={() => setRotating(true)}>
            Rotate secret
          </Button>
          <Button variant="danger" onClick={() => setDeleting(true)}>
            Delete
          </Button>
        </div>
      </Section>
      <DeliveryLog endpointId={endpoint.id} />

      <EndpointFormDialog key={endpoint.updatedAt.toString()} open={editing} onClose={() => setEditing(false)} endpoint={endpoint} />
      <ConfirmDialog open={rotating} title="Rotate the signing secret?" confirmLabel="Rotate secret" pending={rotate.isPending} onConfirm={() => rotate.mutate({ id: endpoint.id })} onClose={() => setRotating(false)}>
        Requests are signed with the new secret from now on, including retries: update your receiver straight away.
      </ConfirmDialog>
      <Dialog open={secret != null} onClose={() => setSecret(null)} title="New signing secret">
        <div className="space-y-4">
          <p className="text-sm text-zinc-600 dark:text-zinc-400">Copy it now: it is shown only this once.</p>
          {secret && <CopyField label="Signing secret" value={secret} copiedMessage="Signing secret copied" />}
          <div className="flex justify-end">
            <Button onClick={() => setSecret(null)}>Done</Button>
          </div>
        </div>
      </Dialog>
      <ConfirmDialog open={deleting} title="Delete this endpoint?" confirmLabel="Delete endpoint" pending={remove.isPending} onConfirm={() => remove.mutate({ id: endpoint.id })} onClose={() => setDeleting(false)}>
        Events stop going to {endpoint.url}, and its delivery log is deleted with it.
      </ConfirmDialog>
    </>
  );
}
