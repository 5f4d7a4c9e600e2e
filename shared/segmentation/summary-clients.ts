import type { TransactionTable } from '../sheet-data/transaction-table';
import type { CustomerSummary, RowGroups } from './customer-summary';

interface SummarySource {
  readonly table: TransactionTable;
  /** For each summary, the index of its client in `table`. */
  readonly clientOfSummary: Int32Array;
  /** For each summary, its client's rows before the as-of day (`SummaryColumns.rowGroups`). */
  readonly rowGroups: RowGroups;
}

/**
 * Which table a summary array was computed from, remembered so `xyzClassesOfTable` on the same
 * pair maps table clients to summaries without hashing every client key again, and takes the
 * rows already grouped by client. Internal to the
 * segmentation core; arrays are treated as immutable, as their `readonly` types say.
 */
const sources = new WeakMap<readonly CustomerSummary[], SummarySource>();

export function rememberSummaryClients(
  summaries: readonly CustomerSummary[],
  table: TransactionTable,
  clientOfSummary: Int32Array,
  rowGroups: RowGroups,
): void {
  sources.set(summaries, { table, clientOfSummary, rowGroups });
}

/** The rows of each summary grouped when `summaries` were computed from `table`, if they were. */
export function summaryRowGroups(
  table: TransactionTable,
  summaries: readonly CustomerSummary[],
): RowGroups | undefined {
  const source = sources.get(summaries);
  return source !== undefined && source.table === table ? source.rowGroups : undefined;
}

/**
 * For each client of `table`, the index of its summary in `summaries` (−1 when it has none).
 * Summaries computed from this very table are matched through the remembered positions, others
 * by client key.
 *
 * @example summaries [b, a] and a table with clientKeys ['a', 'b', 'c'] give [1, 0, −1]
 */
export function summaryIndexOfClients(
  table: TransactionTable,
  summaries: readonly CustomerSummary[],
): Int32Array {
  const source = sources.get(summaries);
  if (source !== undefined && source.table === table) {
    return positionsOfClients(source.clientOfSummary, table.clientKeys.length);
  }
  const result = new Int32Array(table.clientKeys.length).fill(-1);
  const indexByKey = new Map<string, number>();
  summaries.forEach((s, i) => indexByKey.set(s.clientKey, i));
  table.clientKeys.forEach((key, client) => {
    result[client] = indexByKey.get(key) ?? -1;
  });
  return result;
}

/**
 * The inverse of a list of table clients: for each of `clientCount` clients its position in
 * `clients`, −1 for a client not in the list.
 *
 * @example positionsOfClients(Int32Array.of(2, 0), 3) gives [1, −1, 0]
 */
export function positionsOfClients(clients: Int32Array, clientCount: number): Int32Array {
  const positions = new Int32Array(clientCount).fill(-1);
  clients.forEach((client, position) => {
    positions[client] = position;
  });
  return positions;
}
