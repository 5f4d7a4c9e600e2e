import type { CustomerSummary } from '../segmentation/customer-summary';
import { requireNonNegative, requirePositive } from './argument-checks';
import { metricsError } from './messages';

/**
 * Repeat purchase rate: clients who bought at least twice / clients who bought at least once.
 * Source: the "repeat customer rate" of e-commerce analytics: customers with more than one order
 * / all customers with an order in the period.
 *
 * Parameters: `repeatClients` clients with ≥ 2 purchases (≥ 0); `buyingClients` clients with ≥ 1
 * purchase (> 0, ≥ repeatClients). Result: ratio 0..1.
 * Throws `AnalyticsError('invalid_argument')` for negative counts, buyingClients ≤ 0, or more
 * repeat clients than buying clients.
 *
 * Example: `repeatPurchaseRate(360, 1200)` is 0.3.
 */
export function repeatPurchaseRate(repeatClients: number, buyingClients: number): number {
  requireNonNegative('repeatClients', repeatClients);
  requirePositive('buyingClients', buyingClients);
  if (repeatClients > buyingClients) {
    throw metricsError('invalid_argument', 'error.cannotExceed', {
      argument: 'repeatClients',
      value: repeatClients,
      limitArgument: 'buyingClients',
      limit: buyingClients,
    });
  }
  return repeatClients / buyingClients;
}

export interface RepeatPurchaseStats {
  /** Clients with at least one purchase (refund-only clients are not buyers). */
  readonly buyingClients: number;
  /** Clients with at least two purchases. */
  readonly repeatClients: number;
  /** repeatClients / buyingClients; `null` when nobody bought. */
  readonly repeatRate: number | null;
  /** Purchases after each client's first: Σ max(0, purchaseCount − 1). */
  readonly repeatPurchaseCount: number;
}

/**
 * Repeat purchase count and rate of a client base (`summariseCustomers` output). Throws nothing.
 *
 * Example: purchase counts 1, 2, 5, 0 give buyingClients 3, repeatClients 2, rate 2/3,
 * repeatPurchaseCount 0 + 1 + 4 = 5.
 */
export function repeatPurchaseStats(summaries: readonly CustomerSummary[]): RepeatPurchaseStats {
  let buyingClients = 0;
  let repeatClients = 0;
  let repeatPurchaseCount = 0;
  for (const s of summaries) {
    if (s.purchaseCount >= 1) buyingClients += 1;
    if (s.purchaseCount >= 2) repeatClients += 1;
    repeatPurchaseCount += Math.max(0, s.purchaseCount - 1);
  }
  return {
    buyingClients,
    repeatClients,
    repeatRate: buyingClients > 0 ? repeatClients / buyingClients : null,
    repeatPurchaseCount,
  };
}
