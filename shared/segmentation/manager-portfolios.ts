import type { CalendarDay } from '../calendar';
import { ExactAccumulator } from '../math/exact-sum';
import type { Transaction } from '../sheet-data/types';
import { assertDay, compareText } from './client-histories';
import { clientSegments, type ClientSegments, type SegmentationOptions } from './client-segments';
import {
  clientChurnStatuses,
  type ChurnWindowOptions,
  type ClientChurnStatus,
} from './lost-clients';
import type { RfmSegment } from './rfm-segments';

export interface ManagerPortfolioOptions extends SegmentationOptions, ChurnWindowOptions {
  /** The first day not covered (CalendarDay); rows on or after it are ignored. Required. */
  readonly asOf: CalendarDay;
  /** RFM segments that mean "at risk". Default about_to_sleep, at_risk, cannot_lose. */
  readonly atRiskSegments?: readonly RfmSegment[];
}

export const DEFAULT_AT_RISK_SEGMENTS: readonly RfmSegment[] = [
  'about_to_sleep',
  'at_risk',
  'cannot_lose',
];

export interface ManagerPortfolio {
  /** The manager's name as written in the sheet; `null` for clients with no manager. */
  readonly manager: string | null;
  readonly clients: number;
  /** Net revenue of the manager's clients (refunds included): money. */
  readonly revenue: number;
  /** revenue / the revenue of all clients; `null` when that total is not above 0. */
  readonly revenueShare: number | null;
  readonly aClients: number;
  /** aClients / clients, ratio 0..1. */
  readonly aShare: number;
  readonly xClients: number;
  /** xClients / clients, ratio 0..1; `null` when XYZ cannot be computed (client-list input). */
  readonly xShare: number | null;
  /** Clients not lost whose RFM segment is an at-risk segment; `null` when RFM is not available. */
  readonly atRiskClients: number | null;
  /** Clients lost on the as-of day (`lostClients` rule). */
  readonly lostClients: number;
  /** lostClients / clients, ratio 0..1. */
  readonly lostShare: number;
  /** (atRiskClients + lostClients) / clients, ratio 0..1; `null` when RFM is not available. */
  readonly atRiskOrLostShare: number | null;
}

/**
 * Side-by-side portfolios of the client managers (user guide §16, Managers and channels). A client belongs to the manager of its
 * earliest row that names one (`summariseCustomers`); per manager: clients, net revenue and its
 * share, the share of ABC class A and of XYZ class X (user guide §6–7 rules on all rows before asOf), and
 * the share at risk (an at-risk RFM segment, not yet lost) or lost (`lostClients` window rule).
 *
 * @param transactions normalised rows; order does not matter; rows on or after asOf are ignored.
 * @throws AnalyticsError `invalid_argument` for a bad as-of day, option or row.
 * @returns managers by revenue descending, then name; clients without a manager last.
 * @example Anna with clients of 900 (A) and 100 (B) has 2 clients, revenue 1,000, A share 0.5.
 */
export function managerPortfolios(
  transactions: readonly Transaction[],
  options: ManagerPortfolioOptions,
): ManagerPortfolio[] {
  assertDay(options.asOf, 'asOf');
  return managerPortfoliosFromSegments(
    clientSegments(transactions, options.asOf, undefined, options),
    clientChurnStatuses(transactions, options),
    options,
  );
}

/**
 * As `managerPortfolios`, from the segments of user guide §4–7 (`clientSegments` on all rows before asOf)
 * and the churn statuses (`clientChurnStatuses`) already computed for the same as-of day.
 */
export function managerPortfoliosFromSegments(
  segments: readonly ClientSegments[],
  statuses: readonly ClientChurnStatus[],
  options: Pick<ManagerPortfolioOptions, 'atRiskSegments'> = {},
): ManagerPortfolio[] {
  const lost = new Set(statuses.filter((s) => s.status === 'lost').map((s) => s.clientKey));
  const atRisk = new Set(options.atRiskSegments ?? DEFAULT_AT_RISK_SEGMENTS);
  return portfolioRows(
    segments.map((s) => ({
      manager: s.summary.manager ?? null,
      revenue: s.summary.totalRevenue,
      isA: s.abcClass === 'A',
      isX: s.xyzClass === 'X',
      isLost: lost.has(s.summary.clientKey),
      isAtRisk: !lost.has(s.summary.clientKey) && atRisk.has(s.segment),
    })),
    { xyz: true, atRisk: true },
  );
}

/** One client's facts for a portfolio row; flags of unavailable measures are ignored. */
export interface PortfolioClient {
  readonly manager: string | null;
  readonly revenue: number;
  readonly isA: boolean;
  readonly isX: boolean;
  readonly isLost: boolean;
  readonly isAtRisk: boolean;
}

/**
 * Groups clients into manager rows (shared by transaction and client-list input); measures not
 * `available` come out as `null`. Throws nothing.
 *
 * @example two clients of Anna, one A and lost, one B: clients 2, A share 0.5, lost share 0.5.
 */
export function portfolioRows(
  clients: readonly PortfolioClient[],
  available: { readonly xyz: boolean; readonly atRisk: boolean },
): ManagerPortfolio[] {
  const groups = new Map<string | null, PortfolioClient[]>();
  const total = new ExactAccumulator();
  for (const c of clients) {
    total.add(c.revenue);
    const group = groups.get(c.manager);
    if (group) group.push(c);
    else groups.set(c.manager, [c]);
  }
  const totalRevenue = total.value();
  const rows: ManagerPortfolio[] = [];
  for (const [manager, members] of groups) {
    const revenue = new ExactAccumulator();
    let a = 0;
    let x = 0;
    let risk = 0;
    let lost = 0;
    for (const c of members) {
      revenue.add(c.revenue);
      if (c.isA) a += 1;
      if (c.isX) x += 1;
      if (c.isLost) lost += 1;
      else if (c.isAtRisk) risk += 1;
    }
    const n = members.length;
    rows.push({
      manager,
      clients: n,
      revenue: revenue.value(),
      revenueShare: totalRevenue > 0 ? revenue.value() / totalRevenue : null,
      aClients: a,
      aShare: a / n,
      xClients: available.xyz ? x : 0,
      xShare: available.xyz ? x / n : null,
      atRiskClients: available.atRisk ? risk : null,
      lostClients: lost,
      lostShare: lost / n,
      atRiskOrLostShare: available.atRisk ? (risk + lost) / n : null,
    });
  }
  return rows.sort((p, q) => {
    if ((p.manager === null) !== (q.manager === null)) return p.manager === null ? 1 : -1;
    return q.revenue - p.revenue || compareText(p.manager ?? '', q.manager ?? '');
  });
}
