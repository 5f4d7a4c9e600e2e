import { formatMonthIndex, monthIndexOfDay, ymdFromDay, type CalendarDay } from '../calendar';
import { ExactAccumulator } from '../math/exact-sum';
import type { Transaction } from '../sheet-data/types';
import { assertDay, clientHistories, type ClientHistory } from './client-histories';

export interface CohortRetentionOptions {
  /** The first day not covered (CalendarDay); rows on or after it are ignored. Required. */
  readonly asOf: CalendarDay;
}

/** One cohort: the clients whose first purchase fell in one calendar month. */
export interface CohortRow {
  /** Month index of the first purchase (months since January 1970). */
  readonly monthIndex: number;
  /** `YYYY-MM` of that month. */
  readonly label: string;
  /** Clients in the cohort. */
  readonly clients: number;
  /** Entry k: clients of the cohort with a purchase in month k after the first (k = 0 is all). */
  readonly activeClients: readonly number[];
  /** activeClients[k] / clients: ratio 0..1; entry 0 is 1. */
  readonly activeShares: readonly number[];
  /** Entry k: the cohort's net revenue (refunds included) in month k: money. */
  readonly revenue: readonly number[];
  /**
   * revenue[k] / revenue[0]: ratio, may exceed 1 when a cohort spends more later; entry 0 is 1;
   * `null` throughout when the month-0 revenue is not above 0.
   */
  readonly revenueRatios: readonly (number | null)[];
}

export interface CohortRetentionResult {
  readonly asOf: CalendarDay;
  /** Month index of the last covered day (asOf − 1). */
  readonly lastMonthIndex: number;
  /** True when the last month is only partly covered (asOf is not the 1st of a month). */
  readonly lastMonthPartial: boolean;
  /** Cohorts from the oldest; cohort i has `lastMonthIndex − monthIndex + 1` month entries. */
  readonly cohorts: readonly CohortRow[];
  /**
   * Entry k: clients active in month k over clients of the cohorts that have a month k (a
   * client-weighted average across cohorts), ratio 0..1.
   */
  readonly averageActiveShares: readonly number[];
}

/**
 * Cohort retention by month of first purchase (user guide §14, Retention alerts and cohorts).
 *
 * Definition: a client's cohort is the calendar month of its first purchase (amount ≥ 0) before
 * the as-of day; month k of a cohort is the k-th calendar month after it. The client counts as
 * active in month k when it has a purchase in that month; the share is active / cohort size, so
 * month 0 is 100 %. Revenue in month k is the cohort's net revenue in that month (refunds in the
 * month they are dated; a refund dated before the first purchase counts in month 0), and the
 * revenue ratio is revenue in month k / revenue in month 0. Refund-only clients have no cohort.
 *
 * @param transactions normalised rows; order does not matter; rows on or after asOf are ignored.
 * @throws AnalyticsError `invalid_argument` for a bad as-of day or row.
 * @example clients a (2024-01-05, 02-07) and b (01-20, 03-15), as of 2024-04-01: the January
 *   cohort has 2 clients, active [2, 1, 1], shares [1, 0.5, 0.5] (see the tests).
 */
export function cohortRetention(
  transactions: readonly Transaction[],
  options: CohortRetentionOptions,
): CohortRetentionResult {
  assertDay(options.asOf, 'asOf');
  return cohortRetentionFromHistories(clientHistories(transactions, options.asOf), options);
}

/**
 * As `cohortRetention`, from histories already grouped by `clientHistories(transactions,
 * options.asOf)` (so several analyses can share one grouping).
 */
export function cohortRetentionFromHistories(
  histories: readonly ClientHistory[],
  options: CohortRetentionOptions,
): CohortRetentionResult {
  const { asOf } = options;
  assertDay(asOf, 'asOf');
  const lastMonthIndex = monthIndexOfDay(asOf - 1);
  const byCohort = new Map<
    number,
    { clients: number; active: number[]; revenue: ExactAccumulator[] }
  >();
  for (const h of histories) {
    const first = h.purchaseDays[0];
    if (first === undefined) continue;
    const cohortMonth = monthIndexOfDay(first);
    const length = lastMonthIndex - cohortMonth + 1;
    let cohort = byCohort.get(cohortMonth);
    if (!cohort) {
      cohort = {
        clients: 0,
        active: new Array<number>(length).fill(0),
        revenue: Array.from({ length }, () => new ExactAccumulator()),
      };
      byCohort.set(cohortMonth, cohort);
    }
    cohort.clients += 1;
    let lastCountedMonth = -1;
    for (const t of h.transactions) {
      const k = Math.max(0, monthIndexOfDay(t.day) - cohortMonth);
      cohort.revenue[k]?.add(t.amount);
      if (t.amount >= 0 && k !== lastCountedMonth) {
        // Rows are in day order, so a month's purchases are adjacent: count the client once.
        cohort.active[k] = (cohort.active[k] ?? 0) + 1;
        lastCountedMonth = k;
      }
    }
  }
  const cohorts: CohortRow[] = [...byCohort.keys()]
    .sort((a, b) => a - b)
    .map((monthIndex) => {
      const c = byCohort.get(monthIndex) ?? { clients: 0, active: [], revenue: [] };
      const revenue = c.revenue.map((r) => r.value());
      const month0 = revenue[0] ?? 0;
      return {
        monthIndex,
        label: formatMonthIndex(monthIndex),
        clients: c.clients,
        activeClients: c.active,
        activeShares: c.active.map((n) => n / c.clients),
        revenue,
        revenueRatios: revenue.map((r) => (month0 > 0 ? r / month0 : null)),
      };
    });
  const averageActiveShares: number[] = [];
  for (let k = 0; cohorts.some((c) => c.activeClients.length > k); k += 1) {
    let active = 0;
    let clients = 0;
    for (const c of cohorts) {
      const a = c.activeClients[k];
      if (a === undefined) continue;
      active += a;
      clients += c.clients;
    }
    averageActiveShares.push(active / clients);
  }
  return {
    asOf,
    lastMonthIndex,
    lastMonthPartial: ymdFromDay(asOf).day !== 1,
    cohorts,
    averageActiveShares,
  };
}
