import { monthIndexOfDay, type CalendarDay } from '../calendar';
import { AnalyticsError } from '../errors';
import { ExactSums } from '../math/exact-sum';
import type { TransactionTable } from '../sheet-data/transaction-table';
import type { Transaction } from '../sheet-data/types';
import type { CustomerSummary, RowGroups } from './customer-summary';
import { summaryIndexOfClients, summaryRowGroups } from './summary-clients';
import { transactionTable } from './transaction-client-index';

export type XyzClass = 'X' | 'Y' | 'Z';

/**
 * The period revenue is bucketed by: calendar `month` (default), calendar `quarter`, or `week`
 * (Monday to Sunday, ISO 8601 weeks).
 */
export type XyzPeriod = 'week' | 'month' | 'quarter';

/** CV limits [X, Y]: X if CV ≤ 0.5, Y if CV ≤ 1.0, otherwise Z. */
export const DEFAULT_XYZ_LIMITS: readonly [number, number] = [0.5, 1.0];

export interface XyzOptions {
  /** [X limit, Y limit], ratios with 0 ≤ X < Y. Default `DEFAULT_XYZ_LIMITS`. */
  readonly limits?: readonly [number, number];
  /** Default `month`. */
  readonly period?: XyzPeriod;
}

/** Why a client got its class. */
export type XyzReason = 'cv' | 'fewer_than_two_purchases' | 'non_positive_mean';

export interface XyzClassification {
  readonly clientKey: string;
  readonly xyzClass: XyzClass;
  /** Population sd / mean of revenue per period (ratio); `null` when not used (see `reason`). */
  readonly coefficientOfVariation: number | null;
  /** Periods from the first purchase's through the as-of − 1 day's, inclusive (0 if no purchase). */
  readonly periodCount: number;
  /** Mean revenue per period, money (refunds included); `null` when the client has no purchase. */
  readonly meanRevenuePerPeriod: number | null;
  readonly reason: XyzReason;
}

// Day 4 (1970-01-05) was a Monday: weeks counted from it start on Mondays.
function periodIndex(day: CalendarDay, period: XyzPeriod): number {
  if (period === 'week') return Math.floor((day - 4) / 7);
  const month = monthIndexOfDay(day);
  return period === 'quarter' ? Math.floor(month / 3) : month;
}

// Converting a day to its month costs a few divisions; a table over the data's day range makes it
// one array read per row.
function periodLookup(measures: XyzMeasures, period: XyzPeriod): (day: CalendarDay) => number {
  // The days the series cover: first purchases through the as-of days. A row outside (a refund
  // before the first purchase) falls back to the calculation.
  let minDay = Infinity;
  let maxDay = -Infinity;
  const { firstPurchaseDay } = measures;
  for (let i = 0; i < firstPurchaseDay.length; i += 1) {
    const first = firstPurchaseDay[i] as number;
    if (first < minDay) minDay = first;
    const asOf = asOfDayAt(measures, i);
    if (asOf > maxDay) maxDay = asOf;
  }
  const span = maxDay - minDay + 1;
  if (!(span > 0 && span <= 200_000) || !Number.isInteger(minDay)) {
    return (day) => periodIndex(day, period);
  }
  const table = new Int32Array(span);
  for (let k = 0; k < span; k += 1) table[k] = periodIndex(minDay + k, period);
  return (day) => table[day - minDay] ?? periodIndex(day, period);
}

function asOfDayAt(measures: XyzMeasures, i: number): number {
  const { asOfDay } = measures;
  return typeof asOfDay === 'number' ? asOfDay : (asOfDay[i] as number);
}

