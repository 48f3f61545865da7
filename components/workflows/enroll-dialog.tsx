"use client";
// "Enrol contacts": everyone in the chosen lists and saved segments enters the published version
// (workflowRuns.enroll, one set-based enrolment; the workflow's entry segment and re-entry rule
// still apply), then says how many entered.
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useState, type FormEvent } from "react";
import { formatCount } from "@/components/app/format";
import { Button } from "@/components/ui/button";
import { Dialog } from "@/components/ui/dialog";
import type { EditorOptions } from "@/lib/workflows/editor-options";
import { errorMessage } from "@/lib/trpc/form-errors";
import { useTRPC } from "@/lib/trpc/react";

export function EnrollDialog({ open, onClose, workflowId, options }: { open: boolean; onClose: () => void; workflowId: string; options: EditorOptions | undefined }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const [listIds, setListIds] = useState<string[]>([]);
  const [segmentIds, setSegmentIds] = useState<string[]>([]);
  const enroll = useMutation(trpc.workflowRuns.enroll.mutationOptions({ onSuccess: () => queryClient.invalidateQueries({ queryKey: trpc.workflowRuns.pathKey() }) }));
  const close = () => {
    setListIds([]);
    setSegmentIds([]);
    enroll.reset();
    onClose();
  };
  const submit = (e: FormEvent) => {
    e.preventDefault();
    enroll.mutate({ workflowId, listIds, segmentIds });
  };
  const toggle = (ids: string[], set: (v: string[]) => void, id: string) => set(ids.includes(id) ? ids.filter((x) => x !== id) : [...ids, id]);
  const none = listIds.length + segmentIds.length === 0;

  return (
    <Dialog open={open} onClose={close} title="Enrol contacts">
      {enroll.isSuccess ? (
        <div className="space-y-4">
          <p role="status" className="text-sm" data-testid="enrolled">
            {enroll.data.enrolled === 0
              ? "Nobody was enrolled: everyone chosen is already in it, has been before (re-entry), or is outside its entry segment."
              : `${formatCount(enroll.data.enrolled, "contact")} enrolled. Their runs start now.`}
          </p>
          <div className="flex justify-end">
            <Button onClick={close}>Done</Button>
          </div>
        </div>
      ) : (
        <form onSubmit={submit} className="space-y-4">
          <p className="text-sm text-zinc-600 dark:text-zinc-400">Everyone in the lists and segments you tick enters the live version now, as if they had met the trigger. The entry segment and re-entry rule still apply.</p>
          <Choices legend="Lists" empty="No lists yet." items={options?.lists ?? []} chosen={listIds} onToggle={(id) => toggle(listIds, setListIds, id)} />
          <Choices legend="Segments" empty="No saved segments yet." items={options?.segments ?? []} chosen={segmentIds} onToggle={(id) => toggle(segmentIds, setSegmentIds, id)} />
          {enroll.isError && (
            <p role="alert" className="text-sm font-medium text-red-600 dark:text-red-400">
              {errorMessage(enroll.error)}
            </p>
          )}
          <div className="flex justify-end gap-2">
            <Button type="button" variant="secondary" onClick={close}>
              Cancel
            </Button>
            <Button type="submit" disabled={none} loading={enroll.isPending}>
              Enrol
            </Button>
          </div>
        </form>
      )}
    </Dialog>
  );
}

function Choices({ legend, empty, items, chosen, onToggle }: { legend: string; empty: string; items: { id: string; name: string }[]; chosen: string[]; onToggle: (id: string) => void }) {
  return (
    <fieldset>
      <legend className="mb-1 text-sm font-medium text-zinc-700 dark:text-zinc-300">{legend}</legend>
      {items.length === 0 ? (
        <p className="text-sm text-zinc-500">{empty}</p>
      ) : (
        <div className="max-h-40 space-y-1 overflow-y-auto rounded-md border border-zinc-200 p-2 dark:border-zinc-800">
          {items.map((item) => (
            <label key={item.id} className="flex items-center gap-2 text-sm">
              <input type="checkbox" className="h-4 w-4 accent-brand-600" checked={chosen.includes(item.id)} onChange={() => onToggle(item.id)} />
              <span className="truncate">{item.name}</span>
            </label>
          ))}
        </div>
      )}
    </fieldset>
  );
}
