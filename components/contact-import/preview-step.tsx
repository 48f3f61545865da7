"use client";
// Step 4: the dry run's answer before anything is written: counts over the whole file, the bad rows
// by reason (downloadable), and the first rows as they will be stored.
import { Download } from "lucide-react";
import { formatCount, formatNumber } from "@/components/app/format";
import { ProgressBar } from "@/components/contact-import/import-progress";
import { buttonClass, Button } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { FormError } from "@/components/ui/field";
import { Table, Td, Th } from "@/components/ui/table";
import type { ImportView } from "@/lib/contacts/import/get-import";
import { IMPORT_REASONS, type ImportReason } from "@/lib/contacts/import/import-reasons";

function Count({ label, value, hint }: { label: string; value: number; hint?: string }) {
  return (
    <Card className="p-4">
      <p className="text-xs font-medium uppercase tracking-wide text-zinc-500">{label}</p>
      <p className="mt-1 text-2xl font-semibold tabular-nums">{formatNumber(value)}</p>
      {hint && <p className="mt-1 text-xs text-zinc-500">{hint}</p>}
    </Card>
  );
}

export function PreviewStep({
  view,
  onExisting,
  tags,
  onBack,
  onStart,
  starting,
  error,
}: {
  view: ImportView;
  onExisting: "update" | "skip";
  /** The options' tags, added to every row. */
  tags: string[];
  onBack: () => void;
  onStart: () => void;
  starting: boolean;
  error: string | null;
}) {
  const preview = view.preview;
  if (view.status === "STAGING" || !preview) {
    return (
      <Card className="space-y-3 p-6">
        <p className="text-sm font-medium">Checking every row of {view.fileName}…</p>
        <ProgressBar percent={50} label="Checking the file" />
        <p className="text-xs text-zinc-500">Nothing is written to your contacts until you start the import.</p>
      </Card>
    );
  }
  const reasons = Object.entries(preview.invalidByReason) as [ImportReason, number][];
  const bad = preview.invalid + preview.duplicates;
  return (
    <div className="space-y-6">
      <div className="grid grid-cols-2 gap-3 lg:grid-cols-4">
        <Count label="New contacts" value={preview.new} hint={preview.unsubscribed ? `${formatNumber(preview.unsubscribed)} marked unsubscribed` : undefined} />
        <Count
          label={onExisting === "update" ? "Updated" : "Skipped (already there)"}
          value={preview.existing}
          hint={preview.existingOptedOut ? `${formatNumber(preview.existingOptedOut)} opted out, and staying so` : undefined}
        />
        <Count label="Duplicates in the file" value={preview.duplicates} hint="Only the first row of a number is imported" />
        <Count label="Not imported" value={preview.invalid} />
      </div>
      {bad > 0 && (
        <Card className="space-y-2 p-4">
          <div className="flex flex-wrap items-center justify-between gap-2">
            <h2 className="text-sm font-semibold">Rows that will not be imported</h2>
            <a href={`/api/contacts/imports/${view.id}/report`} className={buttonClass({ variant: "secondary", size: "sm" })} download>
              <Download className="h-4 w-4" aria-hidden /> Download report (CSV)
            </a>
          </div>
          <ul className="space-y-1 text-sm text-zinc-600 dark:text-zinc-400">
            {reasons.map(([reason, n]) => (
              <li key={reason}>
                {IMPORT_REASONS[reason] ?? reason}: {formatCount(n, "row")}
              </li>
            ))}
            {preview.duplicates > 0 && <li>{IMPORT_REASONS.duplicate}: {formatCount(preview.duplicates, "row")}</li>}
          </ul>
        </Card>
      )}
      <section className="space-y-2">
        <h2 className="text-sm font-semibold">The first rows, as they will be stored</h2>
        <Table>
          <thead>
            <tr>
              <Th>Line</Th>
              <Th>Phone</Th>
              <Th>Name</Th>
              <Th className="hidden md:table-cell">Email</Th>
              <Th className="hidden lg:table-cell">Time zone</Th>
              <Th className="hidden lg:table-cell">Tags</Th>
              <Th className="hidden xl:table-cell">Custom fields</Th>
            </tr>
          </thead>
          <tbody>
            {view.previewRows.map((r) => (
              <tr key={r.line} className={r.errorReason ? "text-zinc-400" : undefined}>
                <Td className="tabular-nums">{r.line}</Td>
                <Td card="primary" className="whitespace-nowrap font-mono text-xs">
                  {r.errorReason ? (
                    <span className="font-sans text-red-600 dark:text-red-400">
                      {IMPORT_REASONS[r.errorReason as ImportReason] ?? r.errorReason}
                      {r.errorValue ? `: ${r.errorValue}` : ""}
                    </span>
                  ) : (
                    r.phone
                  )}
                </Td>
                <Td>{[r.firstName, r.lastName].filter(Boolean).join(" ") || "—"}</Td>
                <Td className="hidden md:table-cell">{r.email ?? "—"}</Td>
                <Td className="hidden lg:table-cell">{r.timeZone ?? r.guessedTimeZone ?? "—"}</Td>
                <Td className="hidden lg:table-cell">{[...new Set([...r.tags, ...tags])].join(", ") || "—"}</Td>
                <Td className="hidden xl:table-cell">
                  {r.customFields
                    ? Object.entries(r.customFields as Record<string, unknown>)
                        .map(([k, v]) => `${k}: ${String(v)}`)
                        .join(", ")
                    : "—"}
                </Td>
              </tr>
            ))}
          </tbody>
        </Table>
      </section>
      <FormError>{error}</FormError>
      <div className="flex flex-wrap justify-between gap-2">
        <Button variant="secondary" onClick={onBack}>
          Back to options
        </Button>
        <Button onClick={onStart} loading={starting} disabled={preview.new + preview.existing === 0}>
          Import {formatCount(preview.new + preview.existing, "contact")}
        </Button>
      </div>
    </div>
  );
}
