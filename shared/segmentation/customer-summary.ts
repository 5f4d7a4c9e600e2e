import type { CalendarDay } from '../calendar';
import { AnalyticsError } from '../errors';
import { addCompensated, addCompensatedPair } from '../math/compensated-sum';
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
  /** Day of the first purchase (refunds excluded); `null` for a refund-only client. */
  readonly firstPurchaseDay: CalendarDay | null;
  /** Day of the last purchase (refunds excluded); `null` for a refund-only client. */
  readonly lastPurchaseDay: CalendarDay | null;
  /** `asOfDay − lastPurchaseDay` in days (≥ 1 by default); `null` for a refund-only client. */
  readonly daysSinceLastPurchase: number | null;
  /** Distinct order ids among purchase rows; each purchase row without an order id counts 1. */
  readonly purchaseCount: number;
  /** Refund rows (amount < 0). */
  readonly refundCount: number;
  /** Sum of all amounts, refunds included (compensated sum), in the sheet's currency. */
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
  rememberSummaryClients(customers, table, clients);
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
}

/**
 * The one implementation of the summary rules (user guide §3, Per-client numbers; see
 * `summariseCustomers`), on a transaction table, giving columns rather than an object per client:
 * the segmentation of a file of a million rows works on these. Same errors as `summariseTable`.
 * O(n + k log k) for n rows and k clients.
 *
 * @example the table of rows (a, day 10, 100), (a, day 20, 50), (b, day 15, −30) as of day 21
 *   gives purchaseCount [2, 0], totalRevenue [150, −30], lastPurchaseDay [20, NaN].
 */
