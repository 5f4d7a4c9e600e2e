import { requireNonNegative, requirePositive } from './argument-checks';

/**
 * Customer acquisition cost (CAC): marketing spend / new clients acquired with it.
 * Source: P. W. Farris, N. T. Bendle, P. E. Pfeifer, D. J. Reibstein, "Marketing Metrics", 2nd ed.
 * (2010), §5.5 "Average acquisition cost = acquisition spending / number of customers acquired".
 *
 * Parameters: `marketingSpend` money (≥ 0) spent in the period; `newClients` clients acquired in
 * the same period (> 0). Result: money per client.
 * Throws `AnalyticsError('invalid_argument')` for negative spend or zero/negative new clients.
 *
 * Example: `customerAcquisitionCost(50_000, 125)` is 400.
 */
export function customerAcquisitionCost(marketingSpend: number, newClients: number): number {
  requireNonNegative('marketingSpend', marketingSpend);
  requirePositive('newClients', newClients);
  return marketingSpend / newClients;
}
