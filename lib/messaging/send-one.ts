// Sends one message: the batch path with a batch of one, its error raised rather than returned.
//
// Single sends that arrive together (API requests of one org, a burst of auto-replies) share a
// batch: while one batch of an org is being written, the sends that arrive wait and then go in the
// next one together, one transaction for all of them instead of one each.
// Nothing waits for a timer: a send that finds its org idle is written at once. Each send still
// gets its own result (a refused one does not affect the others in its batch).
import { poolOf } from "@/lib/db/sql";
import type { Message } from "@/lib/messaging/message";
import { MAX_BATCH, type SendMessageInput } from "@/lib/messaging/message-input";
import { acceptMessages, type SendSource } from "@/lib/messaging/send-messages";
import type { OrgContext } from "@/lib/org-context";

interface Waiting {
  input: SendMessageInput;
  resolve: (message: Message) => void;
  reject: (error: unknown) => void;
}

// Sends of one org, source and actor on one database share a batch (the actor: the batch's audit
// rows name the context's); keyed by the pool, as each request has its own scoped client.
const lines = new WeakMap<object, Map<string, { ctx: OrgContext; waiting: Waiting[]; writing: boolean }>>();

export function sendOne(ctx: OrgContext, input: SendMessageInput, source: SendSource): Promise<Message> {
  const pool = poolOf(ctx.db);
  let byOrg = lines.get(pool);
  if (!byOrg) lines.set(pool, (byOrg = new Map()));
  const key = `${ctx.orgId}|${source}|${ctx.actor.type}|${ctx.actor.id ?? ""}`;
  let line = byOrg.get(key);
  if (!line) byOrg.set(key, (line = { ctx, waiting: [], writing: false }));
  const promise = new Promise<Message>((resolve, reject) => line.waiting.push({ input, resolve, reject }));
  if (!line.writing) void write(byOrg, key, source);
  return promise;
}

async function write(byOrg: Map<string, { ctx: OrgContext; waiting: Waiting[]; writing: boolean }>, key: string, source: SendSource) {
  const line = byOrg.get(key)!;
  line.writing = true;
  while (line.waiting.length > 0) {
    const batch = line.waiting.splice(0, MAX_BATCH);
    try {
      const { results, announced } = await acceptMessages(line.ctx, batch.map((w) => w.input), source);
      // The next batch is written while this one is announced; each send answers once its own is.
      const answer = () => results.forEach((result, i) => (result.ok ? batch[i]!.resolve(result.message) : batch[i]!.reject(result.error)));
      void announced.then(answer, answer);
    } catch (error) {
      for (const w of batch) w.reject(error);
    }
  }
  byOrg.delete(key);
}