export function summaryColumnsOfTable(
  table: TransactionTable,
  options: CustomerSummaryOptions = {},
): SummaryColumns {
  const asOfDay = checkedAsOf(options.asOf ?? defaultAsOfDayOfTable(table));
  const { client: rowClient, day: days, amount: amounts, sheetRow: sheetRows, details } = table;
  const n = table.length;
  const keys = table.clientKeys;
  const k = keys.length;
  // A client's running facts side by side (`FACT_*` offsets in a block of `FACTS` numbers):
  // rows come in no client order, and one block is one cache line where separate arrays would
  // be several.
  const facts = new Float64Array(k * FACTS);
  for (let c = 0; c < k; c += 1) {
    facts[c * FACTS + FACT_FIRST] = Infinity;
    facts[c * FACTS + FACT_LAST] = -Infinity;
  }
  const orderIds: (Set<string> | undefined)[] = new Array<Set<string> | undefined>(k);
  let profitSums: Float64Array | undefined;
  let profitCompensation: Float64Array | undefined;
  let hasProfit: Uint8Array | undefined;
  // The earliest row naming a manager / channel (by day, then sheet row): its index (−1: none),
  // day and sheet row, so a later row is compared without reading the earlier row's details.
  let manager: EarliestRows | undefined;
  let channel: EarliestRows | undefined;
  let transactionsAfterAsOf = 0;

  for (let j = 0; j < n; j += 1) {
    const day = days[j] as number;
    const amount = amounts[j] as number;
    if (!Number.isFinite(amount) || !Number.isFinite(day)) {
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
    const index = rowClient[j] as number;
    if (index < 0) continue;
    const at = index * FACTS;
    facts[at + FACT_ROWS] = (facts[at + FACT_ROWS] as number) + 1;
    addCompensatedPair(facts, (at + FACT_REVENUE) / 2, amount);
    const detail = details?.[j];
    if (amount < 0) {
      facts[at + FACT_REFUNDS] = (facts[at + FACT_REFUNDS] as number) + 1;
    } else {
      if (day < (facts[at + FACT_FIRST] as number)) facts[at + FACT_FIRST] = day;
      if (day > (facts[at + FACT_LAST] as number)) facts[at + FACT_LAST] = day;
      const orderId = detail?.orderId;
      if (orderId === undefined || orderId === '') {
        facts[at + FACT_PURCHASE_ROWS] = (facts[at + FACT_PURCHASE_ROWS] as number) + 1;
      } else {
        let set = orderIds[index];
        if (set === undefined) {
          set = new Set<string>();
          orderIds[index] = set;
        }
        set.add(orderId);
      }
    }
    if (detail === undefined) continue;
    const profit = detail.profit;
    if (profit !== undefined && Number.isFinite(profit)) {
      if (!profitSums || !profitCompensation || !hasProfit) {
        profitSums = new Float64Array(k);
        profitCompensation = new Float64Array(k);
        hasProfit = new Uint8Array(k);
      }
      addCompensated(profitSums, profitCompensation, index, profit);
      hasProfit[index] = 1;
    }
    const sheetRow = sheetRows[j] as number;
    if (detail.manager !== undefined && detail.manager !== '') {
      manager ??= new EarliestRows(k);
      manager.offer(index, j, day, sheetRow);
    }
    if (detail.channel !== undefined && detail.channel !== '') {
      channel ??= new EarliestRows(k);
      channel.offer(index, j, day, sheetRow);
    }
  }

  const clients = indicesInKeyOrder(keys, (i) => facts[i * FACTS + FACT_ROWS] !== 0);
  const count = clients.length;
  const firstPurchaseDay = new Float64Array(count);
  const lastPurchaseDay = new Float64Array(count);
  const purchaseCount = new Float64Array(count);
  const refundCount = new Float64Array(count);
  const totalRevenue = new Float64Array(count);
  const totalProfit = hasProfit ? new Float64Array(count) : undefined;
  for (let i = 0; i < count; i += 1) {
    const client = clients[i] as number;
    const at = client * FACTS;
    const first = facts[at + FACT_FIRST] as number;
    const hasPurchase = first !== Infinity;
    firstPurchaseDay[i] = hasPurchase ? first : NaN;
    lastPurchaseDay[i] = hasPurchase ? (facts[at + FACT_LAST] as number) : NaN;
    purchaseCount[i] = (facts[at + FACT_PURCHASE_ROWS] as number) + (orderIds[client]?.size ?? 0);
    refundCount[i] = facts[at + FACT_REFUNDS] as number;
    totalRevenue[i] =
      (facts[at + FACT_REVENUE] as number) + (facts[at + FACT_REVENUE + 1] as number);
    if (totalProfit && profitSums && profitCompensation && hasProfit) {
      totalProfit[i] =
        hasProfit[client] === 1
          ? (profitSums[client] as number) + (profitCompensation[client] as number)
          : NaN;
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
  };
  if (totalProfit) columns.totalProfit = totalProfit;
  if (manager) columns.managerRow = manager.rowsOf(clients);
  if (channel) columns.channelRow = channel.rowsOf(clients);
  return columns;
}

/** Numbers kept per client by `summariseTable`, and where each sits in the client's block. */
const FACTS = 8;
const FACT_ROWS = 0;
const FACT_PURCHASE_ROWS = 1;
const FACT_REFUNDS = 2;
const FACT_FIRST = 3;
const FACT_LAST = 4;
/** Revenue and its compensation term, a pair for `addCompensatedPair` (an even offset). */
const FACT_REVENUE = 6;

function checkedAsOf(asOfDay: number): number {
  if (!Number.isInteger(asOfDay)) {
    throw new AnalyticsError(
      'invalid_argument',
      `asOf must be a whole calendar day, got ${asOfDay}.`,
    );
  }
  return asOfDay;
}

// Per client, the earliest of the rows offered (by day, then sheet row).
class EarliestRows {
  readonly rows: Int32Array;
  private readonly days: Float64Array;
  private readonly sheetRows: Float64Array;

  constructor(clients: number) {
    this.rows = new Int32Array(clients).fill(-1);
    this.days = new Float64Array(clients);
    this.sheetRows = new Float64Array(clients);
  }

  offer(client: number, index: number, day: number, sheetRow: number): void {
    const earliest = this.days[client] as number;
    if (
      (this.rows[client] as number) < 0 ||
      day < earliest ||
      (day === earliest && sheetRow < (this.sheetRows[client] as number))
    ) {
      this.rows[client] = index;
      this.days[client] = day;
      this.sheetRows[client] = sheetRow;
    }
  }

  /** The earliest row of each of `clients` (−1: none). */
  rowsOf(clients: Int32Array): Int32Array {
    return clients.map((client) => this.rows[client] as number);
  }
}

/**
 * The default as-of day: the day after the latest purchase (amount ≥ 0), so the last purchase is
 * 1 day old; the day after the latest row when there are only refunds. Throws
 * `AnalyticsError('empty_input')` for an empty list.
 *
 * Example: purchases on days 10 and 20 give 21.
 */
export function defaultAsOfDay(transactions: readonly Transaction[]): CalendarDay {
  let latestPurchase = -Infinity;
  let latestRow = -Infinity;
  for (const t of transactions) {
    if (t.day > latestRow) latestRow = t.day;
    if (t.amount >= 0 && t.day > latestPurchase) latestPurchase = t.day;
  }
  return asOfAfter(transactions.length, latestPurchase, latestRow);
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
