import { logAddExp, logistic, logSubExp } from '../math/log-sum-exp';
import { invertPositiveDefinite, numericHessian } from '../math/optimizer';
import { logRisingFactorial } from '../math/special-functions';
import { aggregateRows } from './aggregate-rows';
import { fitOnLogScale } from './fit-log-parameters';
import { modelsError } from './messages';
import type { FitDiagnostics, RecencyFrequency, WeightedRecencyFrequency } from './types';
import { checkHorizon, checkParameters, checkRow, checkRows, finiteOrThrow } from './validate';

/**
 * Pareto/NBD parameters (Schmittlein, Morrison & Colombo 1987, "Counting Your Customers",
 * Management Science 33(1); likelihood as in Fader & Hardie, "A Note on Deriving the Pareto/NBD
 * Model and Related Expressions", 2005, https://www.brucehardie.com/notes/009/): purchase rates
 * ~ Gamma(r, alpha), drop-out rates ~ Gamma(s, beta), both per model time unit.
 */
export interface ParetoNbdParameters {
  readonly r: number;
  /** Rate of the purchase-rate distribution, in model time units. */
  readonly alpha: number;
  readonly s: number;
  /** Rate of the drop-out-rate distribution, in model time units. */
  readonly beta: number;
}

export interface ParetoNbdFit extends FitDiagnostics {
  readonly model: 'pareto-nbd';
  readonly parameters: ParetoNbdParameters;
  readonly standardErrors: ParetoNbdParameters | undefined;
}

/**
 * ln 2F1(r+s+x, b1; r+s+x+1; z) for 0 <= z < 1 and b1 = s+1 or r+x, via the Euler
 * transformation (A&S 15.3.3): (1-z)^(1-b1) 2F1(1, c-b1; c; z) with c = r+s+x+1. The remaining
 * series Σ (B)_k/(c)_k z^k has B < c, so its terms are positive and fall at least as fast as z^k:
 * summed directly there is no cancellation at all, even for x in the hundreds (the connection
 * formula for z near 1 would subtract two huge terms there). Slow only for z within ~1e-5 of 1,
 * i.e. alpha and beta orders of magnitude apart with t_x near 0.
 */
const MAX_SERIES_TERMS = 1_000_000;
function logParetoHypergeometric(a1: number, b1: number, z: number): number {
  const c = a1 + 1;
  const B = c - b1;
  const prefactor = (1 - b1) * Math.log1p(-z);
  let term = 1;
  let sum = 1;
  for (let k = 0; k < MAX_SERIES_TERMS; k++) {
    term *= ((B + k) / (c + k)) * z;
    sum += term;
    // Later ratios stay below z, so the tail is below term z / (1 - z).
    if (term * z <= 1e-17 * sum * (1 - z)) return Math.log(sum) + prefactor;
  }
  throw modelsError('numeric', 'error.numericResult', {
    quantity: 'Pareto/NBD likelihood (2F1 near z = 1)',
  });
}

/**
 * ln A0 of Fader & Hardie (2005 note, eq. 19), the integral over possible drop-out times between
 * t_x and T, as a difference of two 2F1 terms computed in logs. -Infinity when t_x = T.
 */
function logA0(p: ParetoNbdParameters, x: number, tx: number, T: number): number {
  const { r, alpha, s, beta } = p;
  const a1 = r + s + x;
  const high = alpha >= beta;
  const b1 = high ? s + 1 : r + x;
  const base = high ? alpha : beta;
  const diff = high ? alpha - beta : beta - alpha;
  const logFirst = logParetoHypergeometric(a1, b1, diff / (base + tx)) - a1 * Math.log(base + tx);
  const logSecond = logParetoHypergeometric(a1, b1, diff / (base + T)) - a1 * Math.log(base + T);
  // Both terms are positive; the first is the larger since t_x <= T.
  return logSecond >= logFirst ? -Infinity : logSubExp(logFirst, logSecond);
}

/** ln of the "alive" and "dropped out" parts of the likelihood without the common factor. */
function parts(p: ParetoNbdParameters, x: number, tx: number, T: number): [number, number] {
  const { r, alpha, s, beta } = p;
  const alive = -(r + x) * Math.log(alpha + T) - s * Math.log(beta + T);
  const dead = Math.log(s) - Math.log(r + s + x) + logA0(p, x, tx, T);
  return [alive, dead];
}

