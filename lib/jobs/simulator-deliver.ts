// The simulator's delivery receipts, reported when the simulated network would have delivered.
import { db } from "@/lib/db";
import { inngest } from "@/lib/events/client";
import { simulatorReceiptsDue } from "@/lib/events/simulator";
import { recordReceipts } from "@/lib/messaging/record-receipt";

export const simulatorDeliverJob = inngest.createFunction(
  { id: "simulator-deliver", name: "Simulator: delivery receipts", triggers: [simulatorReceiptsDue] },
  async ({ event, step }) => {
    const { connectionId, dueAt, receipts } = event.data;
    if (new Date(dueAt).getTime() > Date.now()) await step.sleepUntil("until-delivered", dueAt);
    await step.run("record-receipts", () =>
      recordReceipts(db, connectionId, receipts.map((r) => ({ ...r, occurredAt: new Date(dueAt) }))),
    );
    return { receipts: receipts.length };
  },
);
