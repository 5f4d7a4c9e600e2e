import { hypergeometric2f1Log } from '../math/hypergeometric-2f1';
import { logistic } from '../math/log-sum-exp';
import { standardErrorsFromGradient } from '../math/optimizer';
import { digamma, logBeta, logGamma, logRisingFactorial } from '../math/special-functions';
import { aggregateRows } from './aggregate-rows';
import { fitOnLogScale } from './fit-log-parameters';
import { modelsError } from './messages';
import type { FitDiagnostics, RecencyFrequency, WeightedRecencyFrequency } from './types';
import { checkHorizon, checkParameters, checkRow, checkRows, finiteOrThrow } from './validate';

/**
 * BG/NBD parameters (Fader, Hardie & Lee 2005, "Counting Your Customers the Easy Way",
 * Marketing Science 24(2), 275-284): purchase rates ~ Gamma(shape r, rate alpha) per model time
 * unit; after each repeat purchase a client drops out with probability p ~ Beta(a, b).
 */
export interface BgNbdParameters {
  readonly r: number;
  /** Rate of the purchase-rate distribution, in model time units (scales with the unit). */
  readonly alpha: number;
  readonly a: number;
  readonly b: number;
}

export interface BgNbdFit extends FitDiagnostics {
  readonly model: 'bg-nbd';
  readonly parameters: BgNbdParameters;
  /** Asymptotic standard errors from the inverse observed information; undefined when singular. */
  readonly standardErrors: BgNbdParameters | undefined;
}

/**
 * Clients aggregated by (x, t_x, T), in typed arrays. The distinct values of x, t_x and T are
 * indexed so each evaluation takes one log per distinct value rather than per row (CDNOW: 1,016
 * rows but 84 distinct T).
 */
interface PreparedData {
  readonly count: number;
  readonly x: Float64Array;
  readonly weight: Float64Array;
  readonly xIndex: Int32Array;
  readonly txIndex: Int32Array;
  readonly tIndex: Int32Array;
  readonly distinctX: Float64Array;
  readonly distinctTx: Float64Array;
  readonly distinctT: Float64Array;
}

function indexer(): { index: (v: number) => number; values: () => Float64Array } {
  const seen = new Map<number, number>();
  return {
    index: (v) => {
      let k = seen.get(v);
      if (k === undefined) {
        k = seen.size;
        seen.set(v, k);
      }
      return k;
    },
    values: () => Float64Array.from(seen.keys()),
  };
}

function prepare(rows: readonly WeightedRecencyFrequency[], timeScale = 1): PreparedData {
  const count = rows.length;
  const x = new Float64Array(count);
  const weight = new Float64Array(count);
  const xIndex = new Int32Array(count);
  const txIndex = new Int32Array(count);
  const tIndex = new Int32Array(count);
  const xs = indexer();
  const txs = indexer();
  const ts = indexer();
  rows.forEach((row, i) => {
    x[i] = row.x;
    weight[i] = row.weight;
    xIndex[i] = xs.index(row.x);
    txIndex[i] = txs.index(row.t_x * timeScale);
    tIndex[i] = ts.index(row.T * timeScale);
  });
  return {
    count,
    x,
    weight,
    xIndex,
    txIndex,
    tIndex,
    distinctX: xs.values(),
    distinctTx: txs.values(),
    distinctT: ts.values(),
  };
}

function logsOf(values: Float64Array, shift: number): { log: Float64Array; inv: Float64Array } {
  const log = new Float64Array(values.length);
  const inv = new Float64Array(values.length);
  for (let i = 0; i < values.length; i++) {
    const v = shift + (values[i] as number);
    log[i] = Math.log(v);
    inv[i] = 1 / v;
  }
  return { log, inv };
}

/**
 * Log-likelihood (FHL 2005 eq. 6 in logs) and, when `gradient` is given, its derivatives with
 * respect to (r, alpha, a, b): ln L = ln A1 + ln A2 + ln(A3 + A4) with A1 = Γ(r+x) α^r / Γ(r),
 * A2 = B(a, b+x) / B(a, b), A3 = (α+T)^-(r+x), A4 = δ(x>0) a / (b+x-1) (α+t_x)^-(r+x).
 */
