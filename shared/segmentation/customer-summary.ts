import type { CalendarDay } from '../calendar';
import { AnalyticsError } from '../errors';
import { addCompensated } from '../math/compensated-sum';
import type { Transaction } from '../sheet-data/types';
import {
  recallTransactionClientIndex,
  rememberTransactionClientIndex,
} from './transaction-client-index';

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
 * never depends on row order. Definitions per issue 2 "Segmentation": daysSinceLastPurchase =
 * as-of day − last purchase day; purchaseCount = distinct order ids when present, else rows;
 * refunds (amount < 0) lower revenue and are not purchases. Runs in O(n + k log k) for n rows and
 * k clients.
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
  const asOfDay = options.asOf ?? defaultAsOfDay(transactions);
  if (!Number.isInteger(asOfDay)) {
    throw new AnalyticsError(
      'invalid_argument',
      `asOf must be a whole calendar day, got ${asOfDay}.`,
    );
  }

  // Pass 1: client index per row, so the per-client arrays can be sized exactly. The index an
  // earlier pass (`clientHistories`) left for this array saves hashing every client id again.
  const rememberedRows = recallTransactionClientIndex(transactions, asOfDay)?.rowClient;
  const indexByKey = new Map<string, number>();
  const keys: string[] = [];
  const rowClient = new Int32Array(transactions.length);
  let transactionsAfterAsOf = 0;
  for (let j = 0; j < transactions.length; j += 1) {
    const t = transactions[j] as Transaction;
    if (!Number.isFinite(t.amount) || !Number.isFinite(t.day)) {
      throw new AnalyticsError(
        'invalid_argument',
        `Transaction from row ${t.row} has a non-finite amount or day.`,
        { row: t.row },
      );
    }
    if (t.day >= asOfDay) {
      transactionsAfterAsOf += 1;
      rowClient[j] = -1;
      continue;
    }
    // New clients appear in row order in a remembered index as in a fresh one.
    const index = rememberedRows
      ? (rememberedRows[j] as number)
      : (indexByKey.get(t.clientKey) ?? keys.length);
    if (index === keys.length) {
      indexByKey.set(t.clientKey, index);
      keys.push(t.clientKey);
    }
    rowClient[j] = index;
  }

  if (!rememberedRows) rememberTransactionClientIndex(transactions, { asOfDay, keys, rowClient });

  // Pass 2: aggregate per client.
  const k = keys.length;
  const firstPurchase = new Float64Array(k).fill(Infinity);
  const lastPurchase = new Float64Array(k).fill(-Infinity);
  const purchaseRows = new Uint32Array(k);
  const refunds = new Uint32Array(k);
  const revenue = new Float64Array(k);
  const revenueCompensation = new Float64Array(k);
  const nameRow = new Float64Array(k).fill(Infinity);
  const names = new Array<string>(k).fill('');
  const orderIds: (Set<string> | undefined)[] = new Array<Set<string> | undefined>(k);
  let profitSums: Float64Array | undefined;
  let profitCompensation: Float64Array | undefined;
  let hasProfit: Uint8Array | undefined;
  // The earliest row naming a manager / channel (by day, then sheet row): its index (−1: none),
  // day and sheet row, so a later row is compared without reading the earlier row's object.
  const manager = new EarliestRows(k);
  const channel = new EarliestRows(k);

  for (let j = 0; j < transactions.length; j += 1) {
    const index = rowClient[j] as number;
    if (index < 0) continue;
    const t = transactions[j] as Transaction;
    if (t.row < (nameRow[index] as number)) {
      nameRow[index] = t.row;
      names[index] = t.clientName;
    }
    addCompensated(revenue, revenueCompensation, index, t.amount);
    if (t.amount < 0) {
      refunds[index] = (refunds[index] as number) + 1;
    } else {
      if (t.day < (firstPurchase[index] as number)) firstPurchase[index] = t.day;
      if (t.day > (lastPurchase[index] as number)) lastPurchase[index] = t.day;
      if (t.orderId === undefined || t.orderId === '') {
        purchaseRows[index] = (purchaseRows[index] as number) + 1;
      } else {
        let set = orderIds[index];
        if (set === undefined) {
          set = new Set<string>();
          orderIds[index] = set;
        }
        set.add(t.orderId);
      }
    }
    if (t.profit !== undefined && Number.isFinite(t.profit)) {
      if (!profitSums || !profitCompensation || !hasProfit) {
        profitSums = new Float64Array(k);
        profitCompensation = new Float64Array(k);
        hasProfit = new Uint8Array(k);
      }
      addCompensated(profitSums, profitCompensation, index, t.profit);
      hasProfit[index] = 1;
    }
    if (t.manager !== undefined && t.manager !== '') manager.offer(index, j, t);
    if (t.channel !== undefined && t.channel !== '') channel.offer(index, j, t);
  }

  // The default sort compares UTF-16 code units like `<` does, without a callback per comparison.
  const order = [...keys].sort().map((key) => indexByKey.get(key) as number);

  const customers: CustomerSummary[] = order.map((i) => {
    const first = firstPurchase[i] as number;
    const last = lastPurchase[i] as number;
    const hasPurchase = Number.isFinite(first);
    const summary: {
      -readonly [K in keyof CustomerSummary]: CustomerSummary[K];
    } = {
      clientKey: keys[i] as string,
      clientName: names[i] as string,
      firstPurchaseDay: hasPurchase ? first : null,
      lastPurchaseDay: hasPurchase ? last : null,
      daysSinceLastPurchase: hasPurchase ? asOfDay - last : null,
      purchaseCount: (purchaseRows[i] as number) + (orderIds[i]?.size ?? 0),
      refundCount: refunds[i] as number,
      totalRevenue: (revenue[i] as number) + (revenueCompensation[i] as number),
      asOfDay,
    };
    if (hasProfit && profitSums && profitCompensation && hasProfit[i] === 1) {
      summary.totalProfit = (profitSums[i] as number) + (profitCompensation[i] as number);
    }
    const managerName = transactions[manager.rows[i] as number]?.manager;
    if (managerName !== undefined) summary.manager = managerName;
    const channelName = transactions[channel.rows[i] as number]?.channel;
    if (channelName !== undefined) summary.channel = channelName;
    return summary;
  });

  return { customers, asOfDay, transactionsAfterAsOf };
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

  offer(client: number, index: number, t: Transaction): void {
    const day = this.days[client] as number;
    if (
      (this.rows[client] as number) < 0 ||
      t.day < day ||
      (t.day === day && t.row < (this.sheetRows[client] as number))
    ) {
      this.rows[client] = index;
      this.days[client] = t.day;
      this.sheetRows[client] = t.row;
    }
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
  if (transactions.length === 0) {
    throw new AnalyticsError('empty_input', 'There are no transactions to analyse.');
  }
  let latestPurchase = -Infinity;
  let latestRow = -Infinity;
  for (const t of transactions) {
    if (t.day > latestRow) latestRow = t.day;
    if (t.amount >= 0 && t.day > latestPurchase) latestPurchase = t.day;
  }
  const latest = Number.isFinite(latestPurchase) ? latestPurchase : latestRow;
  if (!Number.isFinite(latest)) {
    throw new AnalyticsError('invalid_argument', 'Transactions have no valid day.');
  }
  return latest + 1;
}
