import type { CalendarDay } from '../calendar';
import { AnalyticsError } from '../errors';
import { ExactAccumulator } from '../math/exact-sum';
import type { Transaction } from '../sheet-data/types';
import { indicesInKeyOrder } from './key-order';
import { transactionTable } from './transaction-client-index';

/**
 * Per-client purchase histories for the retention analyses (lost clients, alerts, cohorts,
 * portfolios). Grouping is O(n) with a hash map plus a sort of each client's own rows, so the
 * whole pass is O(n log n) in the rows and never depends on the order the rows arrive in.
 *
 * Conventions shared by every retention analysis:
 * - Only rows strictly before the as-of day are seen (the as-of day is the first day *not*
 *   covered, as in user guide §3, Per-client numbers: days since the last purchase = as-of − last purchase day).
 * - A row with amount ≥ 0 is a purchase (0 covers free services), as in `summariseCustomers`;
 *   amount < 0 is a refund: it lowers revenue and is not a purchase.
 * - Purchases on the same day make one visit: intervals between purchases are measured between
 *   distinct purchase days, so two receipts on one day do not create a zero-day interval.
 * - The purchase count is the number of distinct order ids when rows carry one, else of rows.
 */
export interface ClientHistory {
  readonly clientKey: string;
  readonly clientName: string;
  /** The client's rows before the as-of day, ordered by day, then sheet row. */
  readonly transactions: readonly Transaction[];
  /** Distinct days with a purchase (amount ≥ 0), ascending. Empty for a refund-only client. */
  readonly purchaseDays: readonly CalendarDay[];
  /** Purchases: distinct order ids where present, each row without an order id counted alone. */
  readonly purchaseCount: number;
  /** Sum of all amounts, refunds included (exactly rounded). */
  readonly netRevenue: number;
}

/**
 * Groups transactions into per-client histories, sorted by client key.
 *
 * @param transactions normalised rows (`shared/sheet-data`); order does not matter.
 * @param asOf the first day not covered (CalendarDay); rows on or after it are left out.
 * @throws AnalyticsError `invalid_argument` when `asOf` is not a whole day or a row has a
 *   non-finite amount or a day that is not a whole number (its sheet row is named).
 * @example rows (a, day 5, 100), (a, day 5, 50, order 7), (a, day 9, −20) as of day 10 give one
 *   history: purchase days [5], purchase count 2, net revenue 130.
 */
export function clientHistories(
  transactions: readonly Transaction[],
  asOf: CalendarDay,
): ClientHistory[] {
  assertDay(asOf, 'asOf');
  // Pass 1: a small integer per client, so rows can be bucketed without an array per client:
  // the client index of the array's table (the one `readSheet` left, or one built as of `asOf`).
  for (const t of transactions) checkRow(t);
  const table = transactionTable(transactions, asOf);
  const keys = table.clientKeys;
  const rowClient = table.client;
  // The client of each row before `asOf`, −1 for the rest.
  const clientOf = (j: number): number =>
    (transactions[j] as Transaction).day < asOf ? (rowClient[j] as number) : -1;
  const counts = new Int32Array(keys.length);
  for (let j = 0; j < transactions.length; j += 1) {
    const client = clientOf(j);
    if (client >= 0) counts[client] = (counts[client] as number) + 1;
  }
  // Pass 2: clients with rows in key order; a counting sort places each client's rows in one
  // block.
  const order = indicesInKeyOrder(keys, (client) => counts[client] !== 0);
  const clientCount = order.length;
  const offsets = new Int32Array(clientCount + 1);
  const rankOf = new Int32Array(keys.length);
  order.forEach((client, rank) => {
    offsets[rank + 1] = (offsets[rank] as number) + (counts[client] as number);
    rankOf[client] = rank;
  });
  const fill = offsets.slice(0, clientCount);
  const ordered = new Array<Transaction>(offsets[clientCount] as number);
  for (let j = 0; j < transactions.length; j += 1) {
    const client = clientOf(j);
    if (client < 0) continue;
    const rank = rankOf[client] as number;
    ordered[fill[rank] as number] = transactions[j] as Transaction;
    fill[rank] = (fill[rank] as number) + 1;
  }
  // Pass 3: each block by day, then sheet row (already so when the sheet is in date order).
  const result: ClientHistory[] = new Array<ClientHistory>(clientCount);
  for (let rank = 0; rank < clientCount; rank += 1) {
    const rows = ordered.slice(offsets[rank], offsets[rank + 1]);
    if (!isInDayOrder(rows)) rows.sort((a, b) => a.day - b.day || a.row - b.row);
    result[rank] = buildHistory(keys[order[rank] ?? 0] ?? '', rows);
  }
  return result;
}