function logLikelihoodPrepared(
  r: number,
  alpha: number,
  a: number,
  b: number,
  d: PreparedData,
  gradient?: Float64Array,
): number {
  const logAlpha = Math.log(alpha);
  const nx = d.distinctX.length;
  // Per distinct x: the x-only part of the log-likelihood and its derivatives.
  const commonValue = new Float64Array(nx);
  const logB1 = new Float64Array(nx);
  const dCommonR = new Float64Array(nx);
  const dCommonA = new Float64Array(nx);
  const dCommonB = new Float64Array(nx);
  for (let k = 0; k < nx; k++) {
    const x = d.distinctX[k] as number;
    commonValue[k] =
      logRisingFactorial(r, x) +
      r * logAlpha +
      logRisingFactorial(b, x) -
      logRisingFactorial(a + b, x);
    logB1[k] = x > 0 ? Math.log(b + x - 1) : 0;
    if (gradient) {
      let sr = 0;
      let sb = 0;
      let sab = 0;
      if (x < 200) {
        for (let j = 0; j < x; j++) {
          sr += 1 / (r + j);
          sb += 1 / (b + j);
          sab += 1 / (a + b + j);
        }
      } else {
        sr = digamma(r + x) - digamma(r);
        sb = digamma(b + x) - digamma(b);
        sab = digamma(a + b + x) - digamma(a + b);
      }
      dCommonR[k] = sr + logAlpha;
      dCommonA[k] = -sab;
      dCommonB[k] = sb - sab;
    }
  }
  const atT = logsOf(d.distinctT, alpha);
  const atTx = logsOf(d.distinctTx, alpha);
  const logA = Math.log(a);
  let total = 0;
  let gr = 0;
  let gAlpha = 0;
  let ga = 0;
  let gb = 0;
  for (let i = 0; i < d.count; i++) {
    const x = d.x[i] as number;
    const w = d.weight[i] as number;
    const k = d.xIndex[i] as number;
    const ti = d.tIndex[i] as number;
    const logAlphaT = atT.log[ti] as number;
    const a3 = -(r + x) * logAlphaT;
    if (x === 0) {
      total += w * ((commonValue[k] as number) + a3);
      if (gradient) {
        gr += w * ((dCommonR[k] as number) - logAlphaT);
        gAlpha += w * (r / alpha - r * (atT.inv[ti] as number));
        ga += w * (dCommonA[k] as number);
        gb += w * (dCommonB[k] as number);
      }
      continue;
    }
    const txi = d.txIndex[i] as number;
    const logAlphaTx = atTx.log[txi] as number;
    const a4 = logA - (logB1[k] as number) - (r + x) * logAlphaTx;
    // ln(e^a3 + e^a4) with w4 = e^(a4 - l), the share of the "dropped out after t_x" branch.
    const diff = a4 - a3;
    const e = Math.exp(-Math.abs(diff));
    const l = (diff > 0 ? a4 : a3) + Math.log1p(e);
    total += w * ((commonValue[k] as number) + l);
    if (gradient) {
      const w4 = diff > 0 ? 1 / (1 + e) : e / (1 + e);
      const w3 = 1 - w4;
      gr += w * ((dCommonR[k] as number) - w3 * logAlphaT - w4 * logAlphaTx);
      gAlpha +=
        w * (r / alpha - (r + x) * (w3 * (atT.inv[ti] as number) + w4 * (atTx.inv[txi] as number)));
      ga += w * ((dCommonA[k] as number) + w4 / a);
      gb += w * ((dCommonB[k] as number) - w4 / (b + x - 1));
    }
  }
  if (gradient) {
    gradient[0] = gr;
    gradient[1] = gAlpha;
    gradient[2] = ga;
    gradient[3] = gb;
  }
  return total;
}

