// Receipts come one deliver_sm each, often thousands a second after a campaign: they reach the
// sink in batches (one database transaction each), and each deliver_sm is answered only once its
// receipt is recorded, so a receipt we failed to record is delivered again by the SMSC.
import type { CarrierReceipt, CarrierSink } from "@/lib/carriers/carrier";
import { STATUS } from "@/lib/carriers/smpp/smpp-library";

const MAX_BATCH = 200;
const MAX_DELAY_MS = 10;

export class ReceiptBatch {
  private queue: { receipt: CarrierReceipt; answer: (status: number) => void }[] = [];
  private timer: NodeJS.Timeout | null = null;

  constructor(
    private readonly sink: CarrierSink,
    private readonly log: (message: string) => void,
  ) {}

  /** Resolves with the deliver_sm_resp status once the receipt is recorded (or failed to be). */
  add(receipt: CarrierReceipt): Promise<number> {
    return new Promise((answer) => {
      this.queue.push({ receipt, answer });
      if (this.queue.length >= MAX_BATCH) void this.flush();
      else this.timer ??= setTimeout(() => void this.flush(), MAX_DELAY_MS);
    });
  }

  private async flush() {
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    const batch = this.queue.splice(0);
    if (batch.length === 0) return;
    let status = STATUS.OK;
    try {
      await this.sink.receipts(batch.map((entry) => entry.receipt));
    } catch (error) {
      this.log(`${batch.length} receipts not recorded (the SMSC will deliver them again): ${(error as Error).message}`);
      status = STATUS.TEMPORARY_APP_ERROR;
    }
    for (const entry of batch) entry.answer(status);
  }
}
