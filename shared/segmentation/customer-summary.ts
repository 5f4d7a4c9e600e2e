import type { CalendarDay } from '../calendar';
import { AnalyticsError } from '../errors';
import { ExactSums } from '../math/exact-sum';
import type { TransactionTable } from '../sheet-data/transaction-table';
import type { Transaction } from '../sheet-data/types';
import { indicesInKeyOrder } from './key-order';
import { rememberSummaryClients } from './summary-clients';
import { transactionTable } from './transaction-client-index';

/**
 * One client's purchase history condensed for RFM, ABC and XYZ.
 *
 * A row with amount < 0 is a refund: it lowers `totalRevenue` and is not a purchase. A row with
 * amount ≥ 0 is a purchase (0 covers free services). A client whose rows are all refunds is kept
 * (its money is real) with `purchaseCount` 0 and `null` purchase days; RFM ranks it worst on every
 * measure, ABC puts it in C and XYZ in Z.
 */
export interface CustomerSummary {
  /** Normalised id (trimmed, inner spaces collapsed, lower-cased): the join key. */
  readonly clientKey: string;
  /** Spelling for display: the client name of the client's lowest sheet row. */
  readonly clientName: string;
  /**
   * Day of the first purchase (refunds excluded); `null` for a refund-only client, and when unknown:
   * a client-list row without a first purchase date.
   */
  readonly firstPurchaseDay: CalendarDay | null;
  /** Day of the last purchase (refunds excluded); `null` for a refund-only client. */
  readonly lastPurchaseDay: CalendarDay | null;
  /** `asOfDay − lastPurchaseDay` in days (≥ 1 by default); `null` for a refund-only client. */
  readonly daysSinceLastPurchase: number | null;
  /** Distinct order ids among purchase rows; each purchase row without an order id counts 1. */
  readonly purchaseCount: number;
  /** Refund rows (amount < 0). */
  readonly refundCount: number;
  /**
   * Sum of all amounts, refunds included, in the sheet's currency; exactly rounded, so the row
   * order does not change it.
   */
  readonly totalRevenue: number;
  /** Sum of the profit column over the client's rows that have one; absent when none has. */
  readonly totalProfit?: number;
  /** Manager of the client's earliest row that names one (by day, then sheet row). */
  readonly manager?: string;
  /** Channel of the client's earliest row that names one (by day, then sheet row). */
  readonly channel?: string;
  /** The as-of day used: rows on or after it are outside the analysis. */
  readonly asOfDay: CalendarDay;
}

export interface CustomerSummaryOptions {
  /**
   * The day the analysis stands on; rows dated on or after it are left out (they had not happened
   * yet), and clients with no row before it do not appear. Default: the day after the latest
   * purchase in the data (or after the latest row when there is no purchase at all).
   */
  readonly asOf?: CalendarDay;
}

export interface CustomerSummaryResult {
  readonly customers: CustomerSummary[];
  readonly asOfDay: CalendarDay;
  /** How many transactions were dated on or after `asOfDay` and left out. */
  readonly transactionsAfterAsOf: number;
}

/**
 * Per-client summary of a transaction list, sorted by `clientKey` (code-unit order) so the result
 * never depends on row order. Definitions per user guide §3, Per-client numbers:
 * daysSinceLastPurchase = as-of day − last purchase day; purchaseCount = distinct order ids when
 * present, else rows; refunds (amount < 0) lower revenue and are not purchases. Runs in
 * O(n + k log k) for n rows and k clients.
 *
 * Parameters: `transactions` as produced by `readSheet`; `options.asOf` a calendar day.
 * Throws `AnalyticsError('invalid_argument')` for a transaction with a non-finite amount or day,
 * or a non-integer `asOf`; `AnalyticsError('empty_input')` for no transactions and no `asOf` (with
 * an `asOf`, no transactions give an empty list).
 *
 * Example: rows (a, day 10, 100), (a, day 20, 50), (b, day 15, −30) give, as of day 21,
 * a: purchaseCount 2, totalRevenue 150, daysSinceLastPurchase 1; b: purchaseCount 0,
 * refundCount 1, totalRevenue −30, daysSinceLastPurchase null.
 */
export function summariseCustomers(
  transactions: readonly Transaction[],
  options: CustomerSummaryOptions = {},
): CustomerSummary[] {
  return summariseCustomersDetailed(transactions, options).customers;
}

/** As `summariseCustomers`, also telling the as-of day used and how many rows fell after it. */
export function summariseCustomersDetailed(
  transactions: readonly Transaction[],
  options: CustomerSummaryOptions = {},
): CustomerSummaryResult {
  const asOfDay = checkedAsOf(options.asOf ?? defaultAsOfDay(transactions));
  return summariseTable(transactionTable(transactions, asOfDay), { asOf: asOfDay });
}