function logLikelihoodRows(
  p: ParetoNbdParameters,
  rows: readonly WeightedRecencyFrequency[],
): number {
  const { r, alpha, s, beta } = p;
  const common = r * Math.log(alpha) + s * Math.log(beta);
  let total = 0;
  for (const { x, t_x, T, weight } of rows) {
    const [alive, dead] = parts(p, x, t_x, T);
    total += weight * (logRisingFactorial(r, x) + common + logAddExp(alive, dead));
  }
  return total;
}

/**
 * Log-likelihood of Pareto/NBD parameters (Fader & Hardie 2005 note, eq. 22, summed over clients).
 * @param rows x, t_x, T per client in the unit of alpha and beta.
 * @throws AnalyticsError `invalid_argument` for invalid parameters or rows.
 * Example: CDNOW in weeks at BTYD's estimates (0.5534, 10.580, 0.6061, 11.656) gives -9595.0.
 */
export function paretoNbdLogLikelihood(
  parameters: ParetoNbdParameters,
  rows: readonly RecencyFrequency[],
): number {
  checkParameters(parameters);
  checkRows(rows);
  return logLikelihoodRows(parameters, aggregateRows(rows));
}

/**
 * Maximum-likelihood Pareto/NBD fit: BFGS on log-parameters with forward-difference gradients,
 * times rescaled so the longest T is 10, Nelder-Mead fallback; standard errors from a numerical
 * Hessian.
 * @param rows x, t_x, T per client in one time unit; alpha and beta come out in that unit.
 * @throws AnalyticsError `empty_input` with no repeat purchases; ConvergenceError when the fit fails
 *   or runs to a boundary.
 * Example: CDNOW in weeks gives r ≈ 0.553, alpha ≈ 10.58, s ≈ 0.606, beta ≈ 11.67 (BTYD).
 */
export function fitParetoNbd(rows: readonly RecencyFrequency[]): ParetoNbdFit {
  checkRows(rows);
  const data = aggregateRows(rows);
  if (!data.some((d) => d.x > 0)) throw modelsError('empty_input', 'error.noRepeatPurchases');
  let maxT = 0;
  for (const d of data) maxT = Math.max(maxT, d.T);
  const scale = 10 / maxT;
  const scaled = data.map((d) => ({ ...d, t_x: d.t_x * scale, T: d.T * scale }));
  const n = rows.length;
  const toParameters = (theta: readonly number[]): ParetoNbdParameters => ({
    r: Math.exp(theta[0] as number),
    alpha: Math.exp(theta[1] as number),
    s: Math.exp(theta[2] as number),
    beta: Math.exp(theta[3] as number),
  });
  let lastTheta: readonly number[] = [];
  let lastValue = NaN;
  const objective = (theta: readonly number[]): number => {
    lastTheta = theta.slice();
    lastValue = -logLikelihoodRows(toParameters(theta), scaled) / n;
    return lastValue;
  };
  // Forward differences (Nocedal & Wright eq. 8.1) reuse the value the line search just computed,
  // halving the cost of a gradient; their error (~1e-7 here) is far below the 1e-5 tolerance.
  const gradient = (theta: readonly number[]): number[] => {
    const f0 = theta.every((v, i) => v === lastTheta[i]) ? lastValue : objective(theta);
    const h = 1e-7;
    return theta.map((v, i) => {
      const probe = theta.slice();
      probe[i] = v + h;
      return (-logLikelihoodRows(toParameters(probe), scaled) / n - f0) / h;
    });
  };
  const fit = fitOnLogScale(
    'Pareto/NBD',
    ['r', 'alpha', 's', 'beta'],
    objective,
    gradient,
    [0, 0, 0, 0],
  );
  const unit = toParameters(fit.theta);
  const parameters: ParetoNbdParameters = {
    r: unit.r,
    alpha: unit.alpha / scale,
    s: unit.s,
    beta: unit.beta / scale,
  };
  const negLl = (v: readonly number[]): number => {
    const [r, alpha, s, beta] = v as [number, number, number, number];
    return -logLikelihoodRows({ r, alpha, s, beta }, data);
  };
  const point = [parameters.r, parameters.alpha, parameters.s, parameters.beta];
  const cov = invertPositiveDefinite(
    numericHessian(
      negLl,
      point,
      point.map((v) => v * 1e-4),
    ),
  );
  const se = cov?.map((row, i) => Math.sqrt(row[i] as number));
  const standardErrors =
    se && se.every(Number.isFinite)
      ? { r: se[0] as number, alpha: se[1] as number, s: se[2] as number, beta: se[3] as number }
      : undefined;
  return {
    model: 'pareto-nbd',
    parameters,
    standardErrors,
    logLikelihood: logLikelihoodRows(parameters, data),
    iterations: fit.iterations,
    clientCount: n,
    method: fit.method,
  };
}

