import { ExactAccumulator } from '../math/exact-sum';
import type { CustomerSummary } from '../segmentation/customer-summary';
import { requireFinite, requirePositive } from './argument-checks';

/**
 * Average check (average order value): revenue / number of sales.
 * Source: the retail definition of average transaction value (revenue / transactions), as in
 * Farris et al., "Marketing Metrics" (2010), ch. 7 on price per unit and per transaction.
 *
 * Parameters: `revenue` money; `salesCount` number of sales (> 0). Result: money per sale.
 * Throws `AnalyticsError('invalid_argument')` for non-finite revenue or salesCount ≤ 0.
 *
 * Example: `averageCheck(45_000, 30)` is 1500.
 */
export function averageCheck(revenue: number, salesCount: number): number {
  requireFinite('revenue', revenue);
  requirePositive('salesCount', salesCount);
  return revenue / salesCount;
}

/**
 * Average check by profit: gross profit / number of sales (money per sale). Throws as
 * `averageCheck`.
 *
 * Example: `averageProfitPerSale(13_500, 30)` is 450.
 */
export function averageProfitPerSale(profit: number, salesCount: number): number {
  requireFinite('profit', profit);
  requirePositive('salesCount', salesCount);
  return profit / salesCount;
}

export interface ClientBaseAverageCheck {
  /** Σ totalRevenue (refunds included) / Σ purchaseCount; `null` when there are no purchases. */
  readonly byRevenue: number | null;
  /** Σ totalProfit / Σ purchaseCount; `null` without a profit column or purchases. */
  readonly byProfit: number | null;
  readonly revenue: number;
  readonly profit: number | null;
  readonly purchaseCount: number;
}

/**
 * Average check of a client base from `summariseCustomers` output: net revenue over all purchases
 * (a refund lowers revenue and is not a sale), and the same by profit when any client has profit.
 * Throws nothing.
 *
 * Example: clients with (revenue 300, 2 purchases) and (100, 2) have average check 400 / 4 = 100.
 */
export function averageCheckOfClients(
  summaries: readonly CustomerSummary[],
): ClientBaseAverageCheck {
  const revenue = new ExactAccumulator();
  const profit = new ExactAccumulator();
  let hasProfit = false;
  let purchases = 0;
  for (const s of summaries) {
    revenue.add(s.totalRevenue);
    purchases += s.purchaseCount;
    if (s.totalProfit !== undefined) {
      hasProfit = true;
      profit.add(s.totalProfit);
    }
  }
  return {
    byRevenue: purchases > 0 ? revenue.value() / purchases : null,
    byProfit: purchases > 0 && hasProfit ? profit.value() / purchases : null,
    revenue: revenue.value(),
    profit: hasProfit ? profit.value() : null,
    purchaseCount: purchases,
  };
}
