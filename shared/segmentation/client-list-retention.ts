import { addMonths, type CalendarDay } from '../calendar';
import { AnalyticsError } from '../errors';
import type { ClientRecord } from '../sheet-data/types';
import { abcClasses, type AbcClass, type AbcOptions } from './abc-classes';
import { channelRows, type ChannelPortfolio } from './channel-portfolios';
import { assertDay, compareText, definedOnly } from './client-histories';
import type { CustomerSummary } from './customer-summary';
import { DEFAULT_CHURN_WINDOW, type ChurnStatus, type ChurnWindowOptions } from './lost-clients';
import { portfolioRows, type ManagerPortfolio } from './manager-portfolios';

/** Analyses a client list (a row per client, no transactions) cannot give. */
export type NeedsTransactions =
  | 'value_lost'
  | 'churn_rate'
  | 'retention_alerts'
  | 'cohort_retention'
  | 'segment_migration'
  | 'xyz'
  | 'at_risk';

export interface ClientListRetentionOptions extends ChurnWindowOptions {
  /** The first day not covered (CalendarDay). Required. */
  readonly asOf: CalendarDay;
  /** Look-back period for the lost list, calendar months. Default 12. */
  readonly periodMonths?: number;
  /**
   * Window for a client with 2+ purchases whose first purchase day is unknown, or whose purchase
   * count is unknown, days. Default 180 (the inactivity window of user guide §9, Key metrics).
   */
  readonly unknownHistoryWindowDays?: number;
  readonly abc?: AbcOptions;
  readonly spendByChannel?: Readonly<Record<string, number>>;
}

/**
 * How a client-list window was set: one-time buyer (purchase count 1); `mean_interval` =
 * max(minimum, multiplier × (last − first) / (count − 1)), the client-list stand-in for the
 * median interval, which needs every purchase date; `unknown_history` = the fixed window.
 */
export type ClientListWindowBasis = 'one_time_buyer' | 'mean_interval' | 'unknown_history';

export interface ClientListStatus {
  readonly row: number;
  readonly clientKey: string;
  readonly clientName: string;
  readonly lastPurchaseDay: CalendarDay;
  readonly daysSinceLastPurchase: number;
  readonly windowDays: number;
  readonly basis: ClientListWindowBasis;
  readonly lostDay: number;
  readonly status: ChurnStatus;
  /** The lost day falls in (periodStart, asOf]. */
  readonly lostInPeriod: boolean;
  readonly totalRevenue: number | null;
  readonly abcClass: AbcClass | null;
}

export interface ClientListRetentionResult {
  readonly asOf: CalendarDay;
  readonly periodStart: CalendarDay;
  /** Clients with a last purchase day before asOf, by client key. */
  readonly statuses: readonly ClientListStatus[];
  /** Rows without a last purchase day before asOf: not judged (sheet row numbers). */
  readonly rowsWithoutLastPurchase: readonly number[];
  readonly lostInPeriod: number;
  readonly managers: readonly ManagerPortfolio[];
  readonly channels: readonly ChannelPortfolio[];
  /** What needs transactions and is therefore reported as not available. */
  readonly notAvailable: readonly NeedsTransactions[];
}

/**
 * The retention analyses a client list allows (user guide §17, What a client list gives): lost status from
 * the last purchase day (windows: see `ClientListWindowBasis`), the clients lost in the period,
 * ABC on total revenue (user guide §6, ABC, via `abcClasses`; rows without revenue get no class), the
 * manager portfolio (clients, revenue, A share, lost share) and the channel portfolio (the row's
 * channel; repeat rate from the purchase count when every row has one). Value lost, churn rate,
 * alerts, cohorts, migration, XYZ and at-risk shares need purchase dates and are listed in
 * `notAvailable`, never estimated.
 *
 * @param records client rows from `readSheet`; order does not matter; a client on several rows is
 *   taken from its first row (as the analysis report does).
 * @throws AnalyticsError `invalid_argument` for a bad as-of day or option.
 * @example a one-time buyer last seen on 2024-01-01 is lost as of 2024-07-01: window 180 days,
 *   lost on 2024-06-29 (see the tests).
 */
