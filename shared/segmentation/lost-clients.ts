import { addMonths, monthIndexOfDay, type CalendarDay } from '../calendar';
import { AnalyticsError } from '../errors';
import { ExactAccumulator } from '../math/exact-sum';
import { median } from '../math/statistics';
import type { Transaction } from '../sheet-data/types';
import { retentionError } from './retention-messages';
import {
  assertDay,
  assertNumberAtLeast,
  clientHistories,
  compareText,
  purchaseIntervalsDays,
  type ClientHistory,
} from './client-histories';

/** The churn-window rule. Defaults of user guide §13, Lost clients: 3 × the client's median interval, ≥ 90 days. */
export interface ChurnWindowOptions {
  /** Window = multiplier × the client's median days between purchases. Default 3. */
  readonly windowMultiplier?: number;
  /** The window is never shorter than this, in days. Default 90. */
  readonly minimumWindowDays?: number;
  /** Window for a client with a single purchase day (no interval to measure), days. Default 180. */
  readonly oneTimeBuyerWindowDays?: number;
}

export const DEFAULT_CHURN_WINDOW: Required<ChurnWindowOptions> = {
  windowMultiplier: 3,
  minimumWindowDays: 90,
  oneTimeBuyerWindowDays: 180,
};

/** How a client's window was set: from its own intervals, by the floor, or as a one-time buyer. */
export type ChurnWindowBasis = 'median_interval' | 'minimum' | 'one_time_buyer';

export interface ChurnWindow {
  readonly windowDays: number;
  readonly basis: ChurnWindowBasis;
  /** Median days between distinct purchase days; `null` for a one-time buyer. */
  readonly medianIntervalDays: number | null;
}

/**
 * The number of days without a purchase after which a client counts as lost.
 *
 * Definition (user guide §13, Lost clients): `max(minimumWindowDays, windowMultiplier × median interval)`, where the
 * intervals are the gaps in days between consecutive distinct purchase days; a client with one
 * purchase day gets `oneTimeBuyerWindowDays`.
 *
 * @param purchaseDays distinct purchase days, ascending (CalendarDay); must not be empty.
 * @throws AnalyticsError `invalid_argument` for an empty list or a negative option.
 * @example churnWindow([0, 10, 40]) → intervals 10 and 30, median 20, 3 × 20 = 60 < 90, so
 *   `{ windowDays: 90, basis: 'minimum', medianIntervalDays: 20 }`.
 */
export function churnWindow(
  purchaseDays: readonly CalendarDay[],
  options: ChurnWindowOptions = {},
): ChurnWindow {
  const o = resolveWindowOptions(options);
  if (purchaseDays.length === 0) {
    throw new AnalyticsError('invalid_argument', 'A churn window needs at least one purchase day.');
  }
  return windowFromDays(purchaseDays, o);
}

function windowFromDays(
  purchaseDays: readonly CalendarDay[],
  o: Required<ChurnWindowOptions>,
): ChurnWindow {
  if (purchaseDays.length < 2) {
    return {
      windowDays: o.oneTimeBuyerWindowDays,
      basis: 'one_time_buyer',
      medianIntervalDays: null,
    };
  }
  const medianDays = median(purchaseIntervalsDays(purchaseDays));
  const fromIntervals = o.windowMultiplier * medianDays;
  return fromIntervals > o.minimumWindowDays
    ? { windowDays: fromIntervals, basis: 'median_interval', medianIntervalDays: medianDays }
    : { windowDays: o.minimumWindowDays, basis: 'minimum', medianIntervalDays: medianDays };
}

/**
 * The window options with the defaults of user guide §13 filled in (`DEFAULT_CHURN_WINDOW`).
 *
 * @throws AnalyticsError `invalid_argument` for a negative or non-finite option.
 * @example resolveWindowOptions({ minimumWindowDays: 60 }) → multiplier 3, minimum 60, one-time 180.
 */
export function resolveWindowOptions(options: ChurnWindowOptions): Required<ChurnWindowOptions> {
  // Read field by field: this runs once per analysis, but callers pass large option objects.
  const o = {
    windowMultiplier: options.windowMultiplier ?? DEFAULT_CHURN_WINDOW.windowMultiplier,
    minimumWindowDays: options.minimumWindowDays ?? DEFAULT_CHURN_WINDOW.minimumWindowDays,
    oneTimeBuyerWindowDays:
      options.oneTimeBuyerWindowDays ?? DEFAULT_CHURN_WINDOW.oneTimeBuyerWindowDays,
  };
  assertNumberAtLeast(o.windowMultiplier, 0, 'windowMultiplier');
  assertNumberAtLeast(o.minimumWindowDays, 0, 'minimumWindowDays');
  assertNumberAtLeast(o.oneTimeBuyerWindowDays, 0, 'oneTimeBuyerWindowDays');
  return o;
}

