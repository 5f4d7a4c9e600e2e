import { rememberedTransactionTable, type TransactionTable } from '../sheet-data/transaction-table';
import type { Transaction } from '../sheet-data/types';

/**
 * The client index of each transaction as `transactionTable` built it (−1 for a row left out),
 * remembered per transaction array (and derived for `rowsFromDay`'s subsets) so the analyses on
 * the same array need not hash every client id again. Internal to the segmentation
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

function rememberTransactionClientIndex(
  transactions: readonly Transaction[],
  index: TransactionClientIndex,
): void {
  cache.set(transactions, index);
}

/** The remembered index, if there is one for this array and this as-of day. */
function recallTransactionClientIndex(
  transactions: readonly Transaction[],
  asOfDay: number,
): TransactionClientIndex | undefined {
  const index = cache.get(transactions);
  return index && index.asOfDay === asOfDay && index.rowClient.length === transactions.length
    ? index
    : undefined;
}

/**
 * The rows of `transactions` dated on or after `fromDay`, as a new array. When `transactions` has
 * a remembered index that covers every row before `asOfDay`, the new array gets its own index for
 * `asOfDay`, derived without hashing a client id.
 */
export function rowsFromDay(
  transactions: readonly Transaction[],
  fromDay: number,
  asOfDay: number,
): Transaction[] {
  const parent = cache.get(transactions);
  const usable =
    parent !== undefined &&
    parent.asOfDay >= asOfDay &&
    parent.rowClient.length === transactions.length;
  if (!usable) return transactions.filter((t) => t.day >= fromDay);
  const rows: Transaction[] = [];
  const clientRows = new Int32Array(transactions.length);
  const subsetIndexOf = new Int32Array(parent.keys.length).fill(-1);
  const keys: string[] = [];
  for (let j = 0; j < transactions.length; j += 1) {
    const t = transactions[j] as Transaction;
    if (!(t.day >= fromDay)) continue;
    const at = rows.length;
    rows.push(t);
    const client = parent.rowClient[j] as number;
    if (!(t.day < asOfDay) || client < 0) {
      clientRows[at] = -1;
      continue;
    }
    let index = subsetIndexOf[client] as number;
    if (index < 0) {
      index = keys.length;
      subsetIndexOf[client] = index;
      keys.push(parent.keys[client] as string);
    }
    clientRows[at] = index;
  }
  cache.set(rows, { asOfDay, keys, rowClient: clientRows.slice(0, rows.length) });
  return rows;
}

const tables = new WeakMap<
  readonly Transaction[],
  TransactionTable & { readonly asOfDay: number }
>();

/**
 * `transactions` as a `TransactionTable` for the analyses as of `asOfDay`: the table `readSheet`
 * left for the array when there is one (it indexes every row, which serves any as-of day), else
 * one whose client index covers the rows before `asOfDay` (rows on or after it get client −1;
 * pass `Infinity` to index every row), clients numbered in order of first appearance, a client's
 * shown name the client name of its lowest sheet row. A built table is remembered per array and
 * as-of day, so summarising and then classifying the same array builds it once; an index
 * `clientHistories` left for the array saves hashing the ids.
 *
 * @example rows (a, day 10), (b, day 30), (a, day 20) built as of day 25 give client [0, −1, 0]
 *   and clientKeys ['a'].
 */
export function transactionTable(
  transactions: readonly Transaction[],
  asOfDay: number,
): TransactionTable {
  // A table that indexes every row (as `readSheet` leaves one) serves any as-of day: the
  // analyses skip the rows on or after it by their day.
  const read = rememberedTransactionTable(transactions);
  if (read) return read;
  const cached = tables.get(transactions);
  if (cached && cached.asOfDay === asOfDay && cached.length === transactions.length) return cached;
  const n = transactions.length;
  const remembered = recallTransactionClientIndex(transactions, asOfDay);
  let keys: string[];
  let rowClient: Int32Array;
  if (remembered) {
    keys = [...remembered.keys];
    rowClient = remembered.rowClient;
  } else {
    const indexByKey = new Map<string, number>();
    keys = [];
    rowClient = new Int32Array(n);
    for (let j = 0; j < n; j += 1) {
      const t = transactions[j] as Transaction;
      // A NaN day is not ≥ asOf: it stays in the index, where the analyses report it.
      if (t.day >= asOfDay) {
        rowClient[j] = -1;
        continue;
      }
      let index = indexByKey.get(t.clientKey);
      if (index === undefined) {
        index = keys.length;
        indexByKey.set(t.clientKey, index);
        keys.push(t.clientKey);
      }
      rowClient[j] = index;
    }
    if (Number.isFinite(asOfDay)) {
      rememberTransactionClientIndex(transactions, { asOfDay, keys, rowClient });
    }
  }
  const day = new Float64Array(n);
  const amount = new Float64Array(n);
  const sheetRow = new Int32Array(n);
  const nameRow = new Float64Array(keys.length).fill(Infinity);
  const names = new Array<string>(keys.length).fill('');
  for (let j = 0; j < n; j += 1) {
    const t = transactions[j] as Transaction;
    day[j] = t.day;
    amount[j] = t.amount;
    sheetRow[j] = t.row;
    const client = rowClient[j] as number;
    if (client >= 0 && t.row < (nameRow[client] as number)) {
      nameRow[client] = t.row;
      names[client] = t.clientName;
    }
  }
  const table = {
    length: n,
    client: rowClient,
    clientKeys: keys,
    clientNames: names,
    day,
    amount,
    sheetRow,
    // Each transaction object carries its own optional fields.
    details: transactions,
    asOfDay,
  };
  tables.set(transactions, table);
  return table;
}
