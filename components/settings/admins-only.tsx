"use client";
// Settings only admins may see or change: members get a sentence instead of a refused query.
import type { ReactNode } from "react";
import { useQuery } from "@tanstack/react-query";
import { LoadError, Loading } from "@/components/ui/query-state";
import { hasRole } from "@/lib/members/roles";
import { useTRPC } from "@/lib/trpc/react";

export function AdminsOnly({ what, children }: { what: string; children: ReactNode }) {
  const trpc = useTRPC();
  const org = useQuery(trpc.org.current.queryOptions());
  if (org.isPending) return <Loading />;
  if (org.isError) return <LoadError error={org.error} />;
  if (!hasRole(org.data.role, "ADMIN")) return <p className="text-sm text-zinc-500">Only admins and owners can see and change {what}.</p>;
  return <>{children}</>;
}