function checkRow(t: Transaction): void {
  if (!Number.isInteger(t.day)) {
    throw new AnalyticsError('invalid_argument', `Row ${t.row}: the date is not a whole day.`, {
      row: t.row,
    });
  }
  if (!Number.isFinite(t.amount)) {
    throw new AnalyticsError('invalid_argument', `Row ${t.row}: the amount is not a number.`, {
      row: t.row,
    });
  }
}

function isInDayOrder(rows: readonly Transaction[]): boolean {
  for (let i = 1; i < rows.length; i += 1) {
    const a = rows[i - 1] as Transaction;
    const b = rows[i] as Transaction;
    if (a.day > b.day || (a.day === b.day && a.row > b.row)) return false;
  }
  return true;
}

function buildHistory(clientKey: string, rows: readonly Transaction[]): ClientHistory {
  const purchaseDays: CalendarDay[] = [];
  let orderIds: Set<string> | undefined;
  let rowsWithoutOrder = 0;
  const revenue = new ExactAccumulator();
  let clientName = rows[0]?.clientName ?? clientKey;
  let firstRow = Infinity;
  for (const t of rows) {
    revenue.add(t.amount);
    if (t.row < firstRow) {
      firstRow = t.row;
      clientName = t.clientName;
    }
    if (t.amount < 0) continue;
    if (purchaseDays[purchaseDays.length - 1] !== t.day) purchaseDays.push(t.day);
    if (t.orderId !== undefined && t.orderId !== '')
      (orderIds ??= new Set<string>()).add(t.orderId);
    else rowsWithoutOrder += 1;
  }
  return {
    clientKey,
    clientName,
    transactions: rows,
    purchaseDays,
    purchaseCount: (orderIds?.size ?? 0) + rowsWithoutOrder,
    netRevenue: revenue.value(),
  };
}

/** Intervals in days between consecutive distinct purchase days. */
export function purchaseIntervalsDays(purchaseDays: readonly CalendarDay[]): number[] {
  const intervals: number[] = [];
  for (let i = 1; i < purchaseDays.length; i += 1) {
    intervals.push((purchaseDays[i] ?? 0) - (purchaseDays[i - 1] ?? 0));
  }
  return intervals;
}

/** Plain code-unit order, the same in every locale and host. */
export function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** @throws AnalyticsError `invalid_argument` unless `value` is a whole number. */
export function assertDay(value: number, name: string): void {
  if (!Number.isInteger(value)) {
    throw new AnalyticsError(
      'invalid_argument',
      `${name} must be a calendar day (a whole number).`,
      {
        [name]: value,
      },
    );
  }
}

/** @throws AnalyticsError `invalid_argument` unless `value` is finite and at least `min`. */
export function assertNumberAtLeast(value: number, min: number, name: string): void {
  if (!Number.isFinite(value) || value < min) {
    throw new AnalyticsError('invalid_argument', `${name} must be a number of at least ${min}.`, {
      [name]: value,
    });
  }
}

/** Drops `undefined` values so they do not override defaults under exactOptionalPropertyTypes. */
export function definedOnly<T extends object>(options: T): Partial<T> {
  const out: Partial<T> = {};
  for (const [key, value] of Object.entries(options)) {
    if (value !== undefined) (out as Record<string, unknown>)[key] = value;
  }
  return out;
}
