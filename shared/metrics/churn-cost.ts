import { requireNonNegative } from './argument-checks';

/**
 * Yearly cost of churn: clients lost in a year × the yearly value of one client (revenue or
 * margin a client brings per year, as the user chooses): what the clients who leave in a year
 * would have brought in the following year.
 *
 * Parameters: `lostClientsPerYear` clients (≥ 0); `yearlyValuePerClient` money per client per year
 * (≥ 0). Result: money per year.
 * Throws `AnalyticsError('invalid_argument')` for negative arguments.
 *
 * Example: `yearlyChurnCost(90, 12_000)` is 1,080,000.
 */
export function yearlyChurnCost(lostClientsPerYear: number, yearlyValuePerClient: number): number {
  requireNonNegative('lostClientsPerYear', lostClientsPerYear);
  requireNonNegative('yearlyValuePerClient', yearlyValuePerClient);
  return lostClientsPerYear * yearlyValuePerClient;
}
