"use client";
// Who new conversations are dealt to (admins): each chosen teammate takes them in turn, the one
// with the fewest open first, up to their cap of open conversations; none chosen, none dealt.
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { toast } from "sonner";
import { Button } from "@/components/ui/button";
import { Dialog } from "@/components/ui/dialog";
import { Input } from "@/components/ui/input";
import { errorMessage } from "@/lib/trpc/form-errors";
import { useTRPC } from "@/lib/trpc/react";

const DEFAULT_CAP = 20;

export function AutoAssignDialog({ open, onClose }: { open: boolean; onClose: () => void }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const teammates = useQuery(trpc.inbox.teammates.queryOptions());
  // Edits over what is saved: a teammate's cap, or null for not chosen.
  const [draft, setDraft] = useState<Record<string, number | null>>({});
  const save = useMutation(
    trpc.inbox.setAutoAssign.mutationOptions({
      onSuccess: async () => {
        toast.success("Auto-assignment saved");
        setDraft({});
        await queryClient.invalidateQueries({ queryKey: trpc.inbox.teammates.queryKey() });
        onClose();
      },
      onError: (error) => toast.error(errorMessage(error)),
    }),
  );
  const rows = (teammates.data ?? []).map((t) => ({ ...t, cap: t.id in draft ? draft[t.id]! : t.cap }));

  return (
    <Dialog open={open} onClose={onClose} title="Auto-assignment">
      <p className="mb-3 text-sm text-zinc-600 dark:text-zinc-400">
        New conversations nobody has go to the chosen teammates in turn, the one with the fewest open first, up to each one&apos;s cap.
      </p>
      <ul className="space-y-2">
        {rows.map((t) => (
          <li key={t.id} className="flex items-center justify-between gap-3">
            <label className="flex min-w-0 items-center gap-2 text-sm">
              <input type="checkbox" checked={t.cap !== null} onChange={(e) => setDraft({ ...draft, [t.id]: e.target.checked ? DEFAULT_CAP : null })} />
              <span className="truncate">{t.name}</span>
              <span className="shrink-0 text-xs text-zinc-500">{t.open} open</span>
            </label>
            {t.cap !== null && (
              <label className="flex items-center gap-1 text-xs text-zinc-500">
                Cap
                <Input type="number" min={1} max={1000} value={t.cap} onChange={(e) => setDraft({ ...draft, [t.id]: Number(e.target.value) || 1 })} className="h-8 w-20" aria-label={`Cap for ${t.name}`} />
              </label>
            )}
          </li>
        ))}
      </ul>
      <div className="mt-4 flex justify-end gap-2">
        <Button variant="ghost" onClick={onClose}>
          Cancel
        </Button>
        <Button
          disabled={save.isPending}
          onClick={() => save.mutate({ teammates: rows.flatMap((t) => (t.cap === null ? [] : [{ userId: t.id, cap: t.cap }])) })}
        >
          Save
        </Button>
      </div>
    </Dialog>
  );
}
