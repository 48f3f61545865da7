// Contact shapes as the browser receives them from tRPC, named once for the components.
import type { inferRouterOutputs } from "@trpc/server";
import type { AppRouter } from "@/lib/trpc/root";

type Outputs = inferRouterOutputs<AppRouter>;
export type ContactRow = Outputs["contacts"]["list"]["items"][number];
export type ContactDetail = Outputs["contacts"]["get"];
