import type { Transaction } from '../sheet-data/types';

/**
 * The client index of each transaction as `summariseCustomers` computed it (−1 for a row left out),
 * remembered per transaction array so `xyzClasses` on the same array need not hash every client id
 * again (a million string lookups cost more than the rest of XYZ). Internal to the segmentation
 * core; an array that was changed after summarising is detected by its length only, so callers
 * treat transaction arrays as immutable, as their `readonly` type says.
 */
export interface TransactionClientIndex {
  /** Rows on or after this day were left out (index −1); the index is valid only for it. */
  readonly asOfDay: number;
  readonly keys: readonly string[];
  readonly rowClient: Int32Array;
}

const cache = new WeakMap<readonly Transaction[], TransactionClientIndex>();

export function rememberTransactionClientIndex(
  transactions: readonly Transaction[],
  index: TransactionClientIndex,
): void {
  cache.set(transactions, index);
}

/** The remembered index, if there is one for this array and this as-of day. */
export function recallTransactionClientIndex(
  transactions: readonly Transaction[],
  asOfDay: number,
): TransactionClientIndex | undefined {
  const index = cache.get(transactions);
  return index && index.asOfDay === asOfDay && index.rowClient.length === transactions.length
    ? index
    : undefined;
}
