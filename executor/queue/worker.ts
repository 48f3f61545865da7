// The worker of one executor process: claims due rows up to its concurrency, runs each in a
// slot (a call may continue straight into the run's next call), renews the leases of rows in
// flight, and sleeps until woken (new local work), the next local timer, or the poll interval
// (work queued by other processes, or left by one that died).
import { randomUUID } from "node:crypto";
import type { Ctx } from "../context.ts";
import { handleCall } from "../driver/handle-call.ts";
import { claim, releaseLeases, renewLeases } from "./claim.ts";
import type { QueueItem } from "./item.ts";
import { handleTimer } from "./timers.ts";

export class Worker {
  private running = false;
  private busy = 0;
  private readonly inFlight = new Map<string, { token: string; abort: AbortController }>();
  private pumping: Promise<void> | null = null;
  private pumpAgain = false;
  private timer: NodeJS.Timeout | null = null;
  private timerAt = Infinity;
  private heartbeat: NodeJS.Timeout | null = null;
  private drained: (() => void) | null = null;

  constructor(private readonly ctx: Ctx) {}

  start() {
    this.running = true;
    this.heartbeat = setInterval(() => void this.renew(), Math.max(100, Math.floor(this.ctx.options.leaseMs / 3)));
    this.wake(0);
  }

  /** There is (or will be, in `delayMs`) work: look for it then. */
  wake(delayMs = 0) {
    if (!this.running) return;
    const at = Date.now() + Math.max(0, delayMs);
    if (at >= this.timerAt) return;
    if (this.timer) clearTimeout(this.timer);
    this.timerAt = at;
    this.timer = setTimeout(() => {
      this.timer = null;
      this.timerAt = Infinity;
      if (this.pumping) this.pumpAgain = true;
      else this.pumping = this.pump().finally(() => (this.pumping = null));
    }, Math.max(0, delayMs));
  }

  private async pump() {
    try {
      do {
        this.pumpAgain = false;
        const free = this.ctx.options.concurrency - this.busy;
        if (free <= 0) break;
        const items = await claim(this.ctx, free, randomUUID());
        for (const item of items) void this.runSlot(item);
        if (items.length === free) this.pumpAgain = true;
      } while (this.pumpAgain && this.running);
    } catch (error) {
      if (this.running) this.ctx.log.error("claiming work failed", error);
    }
    this.wake(this.ctx.options.pollMs);
  }

  private async runSlot(first: QueueItem) {
    this.busy++;
    let item: QueueItem | null = first;
    try {
      while (item) {
        const abort = new AbortController();
        this.inFlight.set(item.id, { token: item.leaseToken, abort });
        let next: QueueItem | null = null;
        try {
          next = item.kind === "CALL" ? await handleCall(this.ctx, item, abort.signal) : await handleTimer(this.ctx, item);
        } catch (error) {
          this.ctx.log.error(`${item.kind} ${item.id} (run ${item.runId ?? "-"}) failed; it is retried when its lease expires`, error);
        } finally {
          this.inFlight.delete(item.id);
        }
        if (next && !this.running) await releaseLeases(this.ctx, [next.id], [next.leaseToken]).catch(() => {});
        item = this.running ? next : null;
      }
    } finally {
      this.busy--;
      if (this.running) this.wake(0);
      else if (this.busy === 0) this.drained?.();
    }
  }

  private async renew() {
    if (this.inFlight.size === 0) return;
    const entries = [...this.inFlight.entries()];
    try {
      const held = await renewLeases(this.ctx, entries.map(([id]) => id), [...new Set(entries.map(([, e]) => e.token))]);
      for (const [id, entry] of entries) if (!held.has(id) && this.inFlight.get(id) === entry) entry.abort.abort();
    } catch (error) {
      this.ctx.log.error("renewing leases failed", error);
    }
  }

  /** Stops claiming; waits up to `graceMs` for calls in flight, then aborts them and gives their rows back. */
  async stop(graceMs = 5_000) {
    this.running = false;
    if (this.timer) clearTimeout(this.timer);
    if (this.heartbeat) clearInterval(this.heartbeat);
    await this.pumping;
    if (this.busy > 0) {
      await Promise.race([new Promise<void>((resolve) => (this.drained = resolve)), new Promise((resolve) => setTimeout(resolve, graceMs))]);
    }
    const left = [...this.inFlight.entries()];
    for (const [, entry] of left) entry.abort.abort();
    await releaseLeases(this.ctx, left.map(([id]) => id), left.map(([, e]) => e.token)).catch(() => {});
  }
}
