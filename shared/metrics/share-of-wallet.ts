import { metricsError } from './messages';
import { requireNonNegative, requirePositive } from './argument-checks';

/**
 * Share of wallet: your sales to a client / the client's total purchases of that kind (from you
 * and from competitors). Source: Farris et al., "Marketing Metrics" (2010), §2.5 "share of
 * requirements" (the same ratio for one customer).
 *
 * Parameters: `yourSales` money (≥ 0); `clientTotalPurchases` money (> 0, ≥ yourSales), both over
 * the same period and category. Result: ratio 0..1.
 * Throws `AnalyticsError('invalid_argument')` for negative sales, a non-positive total, or sales
 * above the total.
 *
 * Example: `shareOfWallet(30_000, 120_000)` is 0.25.
 */
export function shareOfWallet(yourSales: number, clientTotalPurchases: number): number {
  requireNonNegative('yourSales', yourSales);
  requirePositive('clientTotalPurchases', clientTotalPurchases);
  if (yourSales > clientTotalPurchases) {
    throw metricsError('invalid_argument', 'error.cannotExceed', {
      argument: 'yourSales',
      value: yourSales,
      limitArgument: 'clientTotalPurchases',
      limit: clientTotalPurchases,
    });
  }
  return yourSales / clientTotalPurchases;
}
