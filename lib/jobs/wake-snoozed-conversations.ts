// Once a minute, the conversations snoozed until a time now past open again (lib/conversations/wake-snoozed.ts).
import { wakeSnoozed } from "@/lib/conversations/wake-snoozed";
import { db } from "@/lib/db";
import { systemSqlTransaction } from "@/lib/db/sql";
import { inngest } from "@/lib/events/client";

export const wakeSnoozedConversationsJob = inngest.createFunction(
  { id: "wake-snoozed-conversations", name: "Wake snoozed conversations", triggers: [{ cron: "* * * * *" }], concurrency: { limit: 1 } },
  async ({ step }) => {
    const woken = await step.run("wake", () => systemSqlTransaction(db, (tx) => wakeSnoozed(tx)));
    return { woken: woken.length };
  },
);
