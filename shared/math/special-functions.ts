/**
 * Special functions used by the probabilistic models: log-gamma, log-beta, digamma and the
 * log of a rising factorial. Accurate to about 1e-14 relative on the positive reals.
 */

// Lanczos coefficients for g = 7, n = 9 (P. Godfrey's table, as in Numerical Recipes 3rd ed. §6.1
// and https://en.wikipedia.org/wiki/Lanczos_approximation).
const LANCZOS_G = 7;
const LANCZOS = [
  0.99999999999980993, 676.5203681218851, -1259.1392167224028, 771.32342877765313,
  -176.61502916214059, 12.507343278686905, -0.13857109526572012, 9.9843695780195716e-6,
  1.5056327351493116e-7,
];
const HALF_LOG_TWO_PI = 0.5 * Math.log(2 * Math.PI);

/**
 * Natural log of |Γ(x)|, the gamma function (Abramowitz & Stegun 6.1.1), via the Lanczos
 * approximation and the reflection formula for x < 0.5.
 * @param x any real number that is not 0 or a negative integer (there Γ has a pole).
 * @throws RangeError at a pole.
 * Example: `logGamma(5)` is `Math.log(24)`.
 */
export function logGamma(x: number): number {
  if (x < 0.5) {
    if (Number.isInteger(x)) throw new RangeError(`logGamma has a pole at ${x}`);
    // Γ(x)Γ(1-x) = π / sin(πx)
    return Math.log(Math.PI / Math.abs(Math.sin(Math.PI * x))) - logGamma(1 - x);
  }
  if (x > 1e7) {
    // Stirling with the first correction term; the Lanczos sum loses digits there.
    return (x - 0.5) * Math.log(x) - x + HALF_LOG_TWO_PI + 1 / (12 * x);
  }
  const z = x - 1;
  let sum = LANCZOS[0] as number;
  for (let i = 1; i < LANCZOS.length; i++) sum += (LANCZOS[i] as number) / (z + i);
  const t = z + LANCZOS_G + 0.5;
  return HALF_LOG_TWO_PI + (z + 0.5) * Math.log(t) - t + Math.log(sum);
}

/**
 * Natural log of the beta function B(a, b) = Γ(a)Γ(b)/Γ(a+b) (A&S 6.2.2), for a, b > 0.
 * Example: `logBeta(2, 3)` is `Math.log(1 / 12)`.
 */
export function logBeta(a: number, b: number): number {
  return logGamma(a) + logGamma(b) - logGamma(a + b);
}

/**
 * Natural log of the rising factorial (Pochhammer symbol) (a)_n = Γ(a+n)/Γ(a) for a > 0 and a
 * whole n >= 0. Summed term by term for small n, which is exact where logGamma differences would
 * cancel (a tiny, n small).
 * Example: `logRisingFactorial(0.5, 3)` is `Math.log(0.5 * 1.5 * 2.5)`.
 */
export function logRisingFactorial(a: number, n: number): number {
  if (n < 30) {
    let s = 0;
    for (let j = 0; j < n; j++) s += Math.log(a + j);
    return s;
  }
  return logGamma(a + n) - logGamma(a);
}

/**
 * The digamma function ψ(x) = d/dx log Γ(x) (A&S 6.3.1) for x > 0: recurrence up to x >= 12, then
 * the asymptotic series A&S 6.3.18.
 * Example: `digamma(1)` is -0.5772156649015329 (minus the Euler-Mascheroni constant).
 */
export function digamma(x: number): number {
  if (!(x > 0)) throw new RangeError(`digamma needs x > 0, got ${x}`);
  let result = 0;
  let v = x;
  while (v < 12) {
    result -= 1 / v;
    v += 1;
  }
  const inv = 1 / v;
  const inv2 = inv * inv;
  result +=
    Math.log(v) -
    0.5 * inv -
    inv2 * (1 / 12 - inv2 * (1 / 120 - inv2 * (1 / 252 - inv2 * (1 / 240 - inv2 / 132))));
  return result;
}
