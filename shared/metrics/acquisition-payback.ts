import { requireFinite, requirePositive } from './argument-checks';

/**
 * Acquisition payback by revenue: (gross revenue from the new clients / new clients) / CAC, i.e.
 * how many times the revenue per new client covers what acquiring that client cost (≥ 1: paid
 * back). A ratio ("times"), not a time.
 * Source: the unit-economics ratio of revenue per acquired customer to acquisition cost; see
 * Farris et al., "Marketing Metrics" (2010), §5.5 on average acquisition cost.
 *
 * Parameters: `grossRevenue` money the new clients brought; `newClients` their number (> 0);
 * `acquisitionCost` CAC in money per client (> 0).
 * Throws `AnalyticsError('invalid_argument')` for non-finite revenue or non-positive clients/CAC.
 *
 * Example: `acquisitionPaybackByRevenue(120_000, 100, 400)` is (120000 / 100) / 400 = 3.
 */
export function acquisitionPaybackByRevenue(
  grossRevenue: number,
  newClients: number,
  acquisitionCost: number,
): number {
  requireFinite('grossRevenue', grossRevenue);
  requirePositive('newClients', newClients);
  requirePositive('acquisitionCost', acquisitionCost);
  return grossRevenue / newClients / acquisitionCost;
}

/**
 * Acquisition payback by profit: (gross profit from the new clients / new clients) / CAC. The
 * stricter form: the client pays back only what it earns above cost of sales. Source as
 * `acquisitionPaybackByRevenue`.
 *
 * Parameters: `grossProfit` money (may be negative); `newClients` > 0; `acquisitionCost` money per
 * client > 0. Throws as `acquisitionPaybackByRevenue`.
 *
 * Example: `acquisitionPaybackByProfit(30_000, 100, 400)` is (30000 / 100) / 400 = 0.75.
 */
export function acquisitionPaybackByProfit(
  grossProfit: number,
  newClients: number,
  acquisitionCost: number,
): number {
  requireFinite('grossProfit', grossProfit);
  requirePositive('newClients', newClients);
  requirePositive('acquisitionCost', acquisitionCost);
  return grossProfit / newClients / acquisitionCost;
}
