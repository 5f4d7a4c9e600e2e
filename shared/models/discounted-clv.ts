import { modelsError } from './messages';
import type { PurchaseModel } from './purchase-model';
import { expectedPurchasesIfAlive, probabilityAlive } from './purchase-model';
import type { RecencyFrequency } from './types';
import { finiteOrThrow } from './validate';

export interface DiscountedClvOptions {
  /** Whole periods to sum over (e.g. 12 for a year of months). */
  readonly horizonPeriods: number;
  /** One period in the model's time unit (e.g. 4.348 weeks for a month); default 1. */
  readonly periodLength?: number;
  /** Discount rate per period as a ratio (0.01 = 1 % per period); > -1. */
  readonly discountRatePerPeriod: number;
  /** Gross margin ratio 0..1 applied to spend (1 = revenue CLV); default 1. */
  readonly marginRatio?: number;
}

/**
 * The options with their defaults, checked: a whole horizon >= 0, a period length > 0, a discount
 * rate > -1 and a margin ratio in 0..1.
 * @throws AnalyticsError `invalid_argument` naming the option that does not fit.
 */
export function checkClvOptions(options: DiscountedClvOptions): Required<DiscountedClvOptions> {
  const { horizonPeriods, discountRatePerPeriod } = options;
  const periodLength = options.periodLength ?? 1;
  const marginRatio = options.marginRatio ?? 1;
  if (!(Number.isInteger(horizonPeriods) && horizonPeriods >= 0)) {
    throw modelsError('invalid_argument', 'error.badHorizon', { value: horizonPeriods });
  }
  if (!(Number.isFinite(periodLength) && periodLength > 0)) {
    throw modelsError('invalid_argument', 'error.badHorizon', { value: periodLength });
  }
  if (!(Number.isFinite(discountRatePerPeriod) && discountRatePerPeriod > -1)) {
    throw modelsError('invalid_argument', 'error.badDiscount', { value: discountRatePerPeriod });
  }
  if (!(marginRatio >= 0 && marginRatio <= 1)) {
    throw modelsError('invalid_argument', 'error.badMargin', { value: marginRatio });
  }
  return { horizonPeriods, periodLength, discountRatePerPeriod, marginRatio };
}

/**
 * Discounted expected value of a client's future purchases over a horizon.
 *
 * Discretisation (as in lifetimes' `customer_lifetime_value`, and Fader, Hardie & Lee 2005 "RFM
 * and CLV" §4 in discrete form): the purchases expected in period k, E[Y(k L)] - E[Y((k-1) L)]
 * with period length L, are valued at the expected spend per purchase and discounted to the
 * calibration end as if paid at the end of period k:
 * CLV = margin × spend × Σ_{k=1..H} (E[Y(kL)] - E[Y((k-1)L)]) / (1 + d)^k.
 * @param model a fitted BG/NBD or Pareto/NBD model (time unit of its parameters).
 * @param row the client's x, t_x, T in that unit.
 * @param spendPerPurchase expected money per purchase (e.g. `gammaGammaExpectedSpend`).
 * @throws AnalyticsError `invalid_argument` for a horizon that is not a whole number >= 0, a
 *   discount rate <= -1 or non-finite values.
 * Example: a model expecting 1 purchase per period (E[Y(t)] = t), spend 100, margin 0.3, d = 0.1,
 * 2 periods: 0.3 × 100 × (1/1.1 + 1/1.21) = 52.07.
 */
export function discountedClv(
  model: PurchaseModel,
  row: RecencyFrequency,
  spendPerPurchase: number,
  options: DiscountedClvOptions,
): number {
  const o = checkClvOptions(options);
  if (!Number.isFinite(spendPerPurchase)) {
    throw modelsError('invalid_argument', 'error.badParameters', {
      parameters: `spend ${spendPerPurchase}`,
    });
  }
  // E[Y(t) | history] = P(alive) × E[Y(t) | alive, x, T]: the sum is taken over the second factor.
  const alive = probabilityAlive(model, row);
  if (alive === 0) return 0;
  return (
    alive *
    discountedClvOfCurve((t) => expectedPurchasesIfAlive(model, row, t), spendPerPurchase, o)
  );
}

/**
 * The same sum for any cumulative expected-purchases curve E(t) with E(0) = 0 (used by tests and
 * by callers with their own model).
 * Example: E(t) = t, spend 100, margin 0.3, d = 0.1, 2 periods of length 1: 52.07.
 */
export function discountedClvOfCurve(
  cumulativeExpectedPurchases: (t: number) => number,
  spendPerPurchase: number,
  options: DiscountedClvOptions,
): number {
  const { horizonPeriods, periodLength, discountRatePerPeriod, marginRatio } =
    checkClvOptions(options);
  let total = 0;
  let previous = 0;
  let discount = 1;
  for (let k = 1; k <= horizonPeriods; k++) {
    const current = cumulativeExpectedPurchases(k * periodLength);
    discount /= 1 + discountRatePerPeriod;
    total += Math.max(0, current - previous) * discount;
    previous = current;
  }
  return finiteOrThrow(marginRatio * spendPerPurchase * total, 'CLV');
}