/**
 * Log-likelihood of BG/NBD parameters for a set of clients (FHL 2005 eq. 6, summed over clients).
 * @param parameters r, alpha (per model time unit), a, b; all > 0.
 * @param rows x, t_x, T per client in the same time unit as alpha.
 * @throws AnalyticsError `invalid_argument` for non-positive parameters or invalid rows.
 * Example: CDNOW (2,357 clients, weeks) at r = 0.243, alpha = 4.414, a = 0.793, b = 2.426 gives
 * about -9582.4 (FHL 2005 §5).
 */
export function bgNbdLogLikelihood(
  parameters: BgNbdParameters,
  rows: readonly RecencyFrequency[],
): number {
  checkParameters(parameters);
  checkRows(rows);
  const { r, alpha, a, b } = parameters;
  return logLikelihoodPrepared(r, alpha, a, b, prepare(aggregateRows(rows)));
}

export interface BgNbdFitOptions {
  /** Starting values (default r = alpha = a = b = 1 after time rescaling). */
  readonly initial?: BgNbdParameters;
  readonly maxIterations?: number;
}

/**
 * Maximum-likelihood BG/NBD fit (FHL 2005 §3). The likelihood is maximised over
 * log-parameters (so they stay positive) by BFGS, with times rescaled so the longest T is 10
 * (alpha is scaled back), falling back to Nelder-Mead; clients with identical (x, t_x, T) are
 * computed once. Standard errors come from a numerical Hessian of the log-likelihood.
 * @param rows x, t_x, T per client in one time unit; alpha comes out in that unit.
 * @throws AnalyticsError `empty_input` without clients or with no repeat purchases at all;
 *   `invalid_argument` for invalid rows; ConvergenceError when neither optimizer converges or the
 *   estimates run to a boundary (beyond 1e6 or 1e-6 on rescaled time).
 * Example: CDNOW in weeks gives r = 0.243, alpha = 4.414, a = 0.793, b = 2.426 (FHL 2005 §5).
 */
export function fitBgNbd(
  rows: readonly RecencyFrequency[],
  options: BgNbdFitOptions = {},
): BgNbdFit {
  checkRows(rows);
  if (rows.length === 0) throw modelsError('empty_input', 'error.noRepeatPurchases');
  const data = aggregateRows(rows);
  if (!data.some((d) => d.x > 0)) throw modelsError('empty_input', 'error.noRepeatPurchases');
  let maxT = 0;
  for (const d of data) maxT = Math.max(maxT, d.T);
  const scale = 10 / maxT;
  const scaled = prepare(data, scale);
  const n = rows.length;
  const grad = new Float64Array(4);
  // Objective and gradient in log-parameters, per client, so tolerances do not depend on n.
  let lastTheta: readonly number[] = [];
  let lastValue = 0;
  const evaluate = (theta: readonly number[]): number => {
    const [lr, la, lA, lB] = theta as [number, number, number, number];
    const v =
      -logLikelihoodPrepared(Math.exp(lr), Math.exp(la), Math.exp(lA), Math.exp(lB), scaled, grad) /
      n;
    lastTheta = theta.slice();
    lastValue = v;
    return Number.isFinite(v) ? v : Infinity;
  };
  const objective = (theta: readonly number[]): number => evaluate(theta);
  const gradient = (theta: readonly number[]): number[] => {
    if (
      lastTheta.length !== 4 ||
      theta.some((v, i) => v !== lastTheta[i]) ||
      !Number.isFinite(lastValue)
    ) {
      evaluate(theta);
    }
    return theta.map((v, i) => (-(grad[i] as number) * Math.exp(v)) / n);
  };
  const start = options.initial
    ? [
        Math.log(options.initial.r),
        Math.log(options.initial.alpha * scale),
        Math.log(options.initial.a),
        Math.log(options.initial.b),
      ]
    : [0, 0, 0, 0];
  const fit = fitOnLogScale(
    'BG/NBD',
    ['r', 'alpha', 'a', 'b'],
    objective,
    gradient,
    start,
    options.maxIterations,
  );
  const [lr, la, lA, lB] = fit.theta as [number, number, number, number];
  const parameters: BgNbdParameters = {
    r: Math.exp(lr),
    alpha: Math.exp(la) / scale,
    a: Math.exp(lA),
    b: Math.exp(lB),
  };
  const original = prepare(data);
  const trueLogLikelihood = logLikelihoodPrepared(
    parameters.r,
    parameters.alpha,
    parameters.a,
    parameters.b,
    original,
  );
  const standardErrors = standardErrorsOf(parameters, original);
  return {
    model: 'bg-nbd',
    parameters,
    standardErrors,
    logLikelihood: trueLogLikelihood,
    iterations: fit.iterations,
    clientCount: n,
    method: fit.method,
  };
}