export function clientListRetention(
  records: readonly ClientRecord[],
  options: ClientListRetentionOptions,
): ClientListRetentionResult {
  const { asOf } = options;
  assertDay(asOf, 'asOf');
  const w = { ...DEFAULT_CHURN_WINDOW, unknownHistoryWindowDays: 180, ...definedOnly(options) };
  const periodMonths = options.periodMonths ?? 12;
  if (!Number.isInteger(periodMonths) || periodMonths < 1) {
    throw new AnalyticsError('invalid_argument', 'periodMonths must be a whole number ≥ 1.');
  }
  const periodStart = addMonths(asOf, -periodMonths);
  // A client named on several rows is taken from its first row, as the analysis report does.
  const sorted = [...records]
    .sort((a, b) => compareText(a.clientKey, b.clientKey) || a.row - b.row)
    .filter((r, i, all) => i === 0 || all[i - 1]?.clientKey !== r.clientKey);

  const withRevenue = sorted.filter((r) => r.totalRevenue !== undefined);
  const abc = abcClasses(
    withRevenue.map((r) => asSummary(r, asOf)),
    options.abc ?? {},
  );
  const abcByRow = new Map(withRevenue.map((r, i) => [r.row, abc[i]?.abcClass ?? null]));

  const statuses: ClientListStatus[] = [];
  const rowsWithoutLastPurchase: number[] = [];
  for (const r of sorted) {
    const last = r.lastPurchaseDay;
    if (last === undefined || last >= asOf) {
      rowsWithoutLastPurchase.push(r.row);
      continue;
    }
    const count = r.purchaseCount;
    const first = r.firstPurchaseDay;
    let windowDays: number;
    let basis: ClientListWindowBasis;
    if (count === 1) {
      windowDays = w.oneTimeBuyerWindowDays;
      basis = 'one_time_buyer';
    } else if (count !== undefined && count >= 2 && first !== undefined && first <= last) {
      windowDays = Math.max(
        w.minimumWindowDays,
        (w.windowMultiplier * (last - first)) / (count - 1),
      );
      basis = 'mean_interval';
    } else {
      windowDays = w.unknownHistoryWindowDays;
      basis = 'unknown_history';
    }
    const lostDay = last + Math.ceil(windowDays);
    statuses.push({
      row: r.row,
      clientKey: r.clientKey,
      clientName: r.clientName,
      lastPurchaseDay: last,
      daysSinceLastPurchase: asOf - last,
      windowDays,
      basis,
      lostDay,
      status: lostDay <= asOf ? 'lost' : 'active',
      lostInPeriod: lostDay <= asOf && lostDay > periodStart,
      totalRevenue: r.totalRevenue ?? null,
      abcClass: abcByRow.get(r.row) ?? null,
    });
  }
  const lostRows = new Set(statuses.filter((s) => s.status === 'lost').map((s) => s.row));
  const managers = portfolioRows(
    sorted.map((r) => ({
      manager: r.manager !== undefined && r.manager.trim() !== '' ? r.manager : null,
      revenue: r.totalRevenue ?? 0,
      isA: abcByRow.get(r.row) === 'A',
      isX: false,
      isLost: lostRows.has(r.row),
      isAtRisk: false,
    })),
    { xyz: false, atRisk: false },
  );
  const channels = channelRows(
    sorted.map((r) => ({
      channel: r.channel !== undefined && r.channel.trim() !== '' ? r.channel : null,
      revenue: r.totalRevenue ?? 0,
      purchases: r.purchaseCount ?? null,
    })),
    options.spendByChannel,
  );
  return {
    asOf,
    periodStart,
    statuses,
    rowsWithoutLastPurchase,
    lostInPeriod: statuses.filter((s) => s.lostInPeriod).length,
    managers,
    channels,
    notAvailable: [
      'value_lost',
      'churn_rate',
      'retention_alerts',
      'cohort_retention',
      'segment_migration',
      'xyz',
      'at_risk',
    ],
  };
}

/** The fields `abcClasses` reads (client key and total revenue); the rest are neutral. */
function asSummary(r: ClientRecord, asOf: CalendarDay): CustomerSummary {
  return {
    clientKey: r.clientKey,
    clientName: r.clientName,
    firstPurchaseDay: r.firstPurchaseDay ?? null,
    lastPurchaseDay: r.lastPurchaseDay ?? null,
    daysSinceLastPurchase: r.lastPurchaseDay === undefined ? null : asOf - r.lastPurchaseDay,
    purchaseCount: r.purchaseCount ?? 0,
    refundCount: 0,
    totalRevenue: r.totalRevenue ?? 0,
    asOfDay: asOf,
  };
}
