import {
  invertPositiveDefinite,
  standardErrorsFromGradient,
  minimizeBfgs,
  minimizeNelderMead,
  numericGradient,
  numericHessian,
} from '../../../shared/math/optimizer';

// The Rosenbrock function, minimum 0 at (1, 1) (H. Rosenbrock, Computer Journal 3(3), 1960).
const rosenbrock = (x: readonly number[]): number =>
  100 * ((x[1] as number) - (x[0] as number) ** 2) ** 2 + (1 - (x[0] as number)) ** 2;

describe('optimizer', () => {
  it('BFGS finds the Rosenbrock minimum (1, 1) from (-1.2, 1), the classic start', () => {
    const result = minimizeBfgs(rosenbrock, [-1.2, 1], { gradientTolerance: 1e-9 });
    expect(result.converged).toBe(true);
    expect(result.x[0]).toBeCloseTo(1, 5);
    expect(result.x[1]).toBeCloseTo(1, 5);
  });

  it('Nelder-Mead finds the minimum of (x-1)^2 + (y+2)^2 at (1, -2) (by hand)', () => {
    const result = minimizeNelderMead(
      (x) => ((x[0] as number) - 1) ** 2 + ((x[1] as number) + 2) ** 2,
      [0, 0],
    );
    expect(result.converged).toBe(true);
    expect(result.x[0]).toBeCloseTo(1, 4);
    expect(result.x[1]).toBeCloseTo(-2, 4);
  });

  it('BFGS survives an objective that is Infinity on part of the domain', () => {
    const f = (x: readonly number[]): number =>
      (x[0] as number) < 0 ? Infinity : ((x[0] as number) - 3) ** 2;
    const result = minimizeBfgs(f, [10]);
    expect(result.x[0]).toBeCloseTo(3, 5);
  });

  it('numeric derivatives of x^2 y at (1, 2): gradient (4, 1), Hessian [[4, 2], [2, 0]] (by hand)', () => {
    const f = (x: readonly number[]): number => (x[0] as number) ** 2 * (x[1] as number);
    const g = numericGradient(f, [1, 2]);
    expect(g[0]).toBeCloseTo(4, 8);
    expect(g[1]).toBeCloseTo(1, 8);
    const h = numericHessian(f, [1, 2], [1e-4, 1e-4]);
    expect(h[0]?.[0]).toBeCloseTo(4, 5);
    expect(h[0]?.[1]).toBeCloseTo(2, 5);
    expect(h[1]?.[1]).toBeCloseTo(0, 5);
  });

  it('inverts [[4, 2], [2, 3]] to [[0.375, -0.25], [-0.25, 0.5]] (by hand, determinant 8) and refuses an indefinite matrix', () => {
    const inv = invertPositiveDefinite([
      [4, 2],
      [2, 3],
    ]);
    expect(inv?.[0]?.[0]).toBeCloseTo(0.375, 14);
    expect(inv?.[0]?.[1]).toBeCloseTo(-0.25, 14);
    expect(inv?.[1]?.[1]).toBeCloseTo(0.5, 14);
    expect(
      invertPositiveDefinite([
        [1, 2],
        [2, 1],
      ]),
    ).toBeUndefined();
  });
});

describe('standardErrorsFromGradient', () => {
  it('gives 0.5 for LL = −(θ − 2)²/(2·0.25): information 1/0.25 = 4, standard error 1/√4 (by hand)', () => {
    const se = standardErrorsFromGradient([2], (at) => [-((at[0] as number) - 2) / 0.25]);
    expect(se?.[0]).toBeCloseTo(0.5, 8);
  });

  it('reads two independent normal log-likelihoods (variances 4 and 9) as errors 2 and 3 (by hand)', () => {
    const se = standardErrorsFromGradient([1, 5], (at) => [
      -((at[0] as number) - 1) / 4,
      -((at[1] as number) - 5) / 9,
    ]);
    expect(se?.[0]).toBeCloseTo(2, 6);
    expect(se?.[1]).toBeCloseTo(3, 6);
  });

  it('returns undefined at a minimum of the log-likelihood (information not positive definite)', () => {
    expect(standardErrorsFromGradient([2], (at) => [(at[0] as number) - 2])).toBeUndefined();
  });
});
