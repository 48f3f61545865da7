"use client";
// The browser's tRPC client: TanStack Query options from `useTRPC()`, e.g.
// `useQuery(trpc.contacts.list.queryOptions({ search }))`.
import { QueryClient, QueryClientProvider } from "@tanstack/react-query";
import { createTRPCClient, httpBatchLink, loggerLink } from "@trpc/client";
import { createTRPCContext } from "@trpc/tanstack-react-query";
import { useState, type ReactNode } from "react";
import superjson from "superjson";
import { ACTIVE_ORG_HEADER } from "@/lib/orgs/active-org-cookie";
import type { AppRouter } from "@/lib/trpc/root";

export const { TRPCProvider, useTRPC, useTRPCClient } = createTRPCContext<AppRouter>();

// The org the dashboard shell was rendered for (set by AppShell). Sent with every call, so a stale
// org cookie can never make the page show one org while its queries ask for another.
let activeOrgId: string | null = null;
export function setActiveOrgId(orgId: string | null) {
  activeOrgId = orgId;
}

/** The header naming that org, for the tRPC client and for requests made outside it (media uploads). */
export function activeOrgHeaders(): Record<string, string> {
  return activeOrgId ? { [ACTIVE_ORG_HEADER]: activeOrgId } : {};
}

function makeQueryClient() {
  return new QueryClient({
    defaultOptions: {
      queries: { staleTime: 10_000, refetchOnWindowFocus: false, retry: 1 },
    },
  });
}

export function TRPCReactProvider({ children }: { children: ReactNode }) {
  const [queryClient] = useState(makeQueryClient);
  const [trpcClient] = useState(() =>
    createTRPCClient<AppRouter>({
      links: [
        loggerLink({ enabled: (op) => process.env.NODE_ENV === "development" && op.direction === "down" && op.result instanceof Error }),
        httpBatchLink({
          url: "/api/trpc",
          transformer: superjson,
          headers: activeOrgHeaders,
        }),
      ],
    }),
  );
  return (
    <QueryClientProvider client={queryClient}>
      <TRPCProvider trpcClient={trpcClient} queryClient={queryClient}>
        {children}
      </TRPCProvider>
    </QueryClientProvider>
  );
}