function standardErrorsOf(p: BgNbdParameters, data: PreparedData): BgNbdParameters | undefined {
  const g = new Float64Array(4);
  const se = standardErrorsFromGradient([p.r, p.alpha, p.a, p.b], (at) => {
    logLikelihoodPrepared(
      at[0] as number,
      at[1] as number,
      at[2] as number,
      at[3] as number,
      data,
      g,
    );
    return Array.from(g);
  });
  if (!se) return undefined;
  return { r: se[0] as number, alpha: se[1] as number, a: se[2] as number, b: se[3] as number };
}

function logOddsDead(p: BgNbdParameters, row: RecencyFrequency): number {
  const { r, alpha, a, b } = p;
  const { x, t_x, T } = row;
  if (x === 0) return -Infinity;
  return (
    Math.log(a) - Math.log(b + x - 1) + (r + x) * (Math.log(alpha + T) - Math.log(alpha + t_x))
  );
}

/**
 * Probability that a client is still active at the end of the calibration period (FHL 2005
 * eq. 13; Fader, Hardie & Lee, "Computing P(alive) using the BG/NBD model", 2008, note 8):
 * 1 / (1 + δ(x>0) a/(b+x-1) ((alpha+T)/(alpha+t_x))^(r+x)), computed as a logistic of log-odds.
 * A client with no repeat purchase is alive with probability 1 under BG/NBD.
 * @param row x, t_x, T in the unit of alpha.
 * @throws AnalyticsError `invalid_argument` for invalid parameters or row.
 * Example: FHL 2005 CDNOW parameters and x = 2, t_x = 30.43, T = 38.86 (weeks) give 0.726.
 */
export function bgNbdProbabilityAlive(p: BgNbdParameters, row: RecencyFrequency): number {
  checkParameters(p);
  checkRow(row);
  return logistic(-logOddsDead(p, row));
}

/** 1 - ((...)) bracket of FHL eq. (10)/(9) divided by (a - 1), times (c); handles a near 1. */
function expectationCore(c: number, first: number, a: number, w: number): number {
  // c/(a-1) * (1 - 2F1(first, a-1; c; w)) with w <= 0; the bracket vanishes with a-1, so near
  // a = 1 we average the two sides (the function is smooth in a).
  const delta = 1e-6;
  if (Math.abs(a - 1) < delta) {
    return (
      0.5 * (expectationCore(c, first, 1 - delta, w) + expectationCore(c, first, 1 + delta, w))
    );
  }
  const g = hypergeometric2f1Log(first, a - 1, c, w);
  const oneMinusG = g.sign === 0 ? 1 : g.sign > 0 ? -Math.expm1(g.logAbs) : 1 + Math.exp(g.logAbs);
  return (c / (a - 1)) * oneMinusG;
}

/**
 * Expected repeat purchases in the next `t` time units for a client with history (x, t_x, T)
 * (FHL 2005 eq. 10). The factor ((alpha+T)/(alpha+T+t))^(r+x) 2F1(r+x, b+x; a+b+x-1; t/(alpha+T+t))
 * is evaluated in the equivalent Pfaff form 2F1(r+x, a-1; a+b+x-1; -t/(alpha+T)) (A&S 15.3.5).
 * @param t horizon in the model time unit, >= 0.
 * @throws AnalyticsError `invalid_argument` for invalid input; `numeric` if not finite.
 * Example: FHL 2005 CDNOW parameters, x = 2, t_x = 30.43, T = 38.86, t = 39 weeks give 1.226.
 */
export function bgNbdExpectedPurchases(
  p: BgNbdParameters,
  row: RecencyFrequency,
  t: number,
): number {
  checkRow(row);
  const ifAlive = bgNbdExpectedPurchasesIfAlive(p, row, t);
  return finiteOrThrow(ifAlive * logistic(-logOddsDead(p, row)), 'expected purchases');
}