/**
 * XYZ classes by regularity of spend (user guide §7, XYZ): a client's revenue per calendar
 * month, from the month of its first purchase through the month of the last day covered (as-of − 1
 * day), empty months counted as 0; CV = population standard deviation / mean; X if CV ≤ 0.5, Y if
 * CV ≤ 1.0, otherwise Z. A client with fewer than 2 purchases, or a mean ≤ 0, is Z. Refunds count
 * in the month they happened (a refund dated before the first purchase counts in its first
 * period); rows on or after the as-of day are left out, as in `summariseCustomers`.
 *
 * Parameters: `transactions` the list the summaries came from; `summaries` from
 * `summariseCustomers` (their `asOfDay`, `firstPurchaseDay` and `purchaseCount` are used);
 * `options` limits (ratios) and period. Results come in the order of `summaries`. O(n + total
 * periods).
 * Throws `AnalyticsError('invalid_argument')` for limits not satisfying 0 ≤ X < Y or an unknown
 * period.
 *
 * Example: monthly revenue 100, 0, 200, 100 (Jan–Apr, as of 1 May) has mean 100, population
 * sd √5000 ≈ 70.71, CV 0.7071: class Y.
 */
export function xyzClasses(
  transactions: readonly Transaction[],
  summaries: readonly CustomerSummary[],
  options: XyzOptions = {},
): XyzClassification[] {
  // Summaries of one call share an as-of day, and the table `summariseCustomers` built for it is
  // reused; mixed as-of days index every row.
  const asOfDay = summaries[0]?.asOfDay ?? Infinity;
  const shared = summaries.every((s) => s.asOfDay === asOfDay);
  return xyzClassesOfTable(
    transactionTable(transactions, shared ? asOfDay : Infinity),
    summaries,
    options,
  );
}

/**
 * `xyzClasses` on a transaction table: the one implementation of the rule, which `xyzClasses`
 * reaches through `transactionTable`. `summaries` from `summariseTable` of the same table (or any
 * summaries of its clients, matched by key). Same result and errors as `xyzClasses`.
 *
 * @example the table of the `xyzClasses` example gives class Y, CV 0.7071.
 */
export function xyzClassesOfTable(
  table: TransactionTable,
  summaries: readonly CustomerSummary[],
  options: XyzOptions = {},
): XyzClassification[] {
  const n = summaries.length;
  const rowGroups = summaryRowGroups(table, summaries);
  const measures = {
    ...(rowGroups === undefined ? {} : { rowGroups }),
    positionOfClient: summaryIndexOfClients(table, summaries),
    firstPurchaseDay: new Float64Array(n),
    purchaseCount: new Float64Array(n),
    totalRevenue: new Float64Array(n),
    asOfDay: new Float64Array(n),
  };
  summaries.forEach((s, i) => {
    measures.firstPurchaseDay[i] = s.firstPurchaseDay ?? NaN;
    measures.purchaseCount[i] = s.purchaseCount;
    measures.totalRevenue[i] = s.totalRevenue;
    measures.asOfDay[i] = s.asOfDay;
  });
  const columns = xyzClassColumns(table, measures, options);
  return summaries.map((s, i) => {
    const cv = columns.coefficientOfVariation[i] as number;
    const mean = columns.meanRevenuePerPeriod[i] as number;
    return {
      clientKey: s.clientKey,
      xyzClass: XYZ_CLASSES[columns.xyzClass[i] as number] as XyzClass,
      coefficientOfVariation: cv === cv ? cv : null,
      periodCount: columns.periodCount[i] as number,
      meanRevenuePerPeriod: mean === mean ? mean : null,
      reason: XYZ_REASONS[columns.reason[i] as number] as XyzReason,
    };
  });
}

/** The classes in the order of their index in `XyzColumns.xyzClass`. */
export const XYZ_CLASSES: readonly XyzClass[] = ['X', 'Y', 'Z'];

/** The reasons in the order of their index in `XyzColumns.reason`. */
export const XYZ_REASONS: readonly XyzReason[] = [
  'cv',
  'fewer_than_two_purchases',
  'non_positive_mean',
];

