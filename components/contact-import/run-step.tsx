"use client";
// Steps 5 and 6: the run's progress (survives a reload: it is the import row's), cancel; then what
// it did, with the report of the rows not imported.
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { Download } from "lucide-react";
import Link from "next/link";
import { useState } from "react";
import { formatNumber } from "@/components/app/format";
import { importProgress, ProgressBar, ProgressText } from "@/components/contact-import/import-progress";
import { Button, buttonClass } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { ConfirmDialog } from "@/components/ui/confirm-dialog";
import type { ImportView } from "@/lib/contacts/import/get-import";
import { useTRPC } from "@/lib/trpc/react";

export function RunningStep({ view }: { view: ImportView }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const [confirming, setConfirming] = useState(false);
  const cancel = useMutation(
    trpc.contactImports.cancel.mutationOptions({
      onSuccess: () => queryClient.invalidateQueries({ queryKey: trpc.contactImports.pathKey() }),
    }),
  );
  const { percent } = importProgress(view);
  return (
    <Card className="space-y-3 p-6">
      <div className="flex flex-wrap items-center justify-between gap-2">
        <p className="text-sm font-medium">Importing {view.fileName}… {percent}%</p>
        <Button variant="secondary" size="sm" onClick={() => setConfirming(true)}>
          Cancel import
        </Button>
      </div>
      <ProgressBar percent={percent} label="Import progress" />
      <ProgressText progress={view} />
      <p className="text-xs text-zinc-500">You can leave this page: the import runs in the background and its progress shows on the Contacts page.</p>
      <ConfirmDialog
        open={confirming}
        onClose={() => setConfirming(false)}
        title="Cancel this import?"
        confirmLabel="Cancel import"
        cancelLabel="Keep importing"
        pending={cancel.isPending}
        onConfirm={() => cancel.mutate({ id: view.id }, { onSettled: () => setConfirming(false) })}
      >
        It stops after the rows it is merging now. Contacts already imported stay.
      </ConfirmDialog>
    </Card>
  );
}

export function DoneStep({ view }: { view: ImportView }) {
  const r = view.result ?? { created: 0, updated: 0, skipped: 0, optedOut: 0, duplicates: 0, invalid: 0 };
  const headline =
    view.status === "COMPLETED" ? "Import finished" : view.status === "CANCELED" ? "Import canceled" : `Import failed${view.error ? `: ${view.error}` : ""}`;
  const lines: [string, number][] = [
    ["New contacts", r.created],
    ["Updated", r.updated],
    ["Skipped (already there)", r.skipped],
    ["Opted out by the file", r.optedOut],
    ["Duplicates in the file", r.duplicates],
    ["Not imported (bad rows)", r.invalid],
  ];
  return (
    <Card className="space-y-4 p-6">
      <h2 className="text-base font-semibold">{headline}</h2>
      {view.status === "CANCELED" && <p className="text-sm text-zinc-500">{formatNumber(view.rowsDone)} rows were imported before it stopped; they stay.</p>}
      <dl className="grid grid-cols-1 gap-x-8 gap-y-1 text-sm sm:grid-cols-2">
        {lines.map(([label, n]) => (
          <div key={label} className="flex justify-between gap-4 border-b border-zinc-100 py-1 dark:border-zinc-800">
            <dt className="text-zinc-600 dark:text-zinc-400">{label}</dt>
            <dd className="font-medium tabular-nums">{formatNumber(n)}</dd>
          </div>
        ))}
      </dl>
      <div className="flex flex-wrap gap-2">
        <Link href="/contacts" className={buttonClass()}>
          View contacts
        </Link>
        {r.duplicates + r.invalid > 0 && (
          <a href={`/api/contacts/imports/${view.id}/report`} className={buttonClass({ variant: "secondary" })} download>
            <Download className="h-4 w-4" aria-hidden /> Download report (CSV)
          </a>
        )}
        <Link href="/contacts/import" className={buttonClass({ variant: "ghost" })}>
          Import another file
        </Link>
      </div>
    </Card>
  );
}
