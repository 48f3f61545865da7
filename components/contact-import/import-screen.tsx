"use client";
// One import, from mapping to its report: which step shows follows the import's status (polled
// while it is checked or runs), and, before the run, where the person is in the form.
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useEffect, useState } from "react";
import { PageHeader } from "@/components/app/page-header";
import { MapStep } from "@/components/contact-import/map-step";
import { DEFAULT_OPTIONS, OptionsStep, splitTags, type ImportOptionsForm } from "@/components/contact-import/options-step";
import { PreviewStep } from "@/components/contact-import/preview-step";
import { DoneStep, RunningStep } from "@/components/contact-import/run-step";
import { ImportStepper, type ImportStep } from "@/components/contact-import/import-stepper";
import { LoadError, Loading } from "@/components/ui/query-state";
import { formErrors } from "@/lib/trpc/form-errors";
import { useTRPC } from "@/lib/trpc/react";

const POLLED = new Set(["STAGING", "RUNNING"]);

export function ImportScreen({ id }: { id: string }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const query = useQuery({
    ...trpc.contactImports.get.queryOptions({ id }),
    refetchInterval: (q) => (q.state.data && POLLED.has(q.state.data.status) ? 1000 : false),
  });
  const [step, setStep] = useState<"map" | "options" | "preview" | null>(null);
  const [options, setOptions] = useState<ImportOptionsForm>(DEFAULT_OPTIONS);
  const refresh = () => queryClient.invalidateQueries({ queryKey: trpc.contactImports.pathKey() });
  const start = useMutation(trpc.contactImports.start.mutationOptions({ onSuccess: refresh }));
  const startErrors = formErrors(start.error);

  const view = query.data;
  const finished = view?.status === "COMPLETED" || view?.status === "CANCELED" || view?.status === "FAILED";
  // The contacts the run wrote: pages of the table cached before it are out of date.
  useEffect(() => {
    if (finished) void queryClient.invalidateQueries({ queryKey: trpc.contacts.pathKey() });
  }, [finished, queryClient, trpc]);
  const header = <PageHeader title="Import contacts" description={view ? view.fileName : undefined} />;
  if (query.isPending) return <>{header}<Loading /></>;
  if (query.error) return <>{header}<LoadError error={query.error} /></>;
  if (!view) return null;

  const before = view.status === "UPLOADED" || view.status === "STAGING" || view.status === "READY";
  // Where the form is: chosen by the person; after a reload, the first step the status allows.
  const formStep = step ?? (view.status === "UPLOADED" ? "map" : "options");
  const current: ImportStep = before
    ? formStep === "map"
      ? "Map columns"
      : formStep === "options"
        ? "Options"
        : "Preview"
    : view.status === "RUNNING"
      ? "Import"
      : "Done";

  return (
    <>
      {header}
      <ImportStepper current={current} />
      {current === "Map columns" && (
        <MapStep
          view={view}
          onMapped={() => {
            setStep("options");
            void refresh();
          }}
        />
      )}
      {current === "Options" && (
        <OptionsStep
          fileName={view.fileName}
          value={options}
          onChange={setOptions}
          onBack={() => setStep("map")}
          onNext={() => setStep("preview")}
          errors={startErrors.fields}
        />
      )}
      {current === "Preview" && (
        <PreviewStep
          view={view}
          onExisting={options.onExisting}
          tags={splitTags(options.tags)}
          onBack={() => setStep("options")}
          starting={start.isPending}
          error={startErrors.form ?? Object.values(startErrors.fields)[0] ?? null}
          onStart={() =>
            start.mutate({
              id: view.id,
              listId: options.listId || null,
              tags: splitTags(options.tags),
              onExisting: options.onExisting,
              consentStatement: options.consentStatement,
            })
          }
        />
      )}
      {current === "Import" && <RunningStep view={view} />}
      {current === "Done" && <DoneStep view={view} />}
    </>
  );
}
