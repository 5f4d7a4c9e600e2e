import { metricsError } from './messages';
import { requireNonNegative, requirePositive } from './argument-checks';

/**
 * Churn rate for a period: clients lost during the period / clients at its start.
 * Source: Farris et al., "Marketing Metrics" (2010), §5.1: retention rate = customers retained /
 * customers at risk; churn = 1 − retention = lost / customers at the start.
 *
 * Parameters: `lostClients` clients lost in the period (≥ 0); `clientsAtStart` clients at the start
 * (> 0, ≥ lostClients). Result: ratio 0..1 per period.
 * Throws `AnalyticsError('invalid_argument')` for negative counts, no clients at the start, or more
 * lost than there were.
 *
 * Example: `churnRate(90, 600)` is 0.15.
 */
export function churnRate(lostClients: number, clientsAtStart: number): number {
  requireNonNegative('lostClients', lostClients);
  requirePositive('clientsAtStart', clientsAtStart);
  if (lostClients > clientsAtStart) {
    throw metricsError('invalid_argument', 'error.cannotExceed', {
      argument: 'lostClients',
      value: lostClients,
      limitArgument: 'clientsAtStart',
      limit: clientsAtStart,
    });
  }
  return lostClients / clientsAtStart;
}
