import { AnalyticsError } from '../errors';

/**
 * Sample quantiles by the definitions of R. J. Hyndman and Y. Fan, "Sample Quantiles in Statistical
 * Packages", The American Statistician 50(4), 1996, 361–365. The tie and interpolation rule is a
 * named option, never implied:
 * - `linear` (type 7, the default of R `quantile`, NumPy and Excel `PERCENTILE.INC`):
 *   h = (n − 1)·p, interpolate between the neighbours of h.
 * - `exclusive` (type 6, Excel `PERCENTILE.EXC`, Minitab): h = (n + 1)·p − 1 (0-based), clamped.
 * - `lower` (type 1, the inverted empirical distribution function): the smallest x with F(x) ≥ p.
 */
export type QuantileMethod = 'linear' | 'exclusive' | 'lower';

/**
 * The p-quantile of `values` (need not be sorted). `p` is a probability in [0, 1].
 * Throws `AnalyticsError('empty_input')` for no values and `invalid_argument` for p outside [0, 1]
 * or a non-finite value.
 *
 * Example: `quantile([1, 2, 3, 4], 0.25)` is 1.75 (R: `quantile(1:4, 0.25)` prints 1.75).
 */
export function quantile(
  values: readonly number[],
  p: number,
  method: QuantileMethod = 'linear',
): number {
  return quantileSorted(sortedCopy(values), p, method);
}

/**
 * Several quantiles with one sort. Throws as `quantile`.
 *
 * Example: `quantiles([1, 2, 3, 4], [0.25, 0.5])` is [1.75, 2.5].
 */
export function quantiles(
  values: readonly number[],
  probabilities: readonly number[],
  method: QuantileMethod = 'linear',
): number[] {
  const sorted = sortedCopy(values);
  return probabilities.map((p) => quantileSorted(sorted, p, method));
}

function sortedCopy(values: readonly number[]): Float64Array {
  if (values.length === 0) throw new AnalyticsError('empty_input', 'quantile needs values.');
  for (let i = 0; i < values.length; i += 1) {
    if (!Number.isFinite(values[i])) {
      throw new AnalyticsError(
        'invalid_argument',
        `quantile: value at position ${i + 1} is not a finite number.`,
      );
    }
  }
  return Float64Array.from(values).sort();
}

/** The p-quantile of values already sorted ascending. Throws as `quantile`. */
export function quantileSorted(
  sorted: ArrayLike<number>,
  p: number,
  method: QuantileMethod = 'linear',
): number {
  const n = sorted.length;
  if (n === 0) throw new AnalyticsError('empty_input', 'quantile needs values.');
  if (!(p >= 0 && p <= 1)) {
    throw new AnalyticsError('invalid_argument', `quantile: p must be in [0, 1], got ${p}.`);
  }
  const at = (i: number): number => sorted[Math.min(n - 1, Math.max(0, i))] as number;
  if (method === 'lower') {
    return at(Math.max(0, Math.ceil(n * p) - 1));
  }
  const h = method === 'linear' ? (n - 1) * p : (n + 1) * p - 1;
  if (h <= 0) return at(0);
  if (h >= n - 1) return at(n - 1);
  const lower = Math.floor(h);
  const fraction = h - lower;
  const low = at(lower);
  return fraction === 0 ? low : low + fraction * (at(lower + 1) - low);
}
