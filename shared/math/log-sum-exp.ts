/**
 * Log-space arithmetic: sums and differences of numbers held as their logarithms, so that
 * likelihood terms such as `(alpha + T)^-(r + x)` never underflow to 0 or overflow to Infinity.
 * Definitions: M. Mächler, "Accurately Computing log(1 - exp(-|a|))", CRAN Rmpfr vignette, 2012
 * (https://cran.r-project.org/package=Rmpfr/vignettes/log1mexp-note.pdf).
 */

/**
 * `log(exp(a) + exp(b))` without overflow. `-Infinity` stands for log(0).
 * Example: `logAddExp(Math.log(2), Math.log(3))` is `Math.log(5)`.
 */
export function logAddExp(a: number, b: number): number {
  if (a === -Infinity) return b;
  if (b === -Infinity) return a;
  return a > b ? a + Math.log1p(Math.exp(b - a)) : b + Math.log1p(Math.exp(a - b));
}

/**
 * `log(sum(exp(values)))` without overflow; `-Infinity` for an empty list.
 * Example: `logSumExp([1000, 1000])` is `1000 + Math.log(2)`.
 */
export function logSumExp(values: readonly number[]): number {
  let max = -Infinity;
  for (const v of values) if (v > max) max = v;
  if (max === -Infinity || !Number.isFinite(max)) return max;
  let sum = 0;
  for (const v of values) sum += Math.exp(v - max);
  return max + Math.log(sum);
}

/**
 * `log(1 - exp(x))` for `x <= 0`, accurate near 0 and for very negative x (Mächler 2012, eq. 7).
 * Throws `RangeError` for x > 0 (the result would be the log of a negative number).
 * Example: `log1mExp(Math.log(0.25))` is `Math.log(0.75)`.
 */
export function log1mExp(x: number): number {
  if (x > 0) throw new RangeError(`log1mExp needs x <= 0, got ${x}`);
  return x > -Math.LN2 ? Math.log(-Math.expm1(x)) : Math.log1p(-Math.exp(x));
}

/**
 * `log(exp(a) - exp(b))` for `a >= b` (log of a difference, Mächler 2012).
 * Example: `logSubExp(Math.log(5), Math.log(3))` is `Math.log(2)`.
 */
export function logSubExp(a: number, b: number): number {
  if (b === -Infinity) return a;
  if (b > a) throw new RangeError(`logSubExp needs a >= b, got ${a} < ${b}`);
  if (a === b) return -Infinity;
  return a + log1mExp(b - a);
}

/**
 * `log(1 + exp(x))` (the softplus), exact to double precision for every x (Mächler 2012, eq. 10).
 * Example: `log1pExp(0)` is `Math.LN2`.
 */
export function log1pExp(x: number): number {
  if (x <= -37) return Math.exp(x);
  if (x <= 18) return Math.log1p(Math.exp(x));
  if (x <= 33.3) return x + Math.exp(-x);
  return x;
}

/**
 * The logistic function `1 / (1 + exp(-x))`, in [0, 1] for every x including ±Infinity.
 * Used to turn log-odds into probabilities (e.g. P(alive)) without 0/0.
 * Example: `logistic(0)` is 0.5.
 */
export function logistic(x: number): number {
  if (x >= 0) return 1 / (1 + Math.exp(-x));
  const e = Math.exp(x);
  return e / (1 + e);
}
