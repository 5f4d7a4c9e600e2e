import { monthIndexOfDay, type CalendarDay } from '../calendar';
import { AnalyticsError } from '../errors';
import { addCompensatedPair } from '../math/compensated-sum';
import type { TransactionTable } from '../sheet-data/transaction-table';
import type { Transaction } from '../sheet-data/types';
import type { CustomerSummary } from './customer-summary';
import { summaryIndexOfClients } from './summary-clients';
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
function periodLookup(
  summaries: readonly CustomerSummary[],
  period: XyzPeriod,
): (day: CalendarDay) => number {
  // The days the series cover: first purchases through the as-of days. A row outside (a refund
  // before the first purchase) falls back to the calculation.
  let minDay = Infinity;
  let maxDay = -Infinity;
  for (const s of summaries) {
    if (s.firstPurchaseDay !== null && s.firstPurchaseDay < minDay) minDay = s.firstPurchaseDay;
    if (s.asOfDay > maxDay) maxDay = s.asOfDay;
  }
  const span = maxDay - minDay + 1;
  if (!(span > 0 && span <= 200_000) || !Number.isInteger(minDay)) {
    return (day) => periodIndex(day, period);
  }
  const table = new Int32Array(span);
  for (let k = 0; k < span; k += 1) table[k] = periodIndex(minDay + k, period);
  return (day) => table[day - minDay] ?? periodIndex(day, period);
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

  const n = summaries.length;
  const firstPeriod = new Float64Array(n);
  const periodCount = new Uint32Array(n);
  // Per-summary facts the row loops need, in flat arrays so they do not visit summary objects.
  const seriesEnd = new Float64Array(n).fill(-Infinity);
  let longestSeries = 0;
  const periodOf = periodLookup(summaries, period);
  summaries.forEach((s, i) => {
    if (s.firstPurchaseDay === null) return;
    const first = periodOf(s.firstPurchaseDay);
    const last = periodOf(s.asOfDay - 1);
    firstPeriod[i] = first;
    periodCount[i] = Math.max(1, last - first + 1);
    // Only clients that can be X or Y need their series.
    if (s.purchaseCount >= 2) {
      seriesEnd[i] = s.asOfDay;
      longestSeries = Math.max(longestSeries, periodCount[i] as number);
    }
  });

  // The rows of each series, grouped by client in row order (a counting sort): each client's
  // periods are then summed in one small buffer, instead of a buffer for every client's periods
  // filled in the rows' order (tens of megabytes for a million rows).
  const summaryOfClient = summaryIndexOfClients(table, summaries);
  const { client: rowClient, day: days, amount: amounts } = table;
  const seriesOf = (j: number): number => {
    const client = rowClient[j] as number;
    const i = client < 0 ? -1 : (summaryOfClient[client] as number);
    // Clients that cannot be X or Y have seriesEnd −∞, so this also skips them.
    return i >= 0 && (days[j] as number) < (seriesEnd[i] as number) ? i : -1;
  };
  const rowsFrom = new Int32Array(n + 1);
  for (let j = 0; j < table.length; j += 1) {
    const i = seriesOf(j);
    if (i >= 0) rowsFrom[i + 1] = (rowsFrom[i + 1] as number) + 1;
  }
  for (let i = 0; i < n; i += 1) {
    rowsFrom[i + 1] = (rowsFrom[i + 1] as number) + (rowsFrom[i] as number);
  }
  const rowsOfSeries = new Int32Array(rowsFrom[n] as number);
  const nextRow = rowsFrom.slice(0, n);
  for (let j = 0; j < table.length; j += 1) {
    const i = seriesOf(j);
    if (i < 0) continue;
    rowsOfSeries[nextRow[i] as number] = j;
    nextRow[i] = (nextRow[i] as number) + 1;
  }

  // Per series its mean and CV; per period of the series being summed, its sum and
  // compensation side by side.
  const means = new Float64Array(n);
  const cvs = new Float64Array(n);
  const sums = new Float64Array(2 * longestSeries);
  for (let i = 0; i < n; i += 1) {
    if (seriesEnd[i] === -Infinity) continue;
    const count = periodCount[i] as number;
    sums.fill(0, 0, 2 * count);
    const first = firstPeriod[i] as number;
    for (let r = rowsFrom[i] as number; r < (rowsFrom[i + 1] as number); r += 1) {
      const j = rowsOfSeries[r] as number;
      const bucket = Math.max(0, periodOf(days[j] as number) - first);
      addCompensatedPair(sums, bucket, amounts[j] as number);
    }
    let total = 0;
    let totalCompensation = 0;
    for (let k = 0; k < count; k += 1) {
      total += sums[2 * k] as number;
      totalCompensation += sums[2 * k + 1] as number;
    }
    const mean = (total + totalCompensation) / count;
    means[i] = mean;
    if (!(mean > 0)) continue;
    let squares = 0;
    for (let k = 0; k < count; k += 1) {
      const deviation = (sums[2 * k] as number) + (sums[2 * k + 1] as number) - mean;
      squares += deviation * deviation;
    }
    cvs[i] = Math.sqrt(squares / count) / mean;
  }

  return summaries.map((s, i) => {
    const count = periodCount[i] as number;
    if (s.firstPurchaseDay === null) {
      return {
        clientKey: s.clientKey,
        xyzClass: 'Z',
        coefficientOfVariation: null,
        periodCount: 0,
        meanRevenuePerPeriod: null,
        reason: 'fewer_than_two_purchases',
      };
    }
    if (s.purchaseCount < 2) {
      return {
        clientKey: s.clientKey,
        xyzClass: 'Z',
        coefficientOfVariation: null,
        periodCount: count,
        meanRevenuePerPeriod: s.totalRevenue / count,
        reason: 'fewer_than_two_purchases',
      };
    }
    const mean = means[i] as number;
    if (!(mean > 0)) {
      return {
        clientKey: s.clientKey,
        xyzClass: 'Z',
        coefficientOfVariation: null,
        periodCount: count,
        meanRevenuePerPeriod: mean,
        reason: 'non_positive_mean',
      };
    }
    const cv = cvs[i] as number;
    const xyzClass: XyzClass = cv <= xLimit ? 'X' : cv <= yLimit ? 'Y' : 'Z';
    return {
      clientKey: s.clientKey,
      xyzClass,
      coefficientOfVariation: cv,
      periodCount: count,
      meanRevenuePerPeriod: mean,
      reason: 'cv',
    };
  });
}