/** Per client (position i) what XYZ needs besides the rows: a day that does not exist is NaN. */
export interface XyzMeasures {
  /** Per client of the table its position, −1 for a client left out. */
  readonly positionOfClient: Int32Array;
  readonly firstPurchaseDay: Float64Array;
  readonly purchaseCount: Float64Array;
  readonly totalRevenue: Float64Array;
  /** The as-of day of every position, or of each. */
  readonly asOfDay: CalendarDay | Float64Array;
  /**
   * The rows of each position before its as-of day, as `SummaryColumns.rowGroups` of the same
   * table; when absent, they are grouped here through `positionOfClient`.
   */
  readonly rowGroups?: RowGroups;
}

/** `xyzClassesOfTable` per client as columns, by position; NaN where the object has `null`. */
export interface XyzColumns {
  /** Index into `XYZ_CLASSES`. */
  readonly xyzClass: Uint8Array;
  readonly coefficientOfVariation: Float64Array;
  readonly periodCount: Uint32Array;
  readonly meanRevenuePerPeriod: Float64Array;
  /** Index into `XYZ_REASONS`. */
  readonly reason: Uint8Array;
}

/**
 * The one implementation of the XYZ rule of `xyzClasses`, on a transaction table and per-client
 * columns (`SummaryColumns` with `positionOfClient`, or the fields of summaries). Same options
 * and errors.
 *
 * @example the table of the `xyzClasses` example, with its one client at position 0, gives class
 *   index 1 (Y) and CV 0.7071.
 */
export function xyzClassColumns(
  table: TransactionTable,
  measures: XyzMeasures,
  options: XyzOptions = {},
): XyzColumns {
  const [xLimit, yLimit] = options.limits ?? DEFAULT_XYZ_LIMITS;
  if (!(Number.isFinite(xLimit) && Number.isFinite(yLimit) && xLimit >= 0 && xLimit < yLimit)) {
    throw new AnalyticsError(
      'invalid_argument',
      `XYZ limits must satisfy 0 ≤ X < Y, got [${xLimit}, ${yLimit}].`,
      { argument: 'limits' },
    );
  }
  const period = options.period ?? 'month';
  if (period !== 'week' && period !== 'month' && period !== 'quarter') {
    throw new AnalyticsError('invalid_argument', `Unknown XYZ period "${String(period)}".`, {
      argument: 'period',
    });
  }

  const { firstPurchaseDay, purchaseCount, totalRevenue, positionOfClient } = measures;
  const n = firstPurchaseDay.length;
  const firstPeriod = new Float64Array(n);
  const periodCount = new Uint32Array(n);
  // Per-client facts the row loops need, in flat arrays.
  const seriesEnd = new Float64Array(n).fill(-Infinity);
  let longestSeries = 0;
  const periodOf = periodLookup(measures, period);
  for (let i = 0; i < n; i += 1) {
    const firstDay = firstPurchaseDay[i] as number;
    if (firstDay !== firstDay) continue;
    const asOfDay = asOfDayAt(measures, i);
    const first = periodOf(firstDay);
    const last = periodOf(asOfDay - 1);
    firstPeriod[i] = first;
    periodCount[i] = Math.max(1, last - first + 1);
    // Only clients that can be X or Y need their series.
    if ((purchaseCount[i] as number) >= 2) {
      seriesEnd[i] = asOfDay;
      longestSeries = Math.max(longestSeries, periodCount[i] as number);
    }
  }

  // The rows of each series, grouped by client in row order (`seriesRows`).
  const {
    from: rowsFrom,
    day: days,
    amount: amounts,
  } = measures.rowGroups ?? seriesRows(table, positionOfClient, seriesEnd);

  // Per series its mean and CV; per period of the series being summed, its exact sum (slots
  // 0..count−1) and their total (slot `longestSeries`), so row order changes no digit.
  const means = new Float64Array(n);
  const cvs = new Float64Array(n);
  const sums = new ExactSums(longestSeries + 1);
  const periodSums = new Float64Array(longestSeries);
  for (let i = 0; i < n; i += 1) {
    if (seriesEnd[i] === -Infinity) continue;
    const count = periodCount[i] as number;
    for (let k = 0; k < count; k += 1) sums.clear(k);
    sums.clear(longestSeries);
    const first = firstPeriod[i] as number;
    for (let r = rowsFrom[i] as number; r < (rowsFrom[i + 1] as number); r += 1) {
      const bucket = Math.max(0, periodOf(days[r] as number) - first);
      sums.add(bucket, amounts[r] as number);
    }
    for (let k = 0; k < count; k += 1) {
      const periodSum = sums.value(k);
      periodSums[k] = periodSum;
      sums.add(longestSeries, periodSum);
    }
    const mean = sums.value(longestSeries) / count;
    means[i] = mean;
    if (!(mean > 0)) continue;
    let squares = 0;
    for (let k = 0; k < count; k += 1) {
      const deviation = (periodSums[k] as number) - mean;
      squares += deviation * deviation;
    }
    cvs[i] = Math.sqrt(squares / count) / mean;
  }

  const xyzClass = new Uint8Array(n);
  const coefficientOfVariation = new Float64Array(n).fill(NaN);
  const meanRevenuePerPeriod = new Float64Array(n);
  const reason = new Uint8Array(n);
  for (let i = 0; i < n; i += 1) {
    xyzClass[i] = 2;
    if (firstPurchaseDay[i] !== firstPurchaseDay[i]) {
      periodCount[i] = 0;
      meanRevenuePerPeriod[i] = NaN;
      reason[i] = 1;
    } else if ((purchaseCount[i] as number) < 2) {
      meanRevenuePerPeriod[i] = (totalRevenue[i] as number) / (periodCount[i] as number);
      reason[i] = 1;
    } else if (!((means[i] as number) > 0)) {
      meanRevenuePerPeriod[i] = means[i] as number;
      reason[i] = 2;
    } else {
      const cv = cvs[i] as number;
      meanRevenuePerPeriod[i] = means[i] as number;
      coefficientOfVariation[i] = cv;
      xyzClass[i] = cv <= xLimit ? 0 : cv <= yLimit ? 1 : 2;
    }
  }
  return { xyzClass, coefficientOfVariation, periodCount, meanRevenuePerPeriod, reason };
}

