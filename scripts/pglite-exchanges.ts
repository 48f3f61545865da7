// pglite-socket 0.2.17 interleaves the messages of concurrent clients one by one, keeping a
// client's messages together only inside an explicit transaction. An extended-protocol query
// (Parse, Bind, Describe, Execute, Sync: every parameterised query of pg and Prisma) from one
// client can then run between another's Parse and Bind, which fails with "bind message supplies 3
// parameters, but prepared statement "" requires 1" or "unnamed prepared statement does not exist"
// as soon as two clients (the app's pool, the job executor) query at the same time. This keeps each
// client's exchange together until its Sync, as the queue already does for transactions.
import type { PGLiteSocketServer } from "@electric-sql/pglite-socket";

interface QueuedMessage {
  handlerId: number;
  message: Uint8Array;
  resolve(bytes: number): void;
  reject(error: unknown): void;
  onData(data: Uint8Array): void;
}

interface QueryQueue {
  queue: QueuedMessage[];
  processing: boolean;
  lastHandlerId: number | null;
  db: {
    isInTransaction(): boolean;
    runExclusive<T>(fn: () => Promise<T>): Promise<T>;
    execProtocolRawStream(message: Uint8Array, options: { onRawData(data: Uint8Array): void }): Promise<unknown>;
  };
  processQueue(): Promise<void>;
  clearQueueForHandler(handlerId: number): void;
}

// Messages that open or continue an exchange, and those that end one (Sync, Query, Terminate).
const EXCHANGE = new Set(["P", "B", "D", "E", "C", "H"].map((c) => c.charCodeAt(0)));
const END = new Set(["S", "Q", "X"].map((c) => c.charCodeAt(0)));

export function keepExchangesTogether(server: PGLiteSocketServer) {
  const queue = (server as unknown as { queryQueue: QueryQueue }).queryQueue;
  const open = new Set<number>();

  queue.processQueue = async function processQueue(this: QueryQueue) {
    if (this.processing || this.queue.length === 0) return;
    this.processing = true;
    try {
      while (this.queue.length > 0) {
        const last = this.lastHandlerId;
        const sticky = last !== null && (open.has(last) || this.db.isInTransaction());
        const index = sticky ? this.queue.findIndex((m) => m.handlerId === last) : 0;
        // The client in the middle of an exchange has not sent its next message yet: wait for it.
        if (index === -1) break;
        const [item] = this.queue.splice(index, 1) as [QueuedMessage];
        let bytes = 0;
        try {
          await this.db.runExclusive(() =>
            this.db.execProtocolRawStream(item.message, {
              onRawData: (data) => {
                bytes += data.length;
                item.onData(data);
              },
            }),
          );
        } catch (error) {
          open.delete(item.handlerId);
          item.reject(error);
          continue;
        }
        const type = item.message[0]!;
        if (EXCHANGE.has(type)) open.add(item.handlerId);
        else if (END.has(type)) open.delete(item.handlerId);
        this.lastHandlerId = item.handlerId;
        item.resolve(bytes);
      }
    } finally {
      this.processing = false;
    }
  };

  // A client that disconnects in the middle of an exchange must not hold up the others.
  const clear = queue.clearQueueForHandler.bind(queue);
  queue.clearQueueForHandler = (handlerId: number) => {
    clear(handlerId);
    if (open.delete(handlerId)) void queue.processQueue();
  };
}
