"use client";
// What a detail page (a contact, a list) shows before its record is there: a way back, then either
// "Loading…" or why it could not be shown.
import type { TRPCClientErrorLike } from "@trpc/client";
import { ArrowLeft } from "lucide-react";
import Link from "next/link";
import { EmptyState } from "@/components/ui/empty-state";
import type { AppRouter } from "@/lib/trpc/root";

export function BackLink({ href, label }: { href: string; label: string }) {
  return (
    <Link href={href} className="mb-3 inline-flex items-center gap-1 text-sm text-zinc-500 hover:text-zinc-900 dark:hover:text-zinc-100">
      <ArrowLeft className="h-4 w-4" aria-hidden /> {label}
    </Link>
  );
}

export function DetailPageState({
  query,
  noun,
  back,
}: {
  query: { isPending: boolean; isError: boolean; error: TRPCClientErrorLike<AppRouter> | null };
  noun: string;
  back: { href: string; label: string };
}) {
  const missing = query.error?.data?.code === "NOT_FOUND";
  return (
    <div>
      <BackLink {...back} />
      {query.isPending ? (
        <p className="text-sm text-zinc-500">Loading {noun}…</p>
      ) : (
        <EmptyState
          title={missing ? `${noun[0]!.toUpperCase()}${noun.slice(1)} not found` : `Could not load the ${noun}`}
          description={missing ? "It may have been deleted, or it belongs to another organisation." : (query.error?.message ?? "")}
        />
      )}
    </div>
  );
}
