import { minimizeBfgs, minimizeNelderMead } from '../math/optimizer';
import type { MinimizeResult } from '../math/optimizer';
import { AnalyticsError } from '../errors';
import { modelsConvergenceError } from './messages';

/**
 * Log-parameters beyond ±LIMIT (1e6 or 1e-6, on data rescaled to a longest T of 10 or a mean spend
 * of 1) mean the fit ran to a boundary of the model: e.g. r and alpha growing together when all
 * clients buy at the same rate, which the gamma mixture cannot express.
 */
const LIMIT = Math.log(1e6);
/** Beyond ±GUARD the objective is not evaluated (exp would overflow or hit a pole). */
const GUARD = 30;

export interface LogScaleFit {
  readonly theta: number[];
  /** Minimised objective (negative mean log-likelihood). */
  readonly value: number;
  readonly iterations: number;
  readonly method: 'bfgs' | 'nelder-mead';
}

/**
 * Minimises a negative mean log-likelihood over log-parameters: BFGS with the given analytic
 * gradient, then Nelder-Mead (polished by BFGS) if BFGS stalls. Guards every evaluation so that
 * non-finite values count as "worse", and turns failure into a `ConvergenceError` with advice.
 * @param objective negative log-likelihood per client, as a function of log-parameters.
 * @param gradient its gradient (same point convention).
 * @param parameterNames names for the error message, in theta order.
 * @throws ConvergenceError when no optimizer converges, or an estimate runs past 1e6 or 1e-6.
 */
export function fitOnLogScale(
  model: string,
  parameterNames: readonly string[],
  objective: (theta: readonly number[]) => number,
  gradient: (theta: readonly number[]) => number[],
  start: readonly number[],
  maxIterations = 200,
): LogScaleFit {
  const outside = (theta: readonly number[]): boolean => theta.some((v) => !(Math.abs(v) < GUARD));
  const f = (theta: readonly number[]): number => {
    if (outside(theta)) return Infinity;
    let v: number;
    try {
      v = objective(theta);
    } catch (error) {
      // A likelihood that cannot be computed at extreme trial parameters (e.g. a 2F1 series too
      // close to z = 1) counts as "too far" for the line search, like an overflow.
      if (error instanceof AnalyticsError) return Infinity;
      throw error;
    }
    return Number.isFinite(v) ? v : Infinity;
  };
  const g = (theta: readonly number[]): number[] => {
    let d: number[];
    try {
      d = gradient(theta);
    } catch (error) {
      if (error instanceof AnalyticsError) return theta.map(() => 0);
      throw error;
    }
    return d.every(Number.isFinite) ? d : d.map(() => 0);
  };
  const boundary = (r: MinimizeResult): number => r.x.findIndex((v) => !(Math.abs(v) < LIMIT));
  const fail = (r: MinimizeResult): never => {
    const index = boundary(r);
    if (index >= 0) {
      throw modelsConvergenceError('error.degenerate', 'advice.degenerate', {
        model,
        parameter: parameterNames[index] ?? String(index),
        value: Math.exp(r.x[index] as number).toPrecision(3),
      });
    }
    throw modelsConvergenceError('error.notConverged', 'advice.notConverged', {
      model,
      logLikelihood: Number.isFinite(r.value) ? (-r.value).toPrecision(8) : '-',
    });
  };
  const good = (r: MinimizeResult): boolean =>
    Number.isFinite(r.value) && r.gradientMaxAbs <= 1e-5 && boundary(r) < 0;
  const bfgs = minimizeBfgs(f, start, { maxIterations, gradient: g });
  if (good(bfgs)) {
    return { theta: bfgs.x, value: bfgs.value, iterations: bfgs.iterations, method: 'bfgs' };
  }
  if (boundary(bfgs) >= 0 && Number.isFinite(bfgs.value)) fail(bfgs);
  const nm = minimizeNelderMead(f, start, { maxIterations: 1000 });
  const polished = minimizeBfgs(f, nm.x, { maxIterations: 200, gradient: g });
  const best = polished.value <= nm.value ? polished : nm;
  if (!good(best)) fail(best);
  return {
    theta: best.x,
    value: best.value,
    iterations: bfgs.iterations + nm.iterations + polished.iterations,
    method: 'nelder-mead',
  };
}
