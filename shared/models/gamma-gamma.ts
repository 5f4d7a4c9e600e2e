import { standardErrorsFromGradient } from '../math/optimizer';
import { digamma, logGamma } from '../math/special-functions';
import { fitOnLogScale } from './fit-log-parameters';
import { modelsError } from './messages';
import type { FitDiagnostics } from './types';
import { checkParameters, finiteOrThrow } from './validate';

/**
 * Gamma-Gamma spend model (Fader, Hardie & Lee 2005, "RFM and CLV: Using Iso-Value Curves for
 * Customer Base Analysis", J. Marketing Research 42(4), 415-430, §3; Fader & Hardie, "The
 * Gamma-Gamma Model of Monetary Value", 2013, https://www.brucehardie.com/notes/025/): each
 * purchase value ~ Gamma(p, nu) with nu ~ Gamma(q, gamma) across clients.
 */
export interface GammaGammaParameters {
  readonly p: number;
  readonly q: number;
  /** Scale in money units (grows with the currency unit). */
  readonly gamma: number;
}

export interface GammaGammaFit extends FitDiagnostics {
  readonly model: 'gamma-gamma';
  readonly parameters: GammaGammaParameters;
  readonly standardErrors: GammaGammaParameters | undefined;
}

/** A client's repeat purchases and their mean value, the inputs of the spend model. */
export interface RepeatSpend {
  /** Repeat purchases, whole, >= 1 for the fit. */
  readonly x: number;
  /** Mean value of those purchases, money, > 0 for the fit. */
  readonly meanRepeatValue: number;
}

interface Prepared {
  readonly x: Float64Array;
  readonly logX: Float64Array;
  readonly z: Float64Array;
  readonly logZ: Float64Array;
  readonly xIndex: Int32Array;
  readonly distinctX: readonly number[];
}

function prepare(rows: readonly RepeatSpend[], moneyScale: number): Prepared {
  const n = rows.length;
  const x = new Float64Array(n);
  const logX = new Float64Array(n);
  const z = new Float64Array(n);
  const logZ = new Float64Array(n);
  const xIndex = new Int32Array(n);
  const distinct = new Map<number, number>();
  rows.forEach((row, i) => {
    x[i] = row.x;
    logX[i] = Math.log(row.x);
    z[i] = row.meanRepeatValue / moneyScale;
    logZ[i] = Math.log(z[i] as number);
    let k = distinct.get(row.x);
    if (k === undefined) {
      k = distinct.size;
      distinct.set(row.x, k);
    }
    xIndex[i] = k;
  });
  return { x, logX, z, logZ, xIndex, distinctX: [...distinct.keys()] };
}

/**
 * ln f(zbar | p, q, gamma, x) summed over clients (Fader & Hardie 2013, eq. 4):
 * Γ(px+q)/(Γ(px)Γ(q)) γ^q zbar^(px-1) x^(px) / (γ + x zbar)^(px+q); the gradient in (p, q, γ).
 */
function logLikelihoodPrepared(
  p: number,
  q: number,
  gamma: number,
  d: Prepared,
  gradient?: Float64Array,
): number {
  const nx = d.distinctX.length;
  const common = new Float64Array(nx);
  const dP = new Float64Array(nx);
  const dQ = new Float64Array(nx);
  const logGammaQ = logGamma(q);
  const digammaQ = gradient ? digamma(q) : 0;
  for (let k = 0; k < nx; k++) {
    const x = d.distinctX[k] as number;
    common[k] = logGamma(p * x + q) - logGamma(p * x) - logGammaQ;
    if (gradient) {
      const psiSum = digamma(p * x + q);
      dP[k] = x * (psiSum - digamma(p * x));
      dQ[k] = psiSum - digammaQ;
    }
  }
  const logG = Math.log(gamma);
  let total = 0;
  let gp = 0;
  let gq = 0;
  let gg = 0;
  const n = d.x.length;
  for (let i = 0; i < n; i++) {
    const x = d.x[i] as number;
    const k = d.xIndex[i] as number;
    const px = p * x;
    const denom = gamma + x * (d.z[i] as number);
    const logDenom = Math.log(denom);
    total +=
      (common[k] as number) +
      q * logG +
      (px - 1) * (d.logZ[i] as number) +
      px * (d.logX[i] as number) -
      (px + q) * logDenom;
    if (gradient) {
      gp += (dP[k] as number) + x * ((d.logZ[i] as number) + (d.logX[i] as number) - logDenom);
      gq += (dQ[k] as number) + logG - logDenom;
      gg += q / gamma - (px + q) / denom;
    }
  }
  if (gradient) {
    gradient[0] = gp;
    gradient[1] = gq;
    gradient[2] = gg;
  }
  return total;
}

function repeatBuyers(rows: readonly RepeatSpend[]): RepeatSpend[] {
  return rows.filter(
    (r) => r.x >= 1 && Number.isFinite(r.meanRepeatValue) && r.meanRepeatValue > 0,
  );
}

/**
 * Log-likelihood of Gamma-Gamma parameters over the clients with x >= 1 and a positive mean
 * repeat value (others carry no spend information and are skipped).
 * Example: CDNOW at p = 6.25, q = 3.74, gamma = 15.44 gives about -4055.9 (946 repeat buyers).
 */
