// Inbox shapes as the browser receives them from tRPC, named once for the components.
import type { inferRouterOutputs } from "@trpc/server";
import type { AppRouter } from "@/lib/trpc/root";

type Outputs = inferRouterOutputs<AppRouter>;
export type ConversationListRow = Outputs["inbox"]["list"]["conversations"][number];
export type Thread = Outputs["inbox"]["thread"];
export type ThreadEntry = Thread["items"][number];
export type InboxCounts = Outputs["inbox"]["counts"];