/**
 * Expected repeat purchases in the next `t` time units for a client with x repeat purchases and
 * age T who is still active: FHL 2005 eq. 10 without its P(alive) factor,
 * (a+b+x-1)/(a-1) [1 - 2F1(r+x, a-1; a+b+x-1; -t/(alpha+T))]. It does not depend on t_x, so
 * callers scoring many clients can share it between clients with the same x and T.
 * @param row x (whole, >= 0) and T (> 0) in the unit of alpha. @param t horizon >= 0.
 * Example: FHL 2005 CDNOW parameters, x = 2, T = 38.86, t = 39 give 1.226 / 0.72658 = 1.6874.
 */
export function bgNbdExpectedPurchasesIfAlive(
  p: BgNbdParameters,
  row: { readonly x: number; readonly T: number },
  t: number,
): number {
  checkParameters(p);
  checkHorizon(t);
  if (t === 0) return 0;
  const { r, alpha, a, b } = p;
  const { x, T } = row;
  const core = expectationCore(a + b + x - 1, r + x, a, -t / (alpha + T));
  // The value is >= 0 by construction; rounding can leave -1e-323 for t near 0.
  return finiteOrThrow(Math.max(0, core), 'expected purchases');
}

/**
 * Expected purchases in a period of length t for a client picked at random at the start of their
 * relationship (FHL 2005 eq. 9): (a+b-1)/(a-1) [1 - (alpha/(alpha+t))^r 2F1(r, b; a+b-1; t/(alpha+t))].
 * @param t period length in the model time unit, >= 0.
 * Example: FHL 2005 CDNOW parameters and t = 39 weeks give 1.1967 (scipy's hyp2f1 in eq. 9 agrees).
 */
export function bgNbdExpectedPurchasesNewClient(p: BgNbdParameters, t: number): number {
  checkParameters(p);
  checkHorizon(t);
  if (t === 0) return 0;
  const { r, alpha, a, b } = p;
  return finiteOrThrow(
    Math.max(0, expectationCore(a + b - 1, r, a, -t / alpha)),
    'expected purchases',
  );
}

/**
 * Probability that a new client makes exactly n purchases in a period of length t (FHL 2005
 * eq. 8).
 * @param t period length in the model time unit, > 0. @param n whole number >= 0.
 * Example: the probabilities for n = 0..200 sum to 1 within 1e-9 for the CDNOW parameters, t = 39.
 */
export function bgNbdPurchaseCountProbability(p: BgNbdParameters, t: number, n: number): number {
  checkParameters(p);
  checkHorizon(t);
  if (!(Number.isInteger(n) && n >= 0)) {
    throw modelsError('invalid_argument', 'error.badHorizon', { value: n });
  }
  if (t === 0) return n === 0 ? 1 : 0;
  const { r, alpha, a, b } = p;
  const logQ = Math.log(alpha) - Math.log(alpha + t); // ln(alpha/(alpha+t))
  const logOneMinusQ = Math.log(t) - Math.log(alpha + t);
  const logBab = logBeta(a, b);
  // Negative binomial terms Γ(r+j)/(Γ(r) j!) q^r (1-q)^j, by the ratio (r+j)/(j+1) (1-q).
  const nbTerm = (j: number): number =>
    logRisingFactorial(r, j) - logGamma(j + 1) + r * logQ + j * logOneMinusQ;
  let value = Math.exp(logBeta(a, b + n) - logBab + nbTerm(n));
  if (n > 0) {
    let cdf = 0;
    let term = Math.exp(r * logQ);
    const ratio = Math.exp(logOneMinusQ);
    for (let j = 0; j < n; j++) {
      cdf += term;
      term *= ((r + j) / (j + 1)) * ratio;
    }
    value += Math.exp(logBeta(a + 1, b + n - 1) - logBab) * Math.max(0, 1 - cdf);
  }
  return finiteOrThrow(Math.min(1, Math.max(0, value)), 'purchase count probability');
}