/**
 * Probability that a client is still active at the end of the calibration period (Fader & Hardie
 * 2005 note, eq. 25): 1 / (1 + s/(r+s+x) (alpha+T)^(r+x) (beta+T)^s A0), as a logistic of log-odds,
 * with the 2F1 terms of A0 in logs so heavy buyers (x in the hundreds) neither overflow nor go
 * negative.
 * @param row x, t_x, T in the unit of alpha and beta.
 * Example: BTYD's CDNOW parameters and x = 2, t_x = 30.43, T = 38.86 give 0.8691 (scipy check in the tests).
 */
export function paretoNbdProbabilityAlive(p: ParetoNbdParameters, row: RecencyFrequency): number {
  checkParameters(p);
  checkRow(row);
  const [alive, dead] = parts(p, row.x, row.t_x, row.T);
  return logistic(alive - dead);
}

/** (1 - u^(s-1)) / (s - 1) for 0 < u <= 1, with its limit -ln u at s = 1. */
function powerBracket(logU: number, s: number): number {
  const k = s - 1;
  if (Math.abs(k) < 1e-10) return -logU;
  return -Math.expm1(k * logU) / k;
}

/**
 * Expected repeat purchases in the next t time units for a client with history (x, t_x, T)
 * (Schmittlein, Morrison & Colombo 1987, eq. 22; Fader & Hardie 2005 note, eq. 27):
 * P(alive) (r+x)(beta+T) / ((alpha+T)(s-1)) [1 - ((beta+T)/(beta+T+t))^(s-1)], with the s = 1 limit.
 * @param t horizon in the model time unit, >= 0.
 * Example: BTYD's CDNOW parameters, x = 2, t_x = 30.43, T = 38.86 and t = 39 give 1.4551 (scipy check in the tests).
 */
export function paretoNbdExpectedPurchases(
  p: ParetoNbdParameters,
  row: RecencyFrequency,
  t: number,
): number {
  const alive = paretoNbdProbabilityAlive(p, row);
  return finiteOrThrow(alive * paretoNbdExpectedPurchasesIfAlive(p, row, t), 'expected purchases');
}

/**
 * Expected repeat purchases in the next t time units for a client with x repeat purchases and age
 * T who is still active: (r+x)(beta+T) / ((alpha+T)(s-1)) [1 - ((beta+T)/(beta+T+t))^(s-1)]
 * (the expectation above without its P(alive) factor; independent of t_x).
 * @param row x (whole, >= 0) and T (> 0) in the unit of alpha and beta. @param t horizon >= 0.
 * Example: BTYD's CDNOW parameters, x = 2, T = 38.86, t = 39 give 1.4551 / 0.86912 = 1.6743.
 */
export function paretoNbdExpectedPurchasesIfAlive(
  p: ParetoNbdParameters,
  row: { readonly x: number; readonly T: number },
  t: number,
): number {
  checkParameters(p);
  checkHorizon(t);
  const { r, alpha, s, beta } = p;
  const { x, T } = row;
  const bracket = powerBracket(Math.log(beta + T) - Math.log(beta + T + t), s);
  return finiteOrThrow(
    Math.max(0, ((r + x) * (beta + T) * bracket) / (alpha + T)),
    'expected purchases',
  );
}

/**
 * Expected purchases in a period of length t for a new client (Schmittlein, Morrison & Colombo
 * 1987, eq. 17): r beta / (alpha (s-1)) [1 - (beta/(beta+t))^(s-1)].
 * @param t period length in the model time unit, >= 0.
 * Example: BTYD's CDNOW parameters and t = 39 give 1.2131 (scipy check in the tests).
 */
export function paretoNbdExpectedPurchasesNewClient(p: ParetoNbdParameters, t: number): number {
  checkParameters(p);
  checkHorizon(t);
  const { r, alpha, s, beta } = p;
  const bracket = powerBracket(Math.log(beta) - Math.log(beta + t), s);
  return finiteOrThrow(Math.max(0, (r * beta * bracket) / alpha), 'expected purchases');
}
