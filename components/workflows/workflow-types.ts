// The shapes the workflow pages read, as the router returns them.
import type { inferRouterOutputs } from "@trpc/server";
import type { AppRouter } from "@/lib/trpc/root";

type Outputs = inferRouterOutputs<AppRouter>["workflows"];
export type WorkflowView = Outputs["get"];
export type WorkflowListItem = Outputs["list"][number];

type RunOutputs = inferRouterOutputs<AppRouter>["workflowRuns"];
export type RunView = RunOutputs["get"];
export type ContactRun = RunOutputs["byContact"][number];