export function gammaGammaLogLikelihood(
  parameters: GammaGammaParameters,
  rows: readonly RepeatSpend[],
): number {
  checkParameters(parameters);
  return logLikelihoodPrepared(
    parameters.p,
    parameters.q,
    parameters.gamma,
    prepare(repeatBuyers(rows), 1),
  );
}

/**
 * Maximum-likelihood Gamma-Gamma fit on the repeat buyers (x >= 1, mean repeat value > 0): BFGS
 * on log-parameters with analytic gradients and money rescaled to a mean of 1, falling back to
 * Nelder-Mead. Standard errors from the observed information.
 * @param rows x and mean repeat value (money) per client; clients with x = 0 are skipped.
 * @throws AnalyticsError `empty_input` with fewer than 2 repeat buyers; ConvergenceError when the
 *   fit fails or runs to a boundary.
 * Example: CDNOW (946 repeat buyers) gives p ≈ 6.25, q ≈ 3.74, gamma ≈ 15.44 (Fader, Hardie & Lee
 * 2005 "RFM and CLV", and the lifetimes documentation).
 */
export function fitGammaGamma(rows: readonly RepeatSpend[]): GammaGammaFit {
  const buyers = repeatBuyers(rows);
  if (buyers.length < 2) {
    throw modelsError('empty_input', 'error.noRepeatBuyers', { count: buyers.length });
  }
  let meanValue = 0;
  for (const b of buyers) meanValue += b.meanRepeatValue / buyers.length;
  const data = prepare(buyers, meanValue);
  const n = buyers.length;
  const grad = new Float64Array(3);
  let lastTheta: readonly number[] = [];
  const evaluate = (theta: readonly number[]): number => {
    const [lp, lq, lg] = theta as [number, number, number];
    lastTheta = theta.slice();
    const v = -logLikelihoodPrepared(Math.exp(lp), Math.exp(lq), Math.exp(lg), data, grad) / n;
    return Number.isFinite(v) ? v : Infinity;
  };
  const gradient = (theta: readonly number[]): number[] => {
    if (lastTheta.length !== 3 || theta.some((v, i) => v !== lastTheta[i])) evaluate(theta);
    return theta.map((v, i) => (-(grad[i] as number) * Math.exp(v)) / n);
  };
  const start = [0, Math.log(2), 0];
  const fit = fitOnLogScale('Gamma-Gamma', ['p', 'q', 'gamma'], evaluate, gradient, start);
  const [lp, lq, lg] = fit.theta as [number, number, number];
  const parameters: GammaGammaParameters = {
    p: Math.exp(lp),
    q: Math.exp(lq),
    gamma: Math.exp(lg) * meanValue,
  };
  const original = prepare(buyers, 1);
  const logLikelihood = logLikelihoodPrepared(
    parameters.p,
    parameters.q,
    parameters.gamma,
    original,
  );
  return {
    model: 'gamma-gamma',
    parameters,
    standardErrors: standardErrorsOf(parameters, original),
    logLikelihood,
    iterations: fit.iterations,
    clientCount: n,
    method: fit.method,
  };
}

function standardErrorsOf(
  p: GammaGammaParameters,
  data: Prepared,
): GammaGammaParameters | undefined {
  const g = new Float64Array(3);
  const se = standardErrorsFromGradient([p.p, p.q, p.gamma], (at) => {
    logLikelihoodPrepared(at[0] as number, at[1] as number, at[2] as number, data, g);
    return Array.from(g);
  });
  if (!se) return undefined;
  return { p: se[0] as number, q: se[1] as number, gamma: se[2] as number };
}

/**
 * Expected mean value of a client's future purchases given x repeat purchases with mean value zbar
 * (Fader, Hardie & Lee 2005 "RFM and CLV", eq. 5; Fader & Hardie 2013, eq. 5):
 * (gamma + x zbar) p / (p x + q - 1), a weighted average of the population mean p gamma / (q - 1)
 * and the client's own zbar. With x = 0 it is the population mean.
 * @param row x (whole, >= 0) and meanRepeatValue (money, >= 0).
 * @throws AnalyticsError `numeric` when q <= 1 (the population mean spend is infinite);
 *   `invalid_argument` for invalid parameters.
 * Example: p = 6.25, q = 3.74, gamma = 15.44, x = 2, zbar = 22.35 gives
 * (15.44 + 44.70) * 6.25 / 15.24 = 24.66.
 */
export function gammaGammaExpectedSpend(
  parameters: GammaGammaParameters,
  row: RepeatSpend,
): number {
  checkParameters(parameters);
  const { p, q, gamma } = parameters;
  if (!(q > 1))
    throw modelsError('numeric', 'error.numericResult', { quantity: 'expected spend (q <= 1)' });
  const x = row.x > 0 && row.meanRepeatValue > 0 ? row.x : 0;
  const zbar = x > 0 ? row.meanRepeatValue : 0;
  return finiteOrThrow(((gamma + x * zbar) * p) / (p * x + q - 1), 'expected spend');
}