export interface LostClientsOptions extends ChurnWindowOptions {
  /** The first day not covered (CalendarDay); rows on or after it are ignored. Required. */
  readonly asOf: CalendarDay;
  /** Length of the look-back period, in calendar months. Default 12. */
  readonly periodMonths?: number;
  /**
   * Months a lost client would still have stayed. Default: the base's average lifetime in months
   * (see `averageLifetimeMonths`).
   */
  readonly expectedRemainingMonths?: number;
  /**
   * Yearly revenue of a typical client, money per year, for the value of one point of churn.
   * Default: net revenue in the period / clients who bought in it, scaled to 12 months.
   */
  readonly yearlyValuePerClient?: number;
}

/** Where a client stands on the as-of day. A client has exactly one status. */
export type ChurnStatus = 'active' | 'lost';

export interface ClientChurnStatus extends ChurnWindow {
  readonly clientKey: string;
  readonly clientName: string;
  readonly firstPurchaseDay: CalendarDay;
  readonly lastPurchaseDay: CalendarDay;
  /** Distinct purchase days before the as-of day. */
  readonly purchaseDayCount: number;
  readonly daysSinceLastPurchase: number;
  /**
   * lastPurchaseDay + ⌈windowDays⌉: the first day the client counts as lost (may lie after
   * as-of); a whole CalendarDay even when the window is fractional (3 × a median of 30.5 days).
   */
  readonly lostDay: number;
  readonly status: ChurnStatus;
}

export interface LostClient extends ClientChurnStatus {
  /**
   * Net revenue on the 365 days ending on the last purchase day (lastPurchaseDay − 364 …
   * lastPurchaseDay), plus refunds dated after it (they give back money from those purchases):
   * money per year.
   */
  readonly yearlyRevenueBeforeLeaving: number;
  /** yearlyRevenueBeforeLeaving / 12: money per month. */
  readonly monthlySpend: number;
  /** Months the client would have stayed (the option or the base average). */
  readonly expectedRemainingMonths: number;
  /** monthlySpend × expectedRemainingMonths: money. */
  readonly valueLost: number;
  /** True when the client was active on the first day of the period (counts in the churn rate). */
  readonly activeAtPeriodStart: boolean;
}

export interface LostClientsTotals {
  /** Clients with at least one purchase before the as-of day. */
  readonly clientsWithPurchases: number;
  readonly activeClients: number;
  /** Lost on the as-of day, whenever they left (lost earlier than the period included). */
  readonly lostClients: number;
  /** Lost clients whose lost day falls in (periodStart, asOf]. */
  readonly lostInPeriod: number;
  /** Clients active on periodStart (judged on the rows before periodStart). */
  readonly activeAtPeriodStart: number;
  /** Of those, how many are lost on the as-of day. */
  readonly lostFromPeriodStart: number;
  /** lostFromPeriodStart / activeAtPeriodStart (ratio 0..1); `null` when nobody was active. */
  readonly churnRate: number | null;
  /** Sum of yearlyRevenueBeforeLeaving over the clients lost in the period: money per year. */
  readonly lostYearlyRevenue: number;
  /** Sum of valueLost over the clients lost in the period: money. */
  readonly valueLost: number;
  readonly expectedRemainingMonths: number;
  /** Money per client per year (the option or the default described in the options). */
  readonly yearlyValuePerClient: number;
  /** activeAtPeriodStart × 1 % × yearlyValuePerClient: yearly revenue kept per point of churn. */
  readonly valuePerChurnPoint: number;
  /** lostFromPeriodStart × yearlyValuePerClient: the yearly cost of churn (user guide §11 and §13). */
  readonly yearlyCostOfChurn: number;
}

export interface LostClientsResult {
  readonly asOf: CalendarDay;
  /** addMonths(asOf, −periodMonths): the period is (periodStart, asOf]. */
  readonly periodStart: CalendarDay;
  readonly periodMonths: number;
  /** Every client with a purchase, by client key, each with exactly one status. */
  readonly statuses: readonly ClientChurnStatus[];
  /** Clients lost in the period, largest value lost first (ties by client key). */
  readonly lostClients: readonly LostClient[];
  readonly totals: LostClientsTotals;
}

/**
 * The base's average lifetime in months, as in the simple LTV formula of user guide §10, Lifetime value (and
 * `ltvSimpleInputs` in `shared/metrics`): the sum over clients of their active months divided by
 * the number of clients, where a client's active months are the calendar months from the month of
 * its first purchase through the month of its last purchase, both counted (a one-time buyer has 1).
 *
 * @param histories clients with at least one purchase count; others are skipped.
 * @example purchases 2020-01-15 and 2020-06-02 (6 months) and a one-time buyer (1): (6 + 1) / 2 = 3.5.
 */
