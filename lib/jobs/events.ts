// Every event the app sends or handles, each defined once with the SDK's eventType() and the zod
// schema of its data. The same object is a function's trigger (which types `event.data`) and what
// a sender creates, validated before it is sent:
//
//   export const messageQueued = eventType("message/queued", {
//     schema: z.object({ messageId: z.string().startsWith("msg_"), orgId: z.string() }),
//   });
//   inngest.createFunction({ id: "dispatch-messages", triggers: [messageQueued] }, handler);
//   await inngest.send(messageQueued.create({ messageId, orgId }));
//
// No feature sends events yet: the first ones arrive with message dispatch (see ARCHITECTURE.md).
export {};
