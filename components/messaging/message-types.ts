import type { inferRouterOutputs } from "@trpc/server";
import type { AppRouter } from "@/lib/trpc/root";

export type MessageDetail = inferRouterOutputs<AppRouter>["messages"]["get"];
