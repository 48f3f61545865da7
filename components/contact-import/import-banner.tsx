"use client";
// On the Contacts page while an import is checked or runs: its progress, linking to it. Polled
// slowly while one is active; when one finishes, the contacts table is refreshed.
import { useQuery, useQueryClient } from "@tanstack/react-query";
import Link from "next/link";
import { useEffect, useRef } from "react";
import { importProgress, ProgressBar, ProgressText } from "@/components/contact-import/import-progress";
import { useTRPC } from "@/lib/trpc/react";

export function ImportBanner() {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const active = useQuery({ ...trpc.contactImports.active.queryOptions(), refetchInterval: (q) => (q.state.data?.length ? 2000 : 15_000) });
  const count = active.data?.length ?? 0;
  const previous = useRef(count);
  useEffect(() => {
    if (count < previous.current) void queryClient.invalidateQueries({ queryKey: trpc.contacts.pathKey() });
    previous.current = count;
  }, [count, queryClient, trpc]);
  if (!count) return null;
  return (
    <div className="mb-4 space-y-2" aria-live="polite">
      {active.data!.map((i) => (
        <div key={i.id} className="space-y-2 rounded-lg border border-brand-100 bg-brand-50 p-3 dark:border-brand-700/50 dark:bg-brand-700/10">
          <div className="flex flex-wrap items-center justify-between gap-2 text-sm">
            <span className="font-medium">
              {i.status === "STAGING" ? "Checking" : "Importing"} {i.fileName}
            </span>
            <Link href={`/contacts/import/${i.id}`} className="font-medium text-brand-600 hover:underline">
              View import
            </Link>
          </div>
          {i.status === "RUNNING" && (
            <>
              <ProgressBar percent={importProgress(i).percent} label={`Importing ${i.fileName}`} />
              <ProgressText progress={i} />
            </>
          )}
        </div>
      ))}
    </div>
  );
}
