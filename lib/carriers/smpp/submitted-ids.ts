// Receipts name a part by the SMSC's message id, but not always as submit_sm_resp wrote it: some
// SMSCs answer the submit in hex and write the receipt in decimal, others the other way round, some
// differ in case or leading zeros. This index of recently submitted ids finds the id as the submit
// gave it (the one stored as the part's carrierMessageId) for an id as a receipt gives it. Ids a
// receipt repeats to the letter need no index, and ids that are not numbers have no other notation:
// only numeric ids are kept, by value.

const HEX = /^[0-9a-f]+$/i;
const DECIMAL = /^[0-9]+$/;

function hexValue(id: string): string | null {
  return HEX.test(id) && id.length <= 32 ? BigInt(`0x${id}`).toString() : null;
}

function decimalValue(id: string): string | null {
  return DECIMAL.test(id) && id.length <= 40 ? BigInt(id).toString() : null;
}

export class SubmittedIds {
  private readonly byKey = new Map<string, string>();

  /** Keeps about the last `capacity` ids (a receipt normally comes within minutes, rarely days). */
  constructor(private readonly capacity = 100_000) {}

  add(id: string) {
    const hex = hexValue(id);
    if (hex) this.set(`x${hex}`, id);
    const dec = decimalValue(id);
    if (dec) this.set(`d${dec}`, id);
  }

  /**
   * The submitted id a receipt's id stands for: the same number in the same notation (whatever the
   * case or leading zeros), else the same number in the other notation; the receipt's id itself when
   * no submitted id matches (the same text, or one from before this process started).
   */
  find(receiptId: string): string {
    const dec = decimalValue(receiptId);
    const hex = hexValue(receiptId);
    const keys = [dec && `d${dec}`, hex && `x${hex}`, dec && `x${dec}`, hex && `d${hex}`];
    for (const key of keys) {
      const id = key ? this.byKey.get(key) : undefined;
      if (id !== undefined) return id;
    }
    return receiptId;
  }

  private set(key: string, id: string) {
    this.byKey.delete(key);
    this.byKey.set(key, id);
    // Map iterates in insertion order: the first key is the oldest.
    while (this.byKey.size > this.capacity * 2) this.byKey.delete(this.byKey.keys().next().value!);
  }
}
