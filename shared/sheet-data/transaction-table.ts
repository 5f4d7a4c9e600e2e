import type { Transaction } from './types';

/** The optional fields of a transaction: what a row has besides client, day and amount. */
export type TransactionDetails = Pick<
  Transaction,
  | 'orderId'
  | 'profit'
  | 'manager'
  | 'channel'
  | 'category'
  | 'email'
  | 'phone'
  | 'nps'
  | 'complaint'
>;

/**
 * A transaction list as columns: entry `j` of every array is row `j`. The same facts as an array
 * of `Transaction` objects, held in a few typed arrays instead of an object per row, so a million
 * rows cost tens of megabytes and no garbage-collection work. Clients are small integers into
 * `clientKeys` / `clientNames`, so per-client work indexes arrays instead of hashing ids.
 *
 * `readDelimitedTransactions` reads delimited text straight into a table; `summariseTable` and
 * `xyzClassesOfTable` (shared/segmentation) compute on it, and the `Transaction[]` entry points
 * of segmentation build a table first, so both share one implementation of every rule.
 */
export interface TransactionTable {
  /** Number of rows. */
  readonly length: number;
  /**
   * Client of each row, an index into `clientKeys`. −1 marks a row the builder left out of the
   * client index because it falls on or after the as-of day the table was built for (see
   * `transactionTable` in shared/segmentation); analyses skip every such row anyway.
   */
  readonly client: Int32Array;
  /** Normalised client ids (trimmed, inner spaces collapsed, lower-cased), one per client. */
  readonly clientKeys: readonly string[];
  /** The spelling shown for each client: the first one in sheet order. */
  readonly clientNames: readonly string[];
  /**
   * Calendar day of each row (days since 1970-01-01). The file reader's tables hold whole days
   * only, in 32 bits; tables built from arbitrary rows keep them as given.
   */
  readonly day: Float64Array | Int32Array;
  /** Money amount of each row; negative for a refund. */
  readonly amount: Float64Array;
  /** 1-based sheet row each row came from. */
  readonly sheetRow: Int32Array;
  /** Order id, profit, manager, ... of each row, when the list has such columns. */
  readonly details?: readonly (TransactionDetails | undefined)[];
}

/**
 * The rows of a table as `Transaction` objects, in table order, for analyses that work on
 * objects (the retention analyses, the report). Rows left out of the client index (−1) are
 * left out here too.
 *
 * @example a table with one row (client 0 = 'ann'/'Ann', day 19794, amount 5, sheet row 2)
 *   gives [{ row: 2, clientKey: 'ann', clientName: 'Ann', day: 19794, amount: 5 }]
 */
export function transactionsOfTable(table: TransactionTable): Transaction[] {
  const rows: Transaction[] = [];
  for (let j = 0; j < table.length; j += 1) {
    const client = table.client[j] as number;
    if (client < 0) continue;
    const transaction: Transaction = {
      row: table.sheetRow[j] as number,
      clientKey: table.clientKeys[client] as string,
      clientName: table.clientNames[client] as string,
      day: table.day[j] as number,
      amount: table.amount[j] as number,
    };
    const details = table.details?.[j];
    rows.push(details === undefined ? transaction : { ...transaction, ...details });
  }
  return rows;
}

const tables = new WeakMap<readonly Transaction[], TransactionTable>();

/**
 * Remembers `table` as the columns of `transactions`: a table whose client index covers every
 * row, in the array's order, with `details` the array itself. `readSheet` leaves one for the
 * transactions it returns, so the analyses that work on a table need not hash every client id
 * again. Internal to the core; arrays are treated as immutable, as their `readonly` types say.
 */
export function rememberTransactionTable(
  transactions: readonly Transaction[],
  table: TransactionTable,
): void {
  tables.set(transactions, table);
}

/** The table remembered for `transactions`, if any and if the array still has its length. */
export function rememberedTransactionTable(
  transactions: readonly Transaction[],
): TransactionTable | undefined {
  const table = tables.get(transactions);
  return table !== undefined && table.length === transactions.length ? table : undefined;
}