/**
 * `summariseCustomersDetailed` on a transaction table (`readDelimitedTransactions` reads files
 * straight into one): the summaries of `summaryColumnsOfTable`, one object per client. The
 * `Transaction[]` entry points reach it through `transactionTable`. Same definitions, result and
 * errors; rows whose client is −1 are skipped (they lie on or after the as-of day the table was
 * built for).
 *
 * @example the table of rows (a, day 10, 100), (a, day 20, 50), (b, day 15, −30) as of day 21
 *   gives the summaries of the `summariseCustomers` example.
 */
export function summariseTable(
  table: TransactionTable,
  options: CustomerSummaryOptions = {},
): CustomerSummaryResult {
  const columns = summaryColumnsOfTable(table, options);
  const { asOfDay, clients, firstPurchaseDay, lastPurchaseDay, totalProfit } = columns;
  const details = table.details;
  const customers: CustomerSummary[] = [];
  for (let i = 0; i < clients.length; i += 1) {
    const client = clients[i] as number;
    const first = firstPurchaseDay[i] as number;
    const last = lastPurchaseDay[i] as number;
    const hasPurchase = first === first;
    const summary: {
      -readonly [K in keyof CustomerSummary]: CustomerSummary[K];
    } = {
      clientKey: table.clientKeys[client] as string,
      clientName: table.clientNames[client] as string,
      firstPurchaseDay: hasPurchase ? first : null,
      lastPurchaseDay: hasPurchase ? last : null,
      daysSinceLastPurchase: hasPurchase ? asOfDay - last : null,
      purchaseCount: columns.purchaseCount[i] as number,
      refundCount: columns.refundCount[i] as number,
      totalRevenue: columns.totalRevenue[i] as number,
      asOfDay,
    };
    const profit = totalProfit?.[i];
    if (profit !== undefined && profit === profit) summary.totalProfit = profit;
    const managerName = details?.[columns.managerRow?.[i] ?? -1]?.manager;
    if (managerName !== undefined) summary.manager = managerName;
    const channelName = details?.[columns.channelRow?.[i] ?? -1]?.channel;
    if (channelName !== undefined) summary.channel = channelName;
    customers.push(summary);
  }
  rememberSummaryClients(customers, table, clients, columns.rowGroups);
  return { customers, asOfDay, transactionsAfterAsOf: columns.transactionsAfterAsOf };
}

/**
 * The per-client numbers of a transaction table as columns: position i is the i-th client in
 * `clientKey` order (code-unit order), as `summariseTable` lists them. A day that does not exist
 * (a refund-only client's purchase days) is NaN.
 */
export interface SummaryColumns {
  readonly asOfDay: CalendarDay;
  /** How many rows were dated on or after `asOfDay` and left out. */
  readonly transactionsAfterAsOf: number;
  /** The table's client index of each position. */
  readonly clients: Int32Array;
  readonly firstPurchaseDay: Float64Array;
  readonly lastPurchaseDay: Float64Array;
  readonly purchaseCount: Float64Array;
  readonly refundCount: Float64Array;
  readonly totalRevenue: Float64Array;
  /** Present when some row has a profit; NaN for a client none of whose rows has one. */
  readonly totalProfit?: Float64Array;
  /** Present when some row names a manager: the table row naming the client's, −1 for none. */
  readonly managerRow?: Int32Array;
  /** As `managerRow`, for the channel. */
  readonly channelRow?: Int32Array;
  /** The table rows before the as-of day of each position, in table order. */
  readonly rowGroups: RowGroups;
}

/**
 * Rows by position: position i's are `rows[from[i]]` … `rows[from[i + 1] − 1]`, and `day[r]`,
 * `amount[r]` are row `rows[r]`'s day and amount, copied in that order so that a pass over the
 * groups reads them one after the other instead of jumping about a large table.
 */
export interface RowGroups {
  readonly from: Int32Array;
  readonly rows: Int32Array;
  readonly day: Float64Array;
  readonly amount: Float64Array;
}

/**
 * The one implementation of the summary rules (user guide §3, Per-client numbers; see
 * `summariseCustomers`), on a transaction table, giving columns rather than an object per client:
 * the segmentation of a file of a million rows works on these. Same errors as `summariseTable`.
 * The rows are first grouped by client (a counting sort, in key order), so each client's numbers
 * are summed from its own rows in table order. O(n + k log k) for n rows and k clients.
 *
 * @example the table of rows (a, day 10, 100), (a, day 20, 50), (b, day 15, −30) as of day 21
 *   gives purchaseCount [2, 0], totalRevenue [150, −30], lastPurchaseDay [20, NaN].
 */
