// Asks for a sender's dispatcher after messages for it were committed. Requests for one sender
// while one is on its way to the job server coalesce into a single next request, sent once the
// current one is done: every commit is still followed by a request sent after it (so a dispatcher
// run starts after it and sees its messages), but a sender taking thousands of API sends a second
// costs the job server a request per round trip rather than one per message.
import { emitEvents } from "@/lib/events/emit";
import { messagesDispatchRequested } from "@/lib/events/messaging";

const waiting = new Map<string, { orgId: string; resolvers: (() => void)[] }>();
const sending = new Set<string>();

export function requestDispatch(orgId: string, senderId: string): Promise<void> {
  return new Promise((resolve) => {
    const queued = waiting.get(senderId);
    if (queued) queued.resolvers.push(resolve);
    else waiting.set(senderId, { orgId, resolvers: [resolve] });
    if (!sending.has(senderId)) void send(senderId);
  });
}

async function send(senderId: string) {
  sending.add(senderId);
  for (let next = waiting.get(senderId); next; next = waiting.get(senderId)) {
    waiting.delete(senderId);
    await emitEvents([messagesDispatchRequested.create({ orgId: next.orgId, senderId })]); // logs, never throws
    for (const resolve of next.resolvers) resolve();
  }
  sending.delete(senderId);
}