export function averageLifetimeMonths(histories: readonly ClientHistory[]): number {
  let months = 0;
  let clients = 0;
  for (const h of histories) {
    const first = h.purchaseDays[0];
    const last = h.purchaseDays[h.purchaseDays.length - 1];
    if (first === undefined || last === undefined) continue;
    months += monthIndexOfDay(last) - monthIndexOfDay(first) + 1;
    clients += 1;
  }
  return clients === 0 ? 0 : months / clients;
}

/**
 * Each client's churn status on the as-of day: lost when `asOf − lastPurchaseDay ≥ windowDays`
 * (equivalently `lostDay ≤ asOf`), active otherwise. Refund-only clients have no purchase and no
 * status.
 *
 * @param transactions normalised rows; rows on or after `asOf` are ignored.
 * @throws AnalyticsError `invalid_argument` for a bad as-of day, option or row.
 * @example one purchase on day 0, asOf 180 → window 180 (one-time buyer), lost on day 180.
 */
export function clientChurnStatuses(
  transactions: readonly Transaction[],
  options: ChurnWindowOptions & { readonly asOf: CalendarDay },
): ClientChurnStatus[] {
  return clientChurnStatusesFromHistories(clientHistories(transactions, options.asOf), options);
}

/**
 * As `clientChurnStatuses`, from histories already grouped by `clientHistories(transactions,
 * options.asOf)` (so several analyses can share one grouping).
 */
export function clientChurnStatusesFromHistories(
  histories: readonly ClientHistory[],
  options: ChurnWindowOptions & { readonly asOf: CalendarDay },
): ClientChurnStatus[] {
  const { asOf } = options;
  assertDay(asOf, 'asOf');
  const o = resolveWindowOptions(options);
  const result: ClientChurnStatus[] = [];
  for (const h of histories) {
    const status = statusFromDays(h, h.purchaseDays, asOf, o);
    if (status) result.push(status);
  }
  return result;
}

function statusFromDays(
  h: ClientHistory,
  purchaseDays: readonly CalendarDay[],
  asOf: CalendarDay,
  o: Required<ChurnWindowOptions>,
): ClientChurnStatus | undefined {
  const first = purchaseDays[0];
  const last = purchaseDays[purchaseDays.length - 1];
  if (first === undefined || last === undefined) return undefined;
  const window = windowFromDays(purchaseDays, o);
  // Whole days: lost once asOf − last ≥ window, i.e. from last + ⌈window⌉ on.
  const lostDay = last + Math.ceil(window.windowDays);
  return {
    clientKey: h.clientKey,
    clientName: h.clientName,
    firstPurchaseDay: first,
    lastPurchaseDay: last,
    purchaseDayCount: purchaseDays.length,
    daysSinceLastPurchase: asOf - last,
    ...window,
    lostDay,
    status: lostDay <= asOf ? 'lost' : 'active',
  };
}

/**
 * Clients lost in the last `periodMonths` months, what they brought and what leaving cost.
 *
 * Definitions (user guide §13, Lost clients, churn and what it costs):
 * - lost day = last purchase day + churn window (`churnWindow`); a client is lost in the period
 *   when its lost day falls in (periodStart, asOf], periodStart = asOf − periodMonths months;
 * - yearly revenue before leaving = net revenue on the 365 days ending on the last purchase day
 *   (refunds after it included);
 *   monthly spend = that / 12; value lost = monthly spend × expected remaining months;
 * - churn rate = clients active on periodStart (judged on the rows before it) who are lost on the
 *   as-of day / clients active on periodStart. Clients acquired during the period and already
 *   lost count in `lostInPeriod` but not in the rate, so the rate stays in [0, 1];
 * - value of one point of churn = activeAtPeriodStart × 1 % × yearly value per client.
 *
 * @param transactions normalised rows; order does not matter; rows on or after asOf are ignored.
 * @throws AnalyticsError `invalid_argument` for a bad as-of day, option or row.
 * @example a client buying 1,000 on the first of every month for a year and then stopping, with
 *   expectedRemainingMonths 240, loses 12,000 / 12 × 240 = 240,000 (see the tests).
 */
export function lostClients(
  transactions: readonly Transaction[],
  options: LostClientsOptions,
): LostClientsResult {
  assertDay(options.asOf, 'asOf');
  return lostClientsFromHistories(clientHistories(transactions, options.asOf), options);
}

/**
 * As `lostClients`, from histories already grouped by `clientHistories(transactions,
 * options.asOf)` (so several analyses can share one grouping).
 */