export function summaryColumnsOfTable(
  table: TransactionTable,
  options: CustomerSummaryOptions = {},
): SummaryColumns {
  const asOfDay = checkedAsOf(options.asOf ?? defaultAsOfDayOfTable(table));
  const { details } = table;
  const { clients, transactionsAfterAsOf, rowGroups } = rowsByClient(table, asOfDay);
  const { from, rows, day: days, amount: amounts } = rowGroups;
  const count = clients.length;
  const firstPurchaseDay = new Float64Array(count);
  const lastPurchaseDay = new Float64Array(count);
  const purchaseCount = new Float64Array(count);
  const refundCount = new Float64Array(count);
  const totalRevenue = new Float64Array(count);
  let totalProfit: Float64Array | undefined;
  let managerRow: Int32Array | undefined;
  let channelRow: Int32Array | undefined;
  // One client's revenue (slot 0) and profit (slot 1).
  const sums = new ExactSums(2);
  const orderIds = new Set<string>();
  for (let i = 0; i < count; i += 1) {
    let first = Infinity;
    let last = -Infinity;
    let purchaseRows = 0;
    let refunds = 0;
    let hasProfit = false;
    let manager = -1;
    let channel = -1;
    sums.clearAll();
    // `clear` builds a new table even for an empty set.
    if (orderIds.size > 0) orderIds.clear();
    for (let r = from[i] as number; r < (from[i + 1] as number); r += 1) {
      const day = days[r] as number;
      const amount = amounts[r] as number;
      sums.add(0, amount);
      if (details === undefined) {
        if (amount < 0) {
          refunds += 1;
        } else {
          if (day < first) first = day;
          if (day > last) last = day;
          purchaseRows += 1;
        }
        continue;
      }
      const j = rows[r] as number;
      const detail = details[j];
      if (amount < 0) {
        refunds += 1;
      } else {
        if (day < first) first = day;
        if (day > last) last = day;
        const orderId = detail?.orderId;
        if (orderId === undefined || orderId === '') purchaseRows += 1;
        else orderIds.add(orderId);
      }
      if (detail === undefined) continue;
      const profit = detail.profit;
      if (profit !== undefined && Number.isFinite(profit)) {
        sums.add(1, profit);
        hasProfit = true;
      }
      // The earliest row naming a manager / channel, by day, then sheet row.
      if (detail.manager !== undefined && detail.manager !== '') {
        if (manager < 0 || earlierRow(table, j, manager)) manager = j;
      }
      if (detail.channel !== undefined && detail.channel !== '') {
        if (channel < 0 || earlierRow(table, j, channel)) channel = j;
      }
    }
    const hasPurchase = first !== Infinity;
    firstPurchaseDay[i] = hasPurchase ? first : NaN;
    lastPurchaseDay[i] = hasPurchase ? last : NaN;
    purchaseCount[i] = purchaseRows + orderIds.size;
    refundCount[i] = refunds;
    totalRevenue[i] = sums.value(0);
    if (hasProfit) {
      totalProfit ??= new Float64Array(count).fill(NaN);
      totalProfit[i] = sums.value(1);
    }
    if (manager >= 0) {
      managerRow ??= new Int32Array(count).fill(-1);
      managerRow[i] = manager;
    }
    if (channel >= 0) {
      channelRow ??= new Int32Array(count).fill(-1);
      channelRow[i] = channel;
    }
  }
  const columns: { -readonly [K in keyof SummaryColumns]: SummaryColumns[K] } = {
    asOfDay,
    transactionsAfterAsOf,
    clients,
    firstPurchaseDay,
    lastPurchaseDay,
    purchaseCount,
    refundCount,
    totalRevenue,
    rowGroups,
  };
  if (totalProfit) columns.totalProfit = totalProfit;
  if (managerRow) columns.managerRow = managerRow;
  if (channelRow) columns.channelRow = channelRow;
  return columns;
}

/**
 * The clients with rows before `asOfDay` in key order, and their rows grouped in that order (a
 * counting sort: one pass counts, one places), with the rows on or after `asOfDay` counted.
 * Throws for a row with a non-finite day or amount, as `summariseTable`.
 */
