import { requireNonNegative } from './argument-checks';

/**
 * The value lost with one client: monthly spend × expected remaining months of the relationship
 * (undiscounted).
 *
 * Parameters: `monthlySpend` money per month (≥ 0); `expectedRemainingMonths` months (≥ 0).
 * Result: money. Throws `AnalyticsError('invalid_argument')` for negative arguments.
 *
 * Example: `lostClientValue(1000, 240)` is 240,000 (1,000 a month for 20 more years).
 */
export function lostClientValue(monthlySpend: number, expectedRemainingMonths: number): number {
  requireNonNegative('monthlySpend', monthlySpend);
  requireNonNegative('expectedRemainingMonths', expectedRemainingMonths);
  return monthlySpend * expectedRemainingMonths;
}
