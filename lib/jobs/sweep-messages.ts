import { db } from "@/lib/db";
import { inngest } from "@/lib/events/client";
import { messagesDispatchRequested } from "@/lib/events/messaging";
import { sweepMessages } from "@/lib/messaging/sweep-messages";
import { recoverSimulatorReceipts } from "@/lib/simulator/recover-receipts";

export const sweepMessagesJob = inngest.createFunction(
  { id: "sweep-messages", name: "Messaging safety net", triggers: [{ cron: "* * * * *" }], concurrency: { limit: 1 } },
  async ({ step }) => {
    const result = await step.run("sweep", () => sweepMessages(db));
    if (result.senders.length > 0) {
      await step.sendEvent("dispatch", result.senders.map((s) => messagesDispatchRequested.create(s)));
    }
    // Receipts the simulator owed for messages whose receipts event died with its process.
    const recoveredReceipts = await step.run("simulator-receipts", () => recoverSimulatorReceipts(db));
    return { ...result, senders: result.senders.length, recoveredReceipts };
  },
);