function rowsByClient(
  table: TransactionTable,
  asOfDay: CalendarDay,
): { clients: Int32Array; transactionsAfterAsOf: number; rowGroups: RowGroups } {
  const { client: rowClient, day: days, amount: amounts, sheetRow: sheetRows } = table;
  const n = table.length;
  const keys = table.clientKeys;
  const rowsOfClient = new Int32Array(keys.length);
  let transactionsAfterAsOf = 0;
  for (let j = 0; j < n; j += 1) {
    const day = days[j] as number;
    if (!Number.isFinite(amounts[j] as number) || !Number.isFinite(day)) {
      const row = sheetRows[j] as number;
      throw new AnalyticsError(
        'invalid_argument',
        `Transaction from row ${row} has a non-finite amount or day.`,
        { row },
      );
    }
    if (day >= asOfDay) {
      transactionsAfterAsOf += 1;
      continue;
    }
    const client = rowClient[j] as number;
    if (client >= 0) rowsOfClient[client] = (rowsOfClient[client] as number) + 1;
  }
  const clients = indicesInKeyOrder(keys, (c) => rowsOfClient[c] !== 0);
  const count = clients.length;
  const from = new Int32Array(count + 1);
  // Reused as each client's next place in `rows`.
  const next = rowsOfClient;
  for (let i = 0; i < count; i += 1) {
    const client = clients[i] as number;
    from[i + 1] = (from[i] as number) + (rowsOfClient[client] as number);
    next[client] = from[i] as number;
  }
  const total = from[count] as number;
  const rows = new Int32Array(total);
  const groupDay = new Float64Array(total);
  const groupAmount = new Float64Array(total);
  for (let j = 0; j < n; j += 1) {
    const client = rowClient[j] as number;
    const day = days[j] as number;
    if (client < 0 || day >= asOfDay) continue;
    const r = next[client] as number;
    rows[r] = j;
    groupDay[r] = day;
    groupAmount[r] = amounts[j] as number;
    next[client] = r + 1;
  }
  return {
    clients,
    transactionsAfterAsOf,
    rowGroups: { from, rows, day: groupDay, amount: groupAmount },
  };
}

/** Whether table row `j` comes before row `k` by day, then sheet row. */
function earlierRow(table: TransactionTable, j: number, k: number): boolean {
  const day = table.day[j] as number;
  const other = table.day[k] as number;
  return (
    day < other || (day === other && (table.sheetRow[j] as number) < (table.sheetRow[k] as number))
  );
}

function checkedAsOf(asOfDay: number): number {
  if (!Number.isInteger(asOfDay)) {
    throw new AnalyticsError(
      'invalid_argument',
      `asOf must be a whole calendar day, got ${asOfDay}.`,
    );
  }
  return asOfDay;
}

/**
 * The default as-of day: the day after the latest purchase (amount ≥ 0), so the last purchase is
 * 1 day old; the day after the latest row when there are only refunds. Throws
 * `AnalyticsError('empty_input')` for an empty list.
 *
 * Example: purchases on days 10 and 20 give 21.
 */
export function defaultAsOfDay(transactions: readonly Transaction[]): CalendarDay {
  let latestRow = -Infinity;
  for (const t of transactions) if (t.day > latestRow) latestRow = t.day;
  return asOfAfter(transactions.length, latestPurchaseDay(transactions) ?? -Infinity, latestRow);
}

/**
 * The day of the latest purchase (amount ≥ 0; a refund is no purchase), `undefined` when there is
 * none: what the default as-of day and calibration end stand on.
 *
 * Example: a purchase on day 20 and a refund on day 30 give 20.
 */
export function latestPurchaseDay(transactions: readonly Transaction[]): CalendarDay | undefined {
  let latest = -Infinity;
  for (const t of transactions) if (t.amount >= 0 && t.day > latest) latest = t.day;
  return latest === -Infinity ? undefined : latest;
}

/** `defaultAsOfDay` of a transaction table (every row counts, whatever its client index). */
export function defaultAsOfDayOfTable(table: TransactionTable): CalendarDay {
  let latestPurchase = -Infinity;
  let latestRow = -Infinity;
  for (let j = 0; j < table.length; j += 1) {
    const day = table.day[j] as number;
    if (day > latestRow) latestRow = day;
    if ((table.amount[j] as number) >= 0 && day > latestPurchase) latestPurchase = day;
  }
  return asOfAfter(table.length, latestPurchase, latestRow);
}

// The rule of `defaultAsOfDay`, given the latest purchase day and the latest day of any row.
function asOfAfter(rows: number, latestPurchase: number, latestRow: number): CalendarDay {
  if (rows === 0) {
    throw new AnalyticsError('empty_input', 'There are no transactions to analyse.');
  }
  const latest = Number.isFinite(latestPurchase) ? latestPurchase : latestRow;
  if (!Number.isFinite(latest)) {
    throw new AnalyticsError('invalid_argument', 'Transactions have no valid day.');
  }
  return latest + 1;
}
