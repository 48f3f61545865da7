"use client";
// The editor's controls: status, version and unpublished changes; Publish (the draft saved first,
// refused with its problems when invalid), Pause/Resume, Duplicate, Delete.
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { Copy, Pause, Play, Trash2, Upload } from "lucide-react";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { toast } from "sonner";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { ConfirmDialog } from "@/components/ui/confirm-dialog";
import { WorkflowStatusBadge } from "@/components/workflows/workflow-status-badge";
import type { WorkflowView } from "@/components/workflows/workflow-types";
import { useTRPC } from "@/lib/trpc/react";

export function WorkflowControls({
  workflow,
  draftChanged,
  problems,
  flush,
  onPublished,
}: {
  workflow: WorkflowView;
  draftChanged: boolean;
  problems: number;
  flush: () => Promise<void>;
  onPublished: () => void;
}) {
  const trpc = useTRPC();
  const router = useRouter();
  const queryClient = useQueryClient();
  const [publishError, setPublishError] = useState<string | null>(null);
  const [deleting, setDeleting] = useState(false);
  const refresh = () => queryClient.invalidateQueries({ queryKey: trpc.workflows.pathKey() });
  const onError = (e: { message: string }) => toast.error(e.message);

  const publish = useMutation(
    trpc.workflows.publish.mutationOptions({
      onSuccess: async (w) => {
        setPublishError(null);
        onPublished();
        toast.success(`Published version ${w.publishedVersion}`);
        await refresh();
      },
      onError: (e) => setPublishError(e.message),
    }),
  );
  const pause = useMutation(trpc.workflows.pause.mutationOptions({ onSuccess: async () => (toast.success("Paused: nobody enters, runs hold"), await refresh()), onError }));
  const resume = useMutation(trpc.workflows.resume.mutationOptions({ onSuccess: async () => (toast.success("Resumed"), await refresh()), onError }));
  const duplicate = useMutation(trpc.workflows.duplicate.mutationOptions({ onSuccess: (w) => router.push(`/workflows/${w.id}`), onError }));
  const remove = useMutation(
    trpc.workflows.delete.mutationOptions({
      onSuccess: async () => {
        toast.success("Workflow deleted");
        await refresh();
        router.push("/workflows");
      },
      onError: (e) => (setDeleting(false), onError(e)),
    }),
  );

  const unpublished = workflow.publishedVersion !== null && draftChanged;
  return (
    <div className="flex flex-col items-end gap-1">
      <div className="flex flex-wrap items-center justify-end gap-2">
        <WorkflowStatusBadge status={workflow.status} />
        {workflow.publishedVersion !== null && <span className="text-xs text-zinc-500">Version {workflow.publishedVersion}</span>}
        {unpublished && <Badge tone="blue">Unpublished changes</Badge>}
        {workflow.status === "ACTIVE" && (
          <Button variant="secondary" size="sm" loading={pause.isPending} onClick={() => pause.mutate({ id: workflow.id })}>
            <Pause className="h-4 w-4" aria-hidden /> Pause
          </Button>
        )}
        {workflow.status === "PAUSED" && (
          <Button variant="secondary" size="sm" loading={resume.isPending} onClick={() => resume.mutate({ id: workflow.id })}>
            <Play className="h-4 w-4" aria-hidden /> Resume
          </Button>
        )}
        <Button variant="ghost" size="icon" aria-label="Duplicate workflow" title="Duplicate" loading={duplicate.isPending} onClick={() => duplicate.mutate({ id: workflow.id })}>
          <Copy className="h-4 w-4" />
        </Button>
        <Button variant="ghost" size="icon" aria-label="Delete workflow" title="Delete" onClick={() => setDeleting(true)}>
          <Trash2 className="h-4 w-4" />
        </Button>
        <Button
          size="sm"
          loading={publish.isPending}
          disabled={workflow.publishedVersion !== null && !draftChanged}
          title={problems ? `${problems} problem${problems > 1 ? "s" : ""} to fix first` : undefined}
          onClick={async () => {
            setPublishError(null);
            try {
              await flush();
            } catch {
              return;
            }
            publish.mutate({ id: workflow.id });
          }}
        >
          <Upload className="h-4 w-4" aria-hidden /> {workflow.publishedVersion === null ? "Publish" : "Publish changes"}
        </Button>
      </div>
      {publishError && (
        <p role="alert" className="max-w-xl text-right text-sm font-medium text-red-600 dark:text-red-400" data-testid="publish-error">
          {publishError}
        </p>
      )}
      <ConfirmDialog open={deleting} onClose={() => setDeleting(false)} onConfirm={() => remove.mutate({ id: workflow.id })} title={`Delete ${workflow.name}?`} pending={remove.isPending}>
        Its versions and the history of its ended runs go with it. A workflow with active runs cannot be deleted: pause it and let them finish first.
      </ConfirmDialog>
    </div>
  );
}
