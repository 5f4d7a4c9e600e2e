import { AnalyticsError } from '../errors';
import { exactSum } from './exact-sum';

/**
 * Descriptive statistics with stated conventions. Population (divide by n) forms are used where
 * the whole set of values is the population of interest, e.g. a client's monthly revenue series
 * for XYZ (NIST/SEMATECH e-Handbook of Statistical Methods, 1.3.5.6 "Measures of Scale").
 */

function requireValues(values: readonly number[], name: string): void {
  if (values.length === 0) {
    throw new AnalyticsError('empty_input', `${name} needs at least one value.`);
  }
  for (let i = 0; i < values.length; i += 1) {
    if (!Number.isFinite(values[i])) {
      throw new AnalyticsError(
        'invalid_argument',
        `${name}: value at position ${i + 1} is not a finite number.`,
      );
    }
  }
}

/**
 * Arithmetic mean of the exactly rounded sum. Throws `AnalyticsError('empty_input')` for an empty
 * list and `invalid_argument` for a non-finite value.
 *
 * Example: `mean([2, 4, 4, 4, 5, 5, 7, 9])` is 5.
 */
export function mean(values: readonly number[]): number {
  requireValues(values, 'mean');
  return exactSum(values) / values.length;
}

/**
 * Population variance: Σ(x − mean)² / n (two-pass, so large offsets do not cancel).
 * Throws as `mean`.
 *
 * Example: `populationVariance([2, 4, 4, 4, 5, 5, 7, 9])` is 4 (Wikipedia, "Standard deviation").
 */
export function populationVariance(values: readonly number[]): number {
  const average = mean(values);
  return exactSum(values.map((x) => (x - average) * (x - average))) / values.length;
}

/**
 * Population standard deviation, √(Σ(x − mean)² / n). Throws as `mean`.
 *
 * Example: `populationStandardDeviation([2, 4, 4, 4, 5, 5, 7, 9])` is 2 (Wikipedia, "Standard
 * deviation", the worked example of eight values).
 */
export function populationStandardDeviation(values: readonly number[]): number {
  return Math.sqrt(populationVariance(values));
}

/**
 * Sample variance: Σ(x − mean)² / (n − 1). Throws `invalid_argument` for fewer than 2 values.
 *
 * Example: `sampleVariance([2, 4, 4, 4, 5, 5, 7, 9])` is 32 / 7.
 */
export function sampleVariance(values: readonly number[]): number {
  if (values.length < 2) {
    throw new AnalyticsError('invalid_argument', 'sampleVariance needs at least two values.');
  }
  const average = mean(values);
  return exactSum(values.map((x) => (x - average) * (x - average))) / (values.length - 1);
}

/**
 * Coefficient of variation with the population standard deviation: σ / mean (a ratio, not a
 * percentage). Defined only for a positive mean: returns `undefined` when the mean is ≤ 0, so the
 * caller decides what that means (XYZ puts such a client in Z). Throws as `mean`.
 *
 * Example: `coefficientOfVariation([2, 4, 4, 4, 5, 5, 7, 9])` is 2 / 5 = 0.4.
 */
export function coefficientOfVariation(values: readonly number[]): number | undefined {
  const average = mean(values);
  if (!(average > 0)) return undefined;
  return populationStandardDeviation(values) / average;
}

/**
 * Median (the mean of the two middle values for an even count). Throws as `mean`.
 *
 * Example: `median([5, 1, 3, 2])` is 2.5.
 */
export function median(values: readonly number[]): number {
  requireValues(values, 'median');
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  const upper = sorted[middle] as number;
  return sorted.length % 2 === 1 ? upper : ((sorted[middle - 1] as number) + upper) / 2;
}