/**
 * The rows of each series grouped by position in row order (a counting sort): each client's
 * periods are then summed in one small buffer, instead of a buffer for every client's periods
 * filled in the rows' order (tens of megabytes for a million rows). A row belongs to position i's
 * series when it is dated before `seriesEnd[i]` (−∞ for clients that cannot be X or Y).
 */
function seriesRows(
  table: TransactionTable,
  positionOfClient: Int32Array,
  seriesEnd: Float64Array,
): RowGroups {
  const n = seriesEnd.length;
  const { client: rowClient, day: days, amount: amounts } = table;
  const seriesOf = (j: number): number => {
    const client = rowClient[j] as number;
    const i = client < 0 ? -1 : (positionOfClient[client] as number);
    return i >= 0 && (days[j] as number) < (seriesEnd[i] as number) ? i : -1;
  };
  const from = new Int32Array(n + 1);
  for (let j = 0; j < table.length; j += 1) {
    const i = seriesOf(j);
    if (i >= 0) from[i + 1] = (from[i + 1] as number) + 1;
  }
  for (let i = 0; i < n; i += 1) from[i + 1] = (from[i + 1] as number) + (from[i] as number);
  const total = from[n] as number;
  const rows = new Int32Array(total);
  const groupDay = new Float64Array(total);
  const groupAmount = new Float64Array(total);
  const next = from.slice(0, n);
  for (let j = 0; j < table.length; j += 1) {
    const i = seriesOf(j);
    if (i < 0) continue;
    const r = next[i] as number;
    rows[r] = j;
    groupDay[r] = days[j] as number;
    groupAmount[r] = amounts[j] as number;
    next[i] = r + 1;
  }
  return { from, rows, day: groupDay, amount: groupAmount };
}
