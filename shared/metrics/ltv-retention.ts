import { metricsError } from './messages';
import { requireFinite, requireNonNegative, requireRatio } from './argument-checks';

/**
 * When the margin of each period is received, which decides the formula (m margin per period,
 * r retention rate, d discount rate, infinite horizon):
 * - `end-of-period-retained` (S. Gupta and D. R. Lehmann, "Customers as Assets", Journal of
 *   Interactive Marketing 17(1), 2003, 9–24; also Farris et al., "Marketing Metrics", 2010, §5.3):
 *   margin at the end of each period, the first one period after acquisition and only if the
 *   client is retained: LTV = Σₜ₌₁ m·rᵗ/(1+d)ᵗ = m · r / (1 + d − r).
 * - `at-acquisition`: the first margin at acquisition, then one at the start of each retained
 *   period: LTV = Σₜ₌₀ m·rᵗ/(1+d)ᵗ = m · (1 + d) / (1 + d − r) = m + the retained form.
 * - `end-of-period`: margin at the end of each period, the first one certain (the client is
 *   acquired for at least one period): LTV = Σₜ₌₁ m·rᵗ⁻¹/(1+d)ᵗ = m / (1 + d − r).
 */
export type LtvPaymentTiming = 'end-of-period-retained' | 'at-acquisition' | 'end-of-period';

export const LTV_PAYMENT_TIMINGS: readonly LtvPaymentTiming[] = [
  'end-of-period-retained',
  'at-acquisition',
  'end-of-period',
];

/**
 * The margin multiple of `ltvWithRetention`: LTV / m for a constant margin, retention rate r and
 * discount rate d per period, over an infinite horizon (the sum of m · rᵗ / (1 + d)ᵗ over the
 * periods the timing counts). See `LtvPaymentTiming` for the three formulas and their sources.
 *
 * Parameters: `retentionRate` r, ratio 0..1 per period; `discountRate` d, ratio per period (≥ 0);
 * `timing` default `end-of-period-retained`.
 * Throws `AnalyticsError('invalid_argument')` for r outside 0..1, d < 0, r ≥ 1 + d (the sum
 * diverges), or an unknown timing.
 *
 * Example: `marginMultiple(0.8, 0.12)` is 0.8 / 0.32 = 2.5 (Gupta & Lehmann 2003, margin-multiple
 * table, r = 80 %, d = 12 %).
 */
export function marginMultiple(
  retentionRate: number,
  discountRate: number,
  timing: LtvPaymentTiming = 'end-of-period-retained',
): number {
  requireRatio('retentionRate', retentionRate);
  requireNonNegative('discountRate', discountRate);
  const denominator = 1 + discountRate - retentionRate;
  if (!(denominator > 0)) {
    throw metricsError(
      'invalid_argument',
      'error.infiniteLtv',
      { retentionRate, discountRate },
      { argument: 'retentionRate' },
    );
  }
  switch (timing) {
    case 'end-of-period-retained':
      return retentionRate / denominator;
    case 'at-acquisition':
      return (1 + discountRate) / denominator;
    case 'end-of-period':
      return 1 / denominator;
    default:
      throw metricsError(
        'invalid_argument',
        'error.timingGot',
        { choices: LTV_PAYMENT_TIMINGS.join(', '), value: String(timing) },
        { argument: 'timing' },
      );
  }
}

/**
 * Lifetime value with retention and discounting: m × `marginMultiple(r, d, timing)`, e.g.
 * m · r / (1 + d − r) for the default timing (Gupta & Lehmann 2003).
 *
 * Parameters: `marginPerPeriod` m, money per client per period (finite; a period is whatever r and
 * d are measured in, usually a year); `retentionRate` r 0..1; `discountRate` d ≥ 0; `timing`.
 * Throws as `marginMultiple`, and for a non-finite margin.
 *
 * Example: `ltvWithRetention(100, 0.8, 0.12)` is 250; with `at-acquisition` it is
 * 100 × 1.12 / 0.32 = 350.
 */
export function ltvWithRetention(
  marginPerPeriod: number,
  retentionRate: number,
  discountRate: number,
  timing: LtvPaymentTiming = 'end-of-period-retained',
): number {
  requireFinite('marginPerPeriod', marginPerPeriod);
  return marginPerPeriod * marginMultiple(retentionRate, discountRate, timing);
}