export function lostClientsFromHistories(
  histories: readonly ClientHistory[],
  options: LostClientsOptions,
): LostClientsResult {
  const { asOf } = options;
  assertDay(asOf, 'asOf');
  const periodMonths = options.periodMonths ?? 12;
  if (!Number.isInteger(periodMonths) || periodMonths < 1) {
    throw retentionError('invalid_argument', 'error.periodMonths', {}, { periodMonths });
  }
  const o = resolveWindowOptions(options);
  const periodStart = addMonths(asOf, -periodMonths);
  const expectedRemainingMonths =
    options.expectedRemainingMonths ?? averageLifetimeMonths(histories);
  assertNumberAtLeast(expectedRemainingMonths, 0, 'expectedRemainingMonths');

  const statuses: ClientChurnStatus[] = [];
  const lost: LostClient[] = [];
  let activeAtStart = 0;
  let lostFromStart = 0;
  const periodRevenue = new ExactAccumulator();
  let periodBuyers = 0;
  for (const h of histories) {
    // Refunds of refund-only clients in the period count in the period's revenue too.
    let boughtInPeriod = false;
    for (const t of h.transactions) {
      if (t.day < periodStart) continue;
      periodRevenue.add(t.amount);
      if (t.amount >= 0) boughtInPeriod = true;
    }
    if (boughtInPeriod) periodBuyers += 1;
    const status = statusFromDays(h, h.purchaseDays, asOf, o);
    if (!status) continue;
    statuses.push(status);
    const before = h.purchaseDays.slice(0, lowerBound(h.purchaseDays, periodStart));
    const startStatus = statusFromDays(h, before, periodStart, o);
    const wasActive = startStatus?.status === 'active';
    if (wasActive) {
      activeAtStart += 1;
      if (status.status === 'lost') lostFromStart += 1;
    }
    if (status.status !== 'lost' || status.lostDay <= periodStart) continue;
    const yearly = new ExactAccumulator();
    for (const t of h.transactions) {
      if (t.day > status.lastPurchaseDay - 365) yearly.add(t.amount);
    }
    const yearlyRevenueBeforeLeaving = yearly.value();
    const monthlySpend = yearlyRevenueBeforeLeaving / 12;
    lost.push({
      ...status,
      yearlyRevenueBeforeLeaving,
      monthlySpend,
      expectedRemainingMonths,
      valueLost: monthlySpend * expectedRemainingMonths,
      activeAtPeriodStart: wasActive,
    });
  }
  lost.sort((a, b) => b.valueLost - a.valueLost || compareText(a.clientKey, b.clientKey));

  const yearlyValuePerClient =
    options.yearlyValuePerClient ??
    (periodBuyers === 0 ? 0 : ((periodRevenue.value() / periodBuyers) * 12) / periodMonths);
  assertNumberAtLeast(yearlyValuePerClient, -Infinity, 'yearlyValuePerClient');
  const lostRevenue = new ExactAccumulator();
  const valueLost = new ExactAccumulator();
  for (const c of lost) {
    lostRevenue.add(c.yearlyRevenueBeforeLeaving);
    valueLost.add(c.valueLost);
  }
  const lostNow = statuses.filter((s) => s.status === 'lost').length;
  return {
    asOf,
    periodStart,
    periodMonths,
    statuses,
    lostClients: lost,
    totals: {
      clientsWithPurchases: statuses.length,
      activeClients: statuses.length - lostNow,
      lostClients: lostNow,
      lostInPeriod: lost.length,
      activeAtPeriodStart: activeAtStart,
      lostFromPeriodStart: lostFromStart,
      churnRate: activeAtStart === 0 ? null : lostFromStart / activeAtStart,
      lostYearlyRevenue: lostRevenue.value(),
      valueLost: valueLost.value(),
      expectedRemainingMonths,
      yearlyValuePerClient,
      valuePerChurnPoint: activeAtStart * 0.01 * yearlyValuePerClient,
      yearlyCostOfChurn: lostFromStart * yearlyValuePerClient,
    },
  };
}

/**
 * Yearly revenue kept by cutting churn by `points` percentage points: points × value per point.
 *
 * @param totals the totals of `lostClients`.
 * @param points percentage points of churn removed (e.g. 5 for 20 % → 15 %).
 * @example 100 clients active at the period start, 12,000 a year each: one point is
 *   100 × 1 % × 12,000 = 12,000, five points 60,000.
 */
export function revenueKeptByChurnCut(
  totals: Pick<LostClientsTotals, 'valuePerChurnPoint'>,
  points: number,
): number {
  assertNumberAtLeast(points, 0, 'points');
  return totals.valuePerChurnPoint * points;
}

/** Index of the first element ≥ value in an ascending array. */
function lowerBound(sorted: readonly number[], value: number): number {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if ((sorted[mid] ?? 0) < value) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}
